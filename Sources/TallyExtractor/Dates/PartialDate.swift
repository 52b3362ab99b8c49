/// A calendar date or a coarser period, as precise as the text allows.
///
/// A partial date has a year, optionally a month, and a day only when it has a month.
/// The initialisers validate the combination against the proleptic Gregorian calendar,
/// so an instance always names a real day, month or year. For example:
///
/// ```swift
/// PartialDate(year: 2020, month: 10, day: 4)?.description  // "2020-10-04"
/// PartialDate(year: 2020, month: 2, day: 30)              // nil
/// PartialDate(iso: "2016-04")?.isFullDate                   // false
/// PartialDate(iso: "2020-10-04")?.weekday                   // .sunday
/// ```
///
/// Dates order by year, then month, then day, with the coarser date first:
/// `2020 < 2020-01 < 2020-01-01`. A partial date encodes as its ISO string (`"2020-07"`).
///
/// The fields are read-only so that the validation cannot be bypassed; build a new value
/// with ``init(year:month:day:)`` instead.
public struct PartialDate: Sendable, Hashable {
  /// The year, 1...9999.
  public private(set) var year: Int
  /// The month, 1...12, if known.
  public private(set) var month: Int?
  /// The day of the month, if known; only set when ``month`` is.
  public private(set) var day: Int?

  /// Creates a date, or returns `nil` when the combination does not exist.
  ///
  /// For example, `PartialDate(year: 2020, month: 2, day: 29)` succeeds (2020 is a leap year),
  /// `PartialDate(year: 2019, month: 2, day: 29)` and `PartialDate(year: 2020, day: 4)`
  /// (a day without a month) return `nil`.
  ///
  /// - Parameters:
  ///   - year: The year, 1...9999.
  ///   - month: The month, 1...12.
  ///   - day: The day, valid for the month and year; requires `month`.
  public init?(year: Int, month: Int? = nil, day: Int? = nil) {
    guard (1...9999).contains(year) else { return nil }
    if let month {
      guard (1...12).contains(month) else { return nil }
      if let day {
        guard day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else {
          return nil
        }
      }
    } else if day != nil {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strictly: four-digit years, two-digit months and
  /// days, ASCII digits, nothing before or after.
  ///
  /// For example, `PartialDate(iso: "2020-07")` is July 2020, while `"2020-7"`, `"2020-1-5"`,
  /// `" 2020"` and `"2020-02-30"` all give `nil`.
  public init?(iso: String) {
    var iso = iso
    let parsed = iso.withUTF8 { PartialDate.parseISO($0) }
    guard let parsed else { return nil }
    self = parsed
  }

  /// Whether this names one day: it has a month and a day.
  public var isFullDate: Bool { day != nil }

  /// The date `days` days later (earlier when negative); `nil` unless this is a full date or
  /// when the result leaves the years 1...9999.
  ///
  /// For example, `PartialDate(iso: "2020-12-31")?.adding(days: 1)` is `2021-01-01`.
  public func adding(days: Int) -> PartialDate? {
    guard let serial = dayNumber else { return nil }
    let (y, m, d) = CivilCalendar.date(days: serial + days)
    return PartialDate(year: y, month: m, day: d)
  }

  /// The day of the week of a full date; `nil` for a month or a year.
  ///
  /// For example, `PartialDate(iso: "2020-10-05")?.weekday` is `.monday`.
  public var weekday: Weekday? {
    guard let serial = dayNumber else { return nil }
    return Weekday(rawValue: CivilCalendar.isoWeekday(days: serial))
  }

  /// Days since 1970-01-01 of a full date.
  var dayNumber: Int? {
    guard let month, let day else { return nil }
    return CivilCalendar.days(year: year, month: month, day: day)
  }

  /// The last day this date covers: itself for a full date, else the end of its month or year.
  var lastDay: PartialDate {
    if isFullDate { return self }
    let m = month ?? 12
    return PartialDate(year: year, month: m, day: CivilCalendar.daysInMonth(year: year, month: m))
      ?? self
  }

  /// Parses strict ISO bytes.
  static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> PartialDate? {
    func digits(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for index in from..<(from + count) {
        let byte = bytes[index]
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    let dash: UInt8 = 0x2D
    switch bytes.count {
    case 4:
      guard let y = digits(0, 4) else { return nil }
      return PartialDate(year: y)
    case 7:
      guard bytes[4] == dash, let y = digits(0, 4), let m = digits(5, 2) else { return nil }
      return PartialDate(year: y, month: m)
    case 10:
      guard bytes[4] == dash, bytes[7] == dash, let y = digits(0, 4), let m = digits(5, 2),
        let d = digits(8, 2)
      else { return nil }
      return PartialDate(year: y, month: m, day: d)
    default:
      return nil
    }
  }
}

extension PartialDate: Comparable {
  /// Orders by year, then month, then day; a coarser date sorts before the finer ones it contains.
  public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
    (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
  }
}

extension PartialDate: CustomStringConvertible {
  /// The ISO form: `"2020"`, `"2020-07"` or `"2020-10-04"`.
  public var description: String {
    // Built as ASCII bytes on the stack: this runs once or twice per claim.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
      var count = 0
      func put(_ value: Int, digits: Int) {
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        var rest = value
        while divisor > 0 {
          buffer[count] = 0x30 + UInt8(truncatingIfNeeded: rest / divisor % 10)
          count += 1
          rest %= divisor
          divisor /= 10
        }
      }
      put(year, digits: 4)
      if let month {
        buffer[count] = 0x2D
        count += 1
        put(month, digits: 2)
      }
      if let day {
        buffer[count] = 0x2D
        count += 1
        put(day, digits: 2)
      }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
    }
  }
}

extension PartialDate: Codable {
  /// Decodes the ISO string form, for example `"2020-07"`.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the string is not a valid partial date.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = PartialDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a YYYY, YYYY-MM or YYYY-MM-DD date")
    }
    self = date
  }

  /// Encodes the ISO string form, for example `"2020-10-04"`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
