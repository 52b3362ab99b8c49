import Foundation
import TallyExtractor
import Testing

@Suite("PartialDate")
struct DatePartialDateTests {
  @Test(
    "Valid dates",
    arguments: [
      (2020, 2, 29, "2020-02-29"), (2000, 2, 29, "2000-02-29"), (2020, 12, 31, "2020-12-31"),
      (2019, 2, 28, "2019-02-28"), (1, 1, 1, "0001-01-01"), (9999, 12, 31, "9999-12-31"),
    ])
  func valid(year: Int, month: Int, day: Int, expected: String) throws {
    let date = try #require(PartialDate(year: year, month: month, day: day))
    #expect(date.description == expected)
    #expect(date.isFullDate)
  }

  @Test(
    "Invalid dates",
    arguments: [
      (2020, 2, 30), (2019, 2, 29), (1900, 2, 29), (2020, 4, 31), (2020, 13, 1), (2020, 0, 1),
      (2020, 1, 0), (2020, 1, 32), (0, 1, 1), (10_000, 1, 1),
    ])
  func invalid(year: Int, month: Int, day: Int) {
    #expect(PartialDate(year: year, month: month, day: day) == nil)
  }

  @Test("Coarser periods")
  func coarser() throws {
    let month = try #require(PartialDate(year: 2020, month: 7))
    #expect(month.description == "2020-07")
    #expect(!month.isFullDate)
    #expect(month.weekday == nil)
    #expect(month.adding(days: 1) == nil)
    let year = try #require(PartialDate(year: 1994))
    #expect(year.description == "1994")
    #expect(year.month == nil && year.day == nil)
    #expect(PartialDate(year: 33)?.description == "0033")
    #expect(PartialDate(year: 2020, day: 5) == nil, "a day requires a month")
    #expect(PartialDate(year: 2020, month: 13) == nil)
  }

  @Test(
    "Strict ISO parsing accepts",
    arguments: [("2020", "2020"), ("2020-07", "2020-07"), ("2020-10-04", "2020-10-04")])
  func isoAccepts(text: String, expected: String) {
    #expect(PartialDate(iso: text)?.description == expected)
  }

  @Test(
    "Strict ISO parsing rejects",
    arguments: [
      "2020-1-5", "2020-7", "2020-10-4", "20-10-04", " 2020", "2020 ", "2020-10-04T10:54",
      "2020-02-30", "2020/10/04", "", "abcd", "２０２０", "2020-00", "0000", "+2020",
    ])
  func isoRejects(text: String) {
    #expect(PartialDate(iso: text) == nil)
  }

  @Test("Order: year, month, day, coarser first")
  func ordering() throws {
    let dates = try ["2020-01-01", "2019-12-31", "2020", "2020-01", "2019"].map {
      try #require(PartialDate(iso: $0))
    }
    #expect(
      dates.sorted().map(\.description) == ["2019", "2019-12-31", "2020", "2020-01", "2020-01-01"])
  }

  @Test(
    "Adding days",
    arguments: [
      ("2020-12-31", 1, "2021-01-01"), ("2020-03-01", -1, "2020-02-29"),
      ("2019-03-01", -1, "2019-02-28"), ("1970-01-01", -1, "1969-12-31"),
      ("2020-10-04", -7, "2020-09-27"), ("2020-10-04", 0, "2020-10-04"),
      ("2000-02-28", 366, "2001-02-28"),
    ])
  func adding(start: String, days: Int, expected: String) throws {
    let date = try #require(PartialDate(iso: start))
    #expect(date.adding(days: days)?.description == expected)
  }

  @Test("Adding days beyond year 9999 gives nil")
  func addingOutOfRange() throws {
    let date = try #require(PartialDate(iso: "9999-12-31"))
    #expect(date.adding(days: 1) == nil)
  }

  @Test(
    "Weekdays",
    arguments: [
      ("2020-10-04", Weekday.sunday), ("2020-10-05", .monday), ("2020-09-27", .sunday),
      ("2020-09-28", .monday), ("2000-01-01", .saturday), ("1970-01-01", .thursday),
      ("1969-12-31", .wednesday), ("2024-02-29", .thursday), ("1994-05-12", .thursday),
    ])
  func weekdays(text: String, expected: Weekday) throws {
    #expect(try #require(PartialDate(iso: text)).weekday == expected)
  }

  @Test("Calendar arithmetic agrees with Foundation's Gregorian calendar, 1900 to 2100")
  func agreesWithFoundation() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let start = try #require(PartialDate(iso: "1900-01-01"))
    let origin = try #require(
      calendar.date(from: DateComponents(year: 1900, month: 1, day: 1)))
    for offset in stride(from: 0, to: 73_415, by: 13) {
      let date = try #require(start.adding(days: offset))
      let reference = try #require(calendar.date(byAdding: .day, value: offset, to: origin))
      let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: reference)
      #expect(date.year == parts.year && date.month == parts.month && date.day == parts.day)
      // Foundation numbers Sunday 1 ... Saturday 7.
      #expect(date.weekday?.rawValue == ((parts.weekday ?? 0) + 5) % 7 + 1)
    }
  }

  @Test("Codable as the ISO string")
  func codable() throws {
    let dates = try ["2020", "2020-07", "2020-10-04"].map { try #require(PartialDate(iso: $0)) }
    let data = try JSONEncoder().encode(dates)
    #expect(String(decoding: data, as: UTF8.self) == #"["2020","2020-07","2020-10-04"]"#)
    #expect(try JSONDecoder().decode([PartialDate].self, from: data) == dates)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([PartialDate].self, from: Data(#"["2020-02-30"]"#.utf8))
    }
  }

  @Test("Weekday numbering is ISO")
  func weekdayNumbers() {
    #expect(Weekday.monday.rawValue == 1)
    #expect(Weekday.sunday.rawValue == 7)
    #expect(Weekday.allCases.count == 7)
  }
}
