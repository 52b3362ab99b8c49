import TallyExtractor
import Testing

@Suite("DateMention.resolved(publication:)")
struct DateResolutionTests {
  private func resolve(_ kind: DateMention.Kind, published: String?) -> String? {
    let publication = published.flatMap(PartialDate.init(iso:))
    return DateMention(kind: kind, range: 0..<1).resolved(publication: publication)?.description
  }

  @Test(
    "A weekday is the last such day on or before publication",
    arguments: [
      (Weekday.sunday, "2020-10-05", "2020-10-04"),  // published on a Monday
      (.sunday, "2020-10-04", "2020-10-04"),  // published on that Sunday
      (.saturday, "2020-10-04", "2020-10-03"),
      (.monday, "2020-10-04", "2020-09-28"),
      (.thursday, "2021-01-02", "2020-12-31"),  // across New Year
    ])
  func weekdays(weekday: Weekday, published: String, expected: String) {
    #expect(resolve(.weekday(weekday), published: published) == expected)
  }

  @Test(
    "A day of a month falls in the publication year unless that is over 31 days ahead",
    arguments: [
      (9, 27, "2020-10-04", "2020-09-27"),
      (10, 20, "2020-10-04", "2020-10-20"),  // 16 days ahead: still this year
      (11, 4, "2020-10-04", "2020-11-04"),  // exactly 31 days ahead: still this year
      (11, 5, "2020-10-04", "2019-11-05"),  // 32 days ahead: the year before
      (12, 30, "2021-01-02", "2020-12-30"),  // across New Year
      (1, 20, "2020-12-28", "2020-01-20"),
      (2, 29, "2021-03-01", "2020-02-29"),  // no 29 February in 2021
      (11, 15, "2020-10", "2020-11-15"),  // month precision: counts from 31 October
    ])
  func monthDays(month: Int, day: Int, published: String, expected: String) {
    #expect(resolve(.monthDay(month: month, day: day), published: published) == expected)
  }

  @Test(
    "A month falls in the publication year unless it comes after the publication month",
    arguments: [
      (7, "2020-10-04", "2020-07"),
      (10, "2020-10-04", "2020-10"),
      (11, "2020-10-04", "2019-11"),
      (12, "2021-01-02", "2020-12"),
      (7, "2020", "2020-07"),
    ])
  func months(month: Int, published: String, expected: String) {
    #expect(resolve(.month(month), published: published) == expected)
  }

  @Test(
    "Relative days count from publication",
    arguments: [
      (0, "2020-10-04", "2020-10-04"), (-1, "2020-10-04", "2020-10-03"),
      (-1, "2021-01-01", "2020-12-31"), (-2, "2020-03-01", "2020-02-28"),
      (1, "2020-02-28", "2020-02-29"),
    ])
  func relative(days: Int, published: String, expected: String) {
    #expect(resolve(.relativeDays(days), published: published) == expected)
  }

  @Test("Explicit dates need no publication date; the rest do")
  func withoutPublication() throws {
    let date = try #require(PartialDate(iso: "1994"))
    #expect(resolve(.date(date), published: nil) == "1994")
    #expect(resolve(.monthDay(month: 9, day: 27), published: nil) == nil)
    #expect(resolve(.month(7), published: nil) == nil)
    #expect(resolve(.weekday(.sunday), published: nil) == nil)
    #expect(resolve(.relativeDays(-1), published: nil) == nil)
    // Weekdays and relative days need a day-precise publication date.
    #expect(resolve(.weekday(.sunday), published: "2020-10") == nil)
    #expect(resolve(.relativeDays(-1), published: "2020") == nil)
  }

  @Test("Decades are left to the extractor")
  func decades() {
    #expect(resolve(.decade(1990), published: "2020-10-04") == nil)
  }

  @Test("When a date comes with a weekday, the date wins")
  func dateBeatsWeekday() throws {
    let date = try #require(PartialDate(iso: "2020-10-05"))
    let mention = DateMention(kind: .date(date), range: 0..<18, weekday: .sunday)
    #expect(mention.resolved(publication: PartialDate(iso: "2020-10-10")) == date)
    let monthDay = DateMention(kind: .monthDay(month: 9, day: 27), range: 0..<20, weekday: .monday)
    #expect(
      monthDay.resolved(publication: PartialDate(iso: "2020-10-04"))?.description == "2020-09-27")
  }

  @Test("Scanned mentions of a seed-like sentence resolve to the gold as_of values")
  func scannedSentence() {
    let text = """
      Armenia has reported 209 military deaths on Sunday. Aliyev announced a day earlier that \
      his forces had seized seven villages. The clashes in July killed over a dozen people; \
      in April 2016, around 110 people were killed; a 1994 ceasefire ended the war.
      """
    let publication = PartialDate(iso: "2020-10-04")
    let resolved = DateScanner.mentions(in: text).map {
      $0.resolved(publication: publication)?.description ?? "-"
    }
    #expect(resolved == ["2020-10-04", "2020-10-03", "2020-07", "2016-04", "1994"])
  }
}
