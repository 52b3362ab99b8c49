import TallyExtractor
import TallyLedger
import Testing

@Suite("Reconciliation: compare, low/best/high")
struct ReconciliationCompareTests {
  static let reuters = Doc(id: 1, name: "reuters.txt", source: "Reuters", published: "2020-10-02")
  static let azertac = Doc(id: 2, name: "azertac.txt", source: "Azertac", published: "2020-10-03")
  static let tass = Doc(id: 3, name: "tass.txt", source: "TASS", published: "2020-10-03")
  static let aljazeera = Doc(id: 4, name: "aljazeera.txt", source: "Al Jazeera", published: "2020-10-04")

  @Test func threeClaimantsWithThePartysOwnAdmission() {
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 16, asOf: "2020-09-27", in: Self.reuters)
    f.add(
      "Armenia", .killed, "military", by: "Armenia Defense Ministry", 209, asOf: "2020-10-02", in: Self.reuters,
      Self.tass)
    f.add(
      "Armenia", .killed, "military", by: "Azerbaijan Defense Ministry", 2_300, .moreThan, asOf: "2020-10-03",
      in: Self.azertac)
    f.add("Armenia", .killed, "military", by: "Ilham Aliyev", 5_000, .upTo, asOf: "2020-10-04", in: Self.aljazeera)
    let rows = Reconciliation(claims: f.claims).compare()
    // Each claimant's latest figure; best is Armenia's own 209; spread 5000 / 209 = 23.92.
    #expect(
      rows.map(line) == [
        "Armenia|killed|military||Armenia Defense Ministry|209|2020-10-02|209|209|209|5000|23.92|own|",
        "Armenia|killed|military||Azerbaijan Defense Ministry|2300|2020-10-03|2301|209|209|5000|23.92|own|",
        "Armenia|killed|military||Ilham Aliyev|5000|2020-10-04|5000|209|209|5000|23.92|own|",
      ])
    #expect(rows[0].sources == 2)
    #expect(rows[0].outlets == ["Reuters", "TASS"])
    #expect(rows[0].documents == ["reuters.txt", "tass.txt"])
    #expect(rows[1].qualifier == .moreThan)
  }

  @Test func threeClaimantsWithoutAdmissionTakeTheMedian() {
    var f = Fixture()
    // `Armenian Weekly` is not an institution of Armenia: only `Armenia` or `Armenia ...` is.
    f.add("Armenia", .killed, "military", by: "Armenian Weekly", 1_000, .about, asOf: "2020-10-02", in: Self.reuters)
    f.add(
      "Armenia", .killed, "military", by: "Azerbaijan Defense Ministry", 2_300, .moreThan, asOf: "2020-10-03",
      in: Self.azertac)
    f.add("Armenia", .killed, "military", by: "Ilham Aliyev", 5_000, .upTo, asOf: "2020-10-04", in: Self.aljazeera)
    let rows = Reconciliation(claims: f.claims).compare()
    #expect(
      rows.map(line) == [
        "Armenia|killed|military||Armenian Weekly|1000|2020-10-02|1000|1000|2301|5000|5.00|median|",
        "Armenia|killed|military||Azerbaijan Defense Ministry|2300|2020-10-03|2301|1000|2301|5000|5.00|median|",
        "Armenia|killed|military||Ilham Aliyev|5000|2020-10-04|5000|1000|2301|5000|5.00|median|",
      ])
  }

  @Test func rangesGiveTheirEndsToLowAndHighAndTheirMiddleToTheMedian() {
    var f = Fixture()
    f.add(
      "Armenia", .killed, "military", by: "United Nations", 1_500, .range, low: 1_500, high: 2_500, asOf: "2020-10-02",
      in: Self.reuters)
    f.add(
      "Armenia", .killed, "military", by: "Azerbaijan Defense Ministry", 2_300, .moreThan, asOf: "2020-10-03",
      in: Self.azertac)
    f.add("Armenia", .killed, "military", by: "Ilham Aliyev", 2_400, .upTo, asOf: "2020-10-04", in: Self.aljazeera)
    let three = Reconciliation(claims: f.claims).compare()
    // low = 1,500 (the range's low end), high = 2,500 (its high end); median of 2,000, 2,301, 2,400.
    #expect(
      three.map { [$0.countsAs, $0.groupLow, $0.best, $0.groupHigh] } == [
        [2_301, 1_500, 2_301, 2_500], [2_400, 1_500, 2_301, 2_500], [2_000, 1_500, 2_301, 2_500],
      ])
    #expect(three.map(\.spread) == ["1.67", "1.67", "1.67"])
    // A fourth claimant: the lower median of 1,200, 2,000, 2,301, 2,400 is 2,000.
    f.add("Armenia", .killed, "military", by: "TASS", 1_200, .about, asOf: "2020-10-03", in: Self.tass)
    let four = Reconciliation(claims: f.claims).compare()
    #expect(four.map(\.claimant) == ["Azerbaijan Defense Ministry", "Ilham Aliyev", "TASS", "United Nations"])
    #expect(Set(four.map(\.best)) == [2_000])
    #expect(Set(four.map(\.groupLow)) == [1_200])
    #expect(Set(four.map(\.groupHigh)) == [2_500])
    #expect(Set(four.map(\.basis)) == [.median])
  }

  @Test func vagueAndAtLeastGiveTheirLowerBound() {
    var f = Fixture()
    f.add(
      "Ukraine", .wounded, "civilian", by: "Ukraine Health Ministry", 200, .vague, asOf: "2020-10-02", in: Self.reuters)
    f.add("Ukraine", .wounded, "civilian", by: "United Nations", 150, .atLeast, asOf: "2020-10-02", in: Self.reuters)
    let rows = Reconciliation(claims: f.claims).compare()
    #expect(rows.map(\.countsAs) == [200, 150])
    // The party's own health ministry speaks for it.
    #expect(rows.map(\.best) == [200, 200])
    #expect(rows.map(\.basis) == [.own, .own])
    #expect(rows.map(\.spread) == ["1.33", "1.33"])
  }

  @Test func historicalFiguresFormTheirOwnGroups() {
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 209, asOf: "2020-10-02", in: Self.reuters)
    f.add("Armenia", .killed, "military", by: "Azertac", 30_000, .about, asOf: "1994", in: Self.azertac)
    f.add("Armenia", .killed, "military", by: "TASS", 25_000, .about, asOf: "1994", in: Self.tass)
    f.add("Armenia", .killed, "military", by: "TASS", 90, asOf: "2020-07", in: Self.tass)
    let reconciliation = Reconciliation(claims: f.claims)
    #expect(reconciliation.trackedFrom == PartialDate(iso: "2020-09-01"))
    #expect(
      reconciliation.compare().map(line) == [
        "Armenia|killed|military||Armenia Defense Ministry|209|2020-10-02|209|209|209|209|1.00|own|",
        "Armenia|killed|military||Azertac|30000|1994|30000|25000|25000|30000|1.20|median|historical",
        "Armenia|killed|military||TASS|25000|1994|25000|25000|25000|30000|1.20|median|historical",
        "Armenia|killed|military||TASS|90|2020-07|90|90|90|90|1.00|median|historical",
      ])
    // Historical figures are not in the daily tally.
    #expect(reconciliation.daily().map(\.value) == [209])
  }

  @Test func trackedPeriodCanBeGiven() {
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 16, asOf: "2020-09-27", in: Self.reuters)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 209, asOf: "2020-10-02", in: Self.reuters)
    let reconciliation = Reconciliation(claims: f.claims, trackedFrom: PartialDate(iso: "2020-10-01"))
    #expect(reconciliation.isHistorical(0))
    #expect(!reconciliation.isHistorical(1))
    #expect(reconciliation.daily().map(\.value) == [209])
  }

  @Test func populationGroupsArePerLocationWithoutOwnAdmission() {
    var f = Fixture()
    let presstv = Doc(id: 10, name: "presstv.txt", source: "Press TV", published: "2020-10-04")
    let window = Doc(id: 11, name: "windowofworld.txt", source: "Windowofworld.com", published: "2020-10-05")
    f.add(
      "Azerbaijan", .population, "", by: "Azerbaijan Defense Ministry", 330_000, .moreThan, asOf: "2020-10-04",
      location: "Ganja", in: presstv)
    f.add(
      "Azerbaijan", .population, "", by: "Hikmet Hajiyev", 500_000, .moreThan, asOf: "2020-10-05", location: "Ganja",
      in: window)
    f.add(
      "Azerbaijan", .population, "", by: "Hikmet Hajiyev", 60_000, asOf: "2020-10-05", location: "Tartar", in: window)
    #expect(
      Reconciliation(claims: f.claims).compare().map(line) == [
        "Azerbaijan|population||Ganja|Azerbaijan Defense Ministry|330000|2020-10-04|330001|330001|330001|500001|1.52|median|",
        "Azerbaijan|population||Ganja|Hikmet Hajiyev|500000|2020-10-05|500001|330001|330001|500001|1.52|median|",
        "Azerbaijan|population||Tartar|Hikmet Hajiyev|60000|2020-10-05|60000|60000|60000|60000|1.00|median|",
      ])
  }

  @Test func zeroLowHasNoSpread() {
    var f = Fixture()
    f.add("Armenia", .captured, "military", by: "Armenia Defense Ministry", 0, asOf: "2020-10-02", in: Self.reuters)
    f.add("Armenia", .captured, "military", by: "Azerbaijan Defense Ministry", 12, asOf: "2020-10-02", in: Self.azertac)
    let rows = Reconciliation(claims: f.claims).compare()
    #expect(rows.map(\.spread) == [nil, nil])
    #expect(rows.map(\.best) == [0, 0])
  }
}

@Suite("Reconciliation: the README's worked example")
struct ReconciliationReadmeExampleTests {
  @Test func workedExample() {
    let reuters = Doc(id: 1, name: "reuters.txt", source: "Reuters", published: "2020-09-27")
    let armenpress = Doc(id: 2, name: "armenpress.txt", source: "Armenpress", published: "2020-09-29")
    let tass = Doc(id: 3, name: "tass.txt", source: "TASS", published: "2020-09-29")
    let azertac = Doc(id: 4, name: "azertac.txt", source: "Azertac", published: "2020-09-30")
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 16, asOf: "2020-09-27", in: reuters)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: armenpress, tass)
    var others = Fixture()
    others.add(
      "Armenia", .killed, "military", by: "Azerbaijan Defense Ministry", 2_300, .moreThan, asOf: "2020-09-29",
      in: azertac)
    others.add("Armenia", .killed, "military", by: "Ilham Aliyev", 5_000, .upTo, asOf: "2020-09-29", in: azertac)
    let all = Reconciliation(
      claims: f.claims
        + others.claims.map {
          var c = $0
          c.id += 10
          return c
        })
    #expect(
      all.daily().map(line) == [
        "2020-09-27|Armenia|killed|military|Armenia Defense Ministry|16|16|16||reported|1",
        "2020-09-28|Armenia|killed|military|Armenia Defense Ministry|16|16|16|0|carried|1",
        "2020-09-29|Armenia|killed|military|Armenia Defense Ministry|84|84|84|68|reported|2",
        "2020-09-29|Armenia|killed|military|Azerbaijan Defense Ministry|2300|2301|||reported|1",
        "2020-09-29|Armenia|killed|military|Ilham Aliyev|5000||5000||reported|1",
      ])
    #expect(
      all.compare().map(line) == [
        "Armenia|killed|military||Armenia Defense Ministry|84|2020-09-29|84|84|84|5000|59.52|own|",
        "Armenia|killed|military||Azerbaijan Defense Ministry|2300|2020-09-29|2301|84|84|5000|59.52|own|",
        "Armenia|killed|military||Ilham Aliyev|5000|2020-09-29|5000|84|84|5000|59.52|own|",
      ])
    let withoutMinistry = Reconciliation(claims: others.claims).compare()
    #expect(withoutMinistry.map(\.best) == [2_301, 2_301])
    #expect(withoutMinistry.map(\.basis) == [.median, .median])
  }
}
