/// Proleptic Gregorian calendar arithmetic on plain integers.
///
/// The algorithms are Howard Hinnant's `days_from_civil` and `civil_from_days`
/// (<https://howardhinnant.github.io/date_algorithms.html>). Day 0 is 1970-01-01, a Thursday.
/// For example:
///
/// ```swift
/// CivilCalendar.days(year: 2020, month: 10, day: 4)  // 18539
/// CivilCalendar.date(days: 18539)                     // (2020, 10, 4)
/// ```
///
/// - Complexity: O(1) for every function.
public enum CivilCalendar {
  /// Whether `year` has a 29 February.
  public static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in `month` (1...12) of `year`.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 for a valid civil date.
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The civil date `days` after 1970-01-01.
  public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
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

  /// The ISO weekday number (1 = Monday ... 7 = Sunday) of the day `days` after 1970-01-01.
  public static func isoWeekday(days: Int) -> Int {
    let r = (days + 3) % 7
    return (r < 0 ? r + 7 : r) + 1
  }

  /// The ISO text `YYYY-MM-DD` of a day number.
  public static func iso(_ days: Int) -> String {
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
