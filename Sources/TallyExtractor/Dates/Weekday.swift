/// A day of the week, numbered as in ISO 8601 (Monday is 1, Sunday is 7).
///
/// For example, `PartialDate(iso: "2020-09-27")?.weekday == .sunday`, and
/// `Weekday.sunday.rawValue == 7`.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable {
  case monday = 1
  case tuesday, wednesday, thursday, friday, saturday, sunday
}
