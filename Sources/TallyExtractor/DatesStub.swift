// TEMPORARY: the date API as specified for the dates branch; removed when it merges.
public struct PartialDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int?
  public var day: Int?
  public init?(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year; self.month = month; self.day = day
  }
  public init?(iso: String) {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard let y = parts.first else { return nil }
    self.year = y; self.month = parts.count > 1 ? parts[1] : nil; self.day = parts.count > 2 ? parts[2] : nil
  }
  public var description: String {
    var s = String(year)
    if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
    if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
    return s
  }
  public var isFullDate: Bool { day != nil }
  public static func < (a: PartialDate, b: PartialDate) -> Bool { a.description < b.description }
  public func adding(days: Int) -> PartialDate? { nil }
}
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable { case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday }
public struct DateMention: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case date(PartialDate)
    case monthDay(month: Int, day: Int)
    case month(Int)
    case decade(Int)
    case weekday(Weekday)
    case relativeDays(Int)
  }
  public var kind: Kind
  public var range: Range<Int>
  public var weekday: Weekday?
  public var startsPeriod: Bool
  public func resolved(publication: PartialDate?) -> PartialDate? { nil }
}
public enum DateScanner {
  public static func mentions(in text: UnsafeBufferPointer<UInt8>) -> [DateMention] { [] }
  public static func timeRanges(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] { [] }
}
