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
        ordinal: Int32(y * 10000), day: nil, lastDay: Int32(CivilDays.days(year: y, month: 12, day: 31)))
    case 7:
      guard bytes[4] == dash, let y = digits(0, 4), let m = digits(5, 2), y >= 1, (1...12).contains(m)
      else { return nil }
      let last = CivilDays.daysInMonth(year: y, month: m)
      return AsOfDate(
        ordinal: Int32(y * 10000 + m * 100), day: nil, lastDay: Int32(CivilDays.days(year: y, month: m, day: last)))
    case 10:
      guard bytes[4] == dash, bytes[7] == dash, let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
        y >= 1, (1...12).contains(m), d >= 1, d <= CivilDays.daysInMonth(year: y, month: m)
      else { return nil }
      let serial = Int32(CivilDays.days(year: y, month: m, day: d))
      return AsOfDate(ordinal: Int32(y * 10000 + m * 100 + d), day: serial, lastDay: serial)
    default:
      return nil
    }
  }
}

/// Proleptic Gregorian day numbers (Howard Hinnant's `days_from_civil` and `civil_from_days`).
///
/// Day 0 is 1970-01-01. For example, `CivilDays.days(year: 2020, month: 10, day: 4)` is 18539 and
/// `CivilDays.iso(18539)` is `"2020-10-04"`.
enum CivilDays {
  /// Whether `year` has a 29 February.
  static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in `month` (1...12) of `year`.
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 for a valid civil date.
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The civil date `days` after 1970-01-01.
  static func date(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The ISO text `YYYY-MM-DD` of a day number.
  static func iso(_ days: Int) -> String {
    let (y, m, d) = date(days: days)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10)
    func put(_ value: Int, _ width: Int) {
      var divisor = 1
      for _ in 1..<width { divisor *= 10 }
      while divisor > 0 {
        bytes.append(UInt8(0x30 + (value / divisor) % 10))
        divisor /= 10
      }
    }
    put(y, 4)
    bytes.append(0x2D)
    put(m, 2)
    bytes.append(0x2D)
    put(d, 2)
    return String(decoding: bytes, as: UTF8.self)
  }
}
