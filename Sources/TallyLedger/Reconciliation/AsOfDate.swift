import TallyExtractor

/// An as-of or publication date read from its ISO text, in the forms the ledger stores.
///
/// `ordinal` orders dates the way ``PartialDate`` does, a coarser date before the days it
/// contains: `1994` is 19940000, `2020-07` is 20200700, `2020-10-04` is 20201004.
/// `day` counts days since 1970-01-01 for a full date.
struct AsOfDate: Sendable, Hashable {
  /// `year * 10000 + month * 100 + day`, with 0 for a missing month or day.
  var ordinal: Int32
  /// Days since 1970-01-01 of a full date; `nil` for a month or a year.
  var day: Int32?
  /// The last day the date covers, in days since 1970-01-01.
  var lastDay: Int32

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for anything else or an impossible date.
  init?(iso: String) {
    var text = iso
    guard let parsed = text.withUTF8({ AsOfDate.parse($0) }) else { return nil }
    self = parsed
  }

  private init(ordinal: Int32, day: Int32?, lastDay: Int32) {
    self.ordinal = ordinal
    self.day = day
    self.lastDay = lastDay
  }

  /// The year of the date.
  var year: Int { Int(ordinal / 10000) }
  /// The month, 0 when the date is a year.
  var month: Int { Int(ordinal / 100 % 100) }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AsOfDate? {
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
      guard let y = digits(0, 4), y >= 1 else { return nil }
      return AsOfDate(
        ordinal: Int32(y * 10000), day: nil, lastDay: Int32(CivilCalendar.days(year: y, month: 12, day: 31)))
    case 7:
      guard bytes[4] == dash, let y = digits(0, 4), let m = digits(5, 2), y >= 1, (1...12).contains(m)
      else { return nil }
      let last = CivilCalendar.daysInMonth(year: y, month: m)
      return AsOfDate(
        ordinal: Int32(y * 10000 + m * 100), day: nil, lastDay: Int32(CivilCalendar.days(year: y, month: m, day: last)))
    case 10:
      guard bytes[4] == dash, bytes[7] == dash, let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
        y >= 1, (1...12).contains(m), d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: m)
      else { return nil }
      let serial = Int32(CivilCalendar.days(year: y, month: m, day: d))
      return AsOfDate(ordinal: Int32(y * 10000 + m * 100 + d), day: serial, lastDay: serial)
    default:
      return nil
    }
  }
}
