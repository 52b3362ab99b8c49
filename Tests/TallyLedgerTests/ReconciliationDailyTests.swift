import TallyExtractor
import TallyLedger
import Testing

@Suite("Reconciliation: daily tally")
struct ReconciliationDailyTests {
  static let reuters = Doc(id: 1, name: "reuters-0927.txt", source: "Reuters", published: "2020-09-27")
  static let armenpress = Doc(id: 2, name: "armenpress-0929.txt", source: "Armenpress", published: "2020-09-29")
  static let azatutyun = Doc(id: 3, name: "azatutyun-0929.txt", source: "Azatutyun", published: "2020-09-29")
  static let apa = Doc(id: 4, name: "apa-0928.txt", source: "APA", published: "2020-09-28")
  static let trend = Doc(id: 5, name: "trend-1001.txt", source: "Trend", published: "2020-10-01")

  /// Armenia Defense Ministry: 16 military deaths as of 27 September, 84 as of 29 September (two
  /// outlets). Azerbaijan Prosecutor General: 19 civilians killed as of 28 September, 24 as of 1 October.
  static func fixture() -> Fixture {
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 16, asOf: "2020-09-27", in: reuters)
    f.add(
      "Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: armenpress, azatutyun)
    f.add("Azerbaijan", .killed, "civilian", by: "Azerbaijan Prosecutor General", 19, asOf: "2020-09-28", in: apa)
    f.add(
      "Azerbaijan", .killed, "civilian", by: "Azerbaijan Prosecutor General", 24, .atLeast, asOf: "2020-10-01",
      in: trend)
    return f
  }

  @Test func supersedesAndCarriesForwardDayByDay() {
    let rows = Reconciliation(claims: Self.fixture().claims).daily()
    #expect(
      rows.map(line) == [
        "2020-09-27|Armenia|killed|military|Armenia Defense Ministry|16|16|16||reported|1",
        "2020-09-28|Armenia|killed|military|Armenia Defense Ministry|16|16|16|0|carried|1",
        "2020-09-28|Azerbaijan|killed|civilian|Azerbaijan Prosecutor General|19|19|19||reported|1",
        "2020-09-29|Armenia|killed|military|Armenia Defense Ministry|84|84|84|68|reported|2",
        "2020-09-29|Azerbaijan|killed|civilian|Azerbaijan Prosecutor General|19|19|19|0|carried|1",
        "2020-09-30|Armenia|killed|military|Armenia Defense Ministry|84|84|84|0|carried|2",
        "2020-09-30|Azerbaijan|killed|civilian|Azerbaijan Prosecutor General|19|19|19|0|carried|1",
        "2020-10-01|Armenia|killed|military|Armenia Defense Ministry|84|84|84|0|carried|2",
        "2020-10-01|Azerbaijan|killed|civilian|Azerbaijan Prosecutor General|24|24||5|reported|1",
      ])
  }

  @Test func fromKeepsTheCarriedValueForTheFirstChange() {
    let from = PartialDate(iso: "2020-09-29")
    let rows = Reconciliation(claims: Self.fixture().claims).daily(DailyFilter(from: from))
    #expect(
      rows.filter { $0.party == "Armenia" }.map(line) == [
        "2020-09-29|Armenia|killed|military|Armenia Defense Ministry|84|84|84|68|reported|2",
        "2020-09-30|Armenia|killed|military|Armenia Defense Ministry|84|84|84|0|carried|2",
        "2020-10-01|Armenia|killed|military|Armenia Defense Ministry|84|84|84|0|carried|2",
      ])
    let carriedFirst = Reconciliation(claims: Self.fixture().claims).daily(
      DailyFilter(from: PartialDate(iso: "2020-09-28"), to: PartialDate(iso: "2020-09-28")))
    #expect(
      carriedFirst.map(line) == [
        "2020-09-28|Armenia|killed|military|Armenia Defense Ministry|16|16|16|0|carried|1",
        "2020-09-28|Azerbaijan|killed|civilian|Azerbaijan Prosecutor General|19|19|19||reported|1",
      ])
  }

  @Test func toClipsTheLastDay() {
    let rows = Reconciliation(claims: Self.fixture().claims).daily(DailyFilter(to: PartialDate(iso: "2020-09-28")))
    #expect(rows.map(\.date) == ["2020-09-27", "2020-09-28", "2020-09-28"])
    // A month stands for its last day in `to`, its first day in `from`.
    let september = Reconciliation(claims: Self.fixture().claims).daily(
      DailyFilter(from: PartialDate(iso: "2020-09"), to: PartialDate(iso: "2020-09")))
    #expect(september.count == 7)
    #expect(september.last?.date == "2020-09-30")
  }

  @Test func partyFilterEndsTheRangeAtTheFilteredSetsLastDay() {
    // Without a filter Armenia's series runs to 1 October (Azerbaijan's last figure); filtered to
    // Armenia (in any case) it ends on its own last as-of day.
    let rows = Reconciliation(claims: Self.fixture().claims).daily(DailyFilter(party: "armenia"))
    #expect(rows.map(\.date) == ["2020-09-27", "2020-09-28", "2020-09-29"])
    #expect(Set(rows.map(\.party)) == ["Armenia"])
  }

  @Test func categoryFilter() {
    var f = Self.fixture()
    f.add("Armenia", .wounded, "military", by: "Armenia Defense Ministry", 100, asOf: "2020-09-30", in: Self.armenpress)
    let reconciliation = Reconciliation(claims: f.claims)
    #expect(
      reconciliation.daily(DailyFilter(category: .wounded)).map(line) == [
        "2020-09-30|Armenia|wounded|military|Armenia Defense Ministry|100|100|100||reported|1"
      ])
    #expect(reconciliation.daily(DailyFilter(category: .killed)).count == 9)
    #expect(reconciliation.daily(DailyFilter(category: .population)).isEmpty)
    #expect(reconciliation.daily(DailyFilter(party: "Russia")).isEmpty)
  }

  @Test func sameDayTheLaterPublishedFigureWins() {
    var f = Fixture()
    let early = Doc(id: 1, name: "a.txt", source: "A", published: "2020-09-29")
    let late = Doc(id: 2, name: "b.txt", source: "B", published: "2020-09-30")
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 90, asOf: "2020-09-29", in: late)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: early)
    let reconciliation = Reconciliation(claims: f.claims)
    #expect(
      reconciliation.daily().map(line) == [
        "2020-09-29|Armenia|killed|military|Armenia Defense Ministry|90|90|90||reported|1"
      ])
    // Published later and lower is a regression.
    var g = Fixture()
    g.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 90, asOf: "2020-09-29", in: early)
    g.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: late)
    let corrected = Reconciliation(claims: g.claims)
    #expect(corrected.daily().map(\.value) == [84])
    #expect(
      corrected.findings().filter { $0.kind == .regression }.map(\.message) == [
        "Armenia Defense Ministry lowered the count of Armenia's military deaths from 90 (A, 2020-09-29) "
          + "to 84 (B, 2020-09-30)."
      ])
  }

  @Test func onlyCumulativeFullDayCurrentFiguresTakePart() {
    var f = Fixture()
    let doc = Doc(id: 1, name: "a.txt", source: "A", published: "2020-10-04")
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 200, asOf: "2020-10-03", in: doc)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 30_000, .about, asOf: "1994", in: doc)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 90, asOf: "2020-07", in: doc)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 300, asOf: "2020-10", in: doc)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 500, asOf: nil, in: doc)
    f.add("Azerbaijan", .population, "", by: nil, 330_000, .moreThan, asOf: "2020-10-04", location: "Ganja", in: doc)
    f.add("Azerbaijan", .seized, "village", by: "Ilham Aliyev", 7, asOf: "2020-10-04", in: doc)
    let rows = Reconciliation(claims: f.claims).daily()
    #expect(rows.map(line) == ["2020-10-03|Armenia|killed|military|Armenia Defense Ministry|200|200|200||reported|1"])
    #expect(
      Reconciliation.dailyCategories == [.killed, .wounded, .casualties, .missing, .captured, .displaced, .destroyed])
  }

  @Test func emptyLedgerHasNoRows() {
    #expect(Reconciliation(claims: []).daily().isEmpty)
    #expect(Reconciliation(claims: []).compare().isEmpty)
    #expect(Reconciliation(claims: []).findings().isEmpty)
  }
}
