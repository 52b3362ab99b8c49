import TallyExtractor
import TallyLedger
import Testing

@Suite("Reconciliation: findings")
struct ReconciliationFindingsTests {
  static let reuters = Doc(id: 1, name: "reuters-0929.txt", source: "Reuters", published: "2020-09-29")
  static let armenpress = Doc(id: 2, name: "armenpress-0930.txt", source: "Armenpress", published: "2020-09-30")
  static let presstv = Doc(id: 3, name: "presstv-1004.txt", source: "Press TV", published: "2020-10-04")
  static let window = Doc(id: 4, name: "windowofworld-1005.txt", source: "Windowofworld.com", published: "2020-10-05")
  static let azertac = Doc(id: 5, name: "azertac-1001.txt", source: "Azertac", published: "2020-10-01")
  static let undated = Doc(id: 6, name: "undated.txt", source: nil, published: nil)

  @Test func regression() throws {
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: Self.reuters)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 80, asOf: "2020-09-30", in: Self.armenpress)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 90, asOf: "2020-10-01", in: Self.azertac)
    let reconciliation = Reconciliation(claims: f.claims)
    let findings = reconciliation.findings()
    #expect(findings.map(\.kind) == [.regression])
    let finding = try #require(findings.first)
    #expect(finding.party == "Armenia")
    #expect(finding.category == .killed)
    #expect(finding.subject == "military")
    #expect(finding.claimant == "Armenia Defense Ministry")
    #expect(finding.figures == "84 (Reuters, 2020-09-29) then 80 (Armenpress, 2020-09-30)")
    #expect(finding.documents == ["reuters-0929.txt", "armenpress-0930.txt"])
    #expect(finding.claimIDs == [1, 2])
    #expect(
      finding.message
        == "Armenia Defense Ministry lowered the count of Armenia's military deaths from 84 (Reuters, 2020-09-29) "
        + "to 80 (Armenpress, 2020-09-30).")
    // The regression is shown, not hidden: the daily tally follows the lower figure.
    #expect(reconciliation.daily().map(\.value) == [84, 80, 90])
    #expect(reconciliation.daily().map(\.change) == [nil, -4, 10])
  }

  @Test func ganjaConflict() throws {
    var f = Fixture()
    f.add(
      "Azerbaijan", .population, "", by: "Azerbaijan Defense Ministry", 330_000, .moreThan, asOf: "2020-10-04",
      location: "Ganja", in: Self.presstv)
    f.add(
      "Azerbaijan", .population, "", by: "Hikmet Hajiyev", 500_000, .moreThan, asOf: "2020-10-05", location: "Ganja",
      in: Self.window)
    let findings = Reconciliation(claims: f.claims).findings()
    #expect(findings.map(\.kind) == [.conflict])
    let conflict = try #require(findings.first)
    #expect(conflict.party == "Azerbaijan")
    #expect(conflict.category == .population)
    #expect(conflict.subject == nil)
    #expect(conflict.location == "Ganja")
    #expect(conflict.claimant == "Azerbaijan Defense Ministry; Hikmet Hajiyev")
    #expect(
      conflict.figures
        == "more than 330,000 (Press TV, 2020-10-04) vs more than 500,000 (Windowofworld.com, 2020-10-05)")
    #expect(conflict.documents == ["presstv-1004.txt", "windowofworld-1005.txt"])
    #expect(
      conflict.message
        == "Sources disagree on the population of Ganja: more than 330,000 (Press TV, 2020-10-04) vs "
        + "more than 500,000 (Windowofworld.com, 2020-10-05).")
  }

  @Test func populationsWithinTenPercentAreNoConflict() {
    var f = Fixture()
    f.add("Azerbaijan", .population, "", by: "A", 330_000, asOf: "2020-10-04", location: "Ganja", in: Self.presstv)
    f.add("Azerbaijan", .population, "", by: "B", 363_000, asOf: "2020-10-05", location: "Ganja", in: Self.window)
    #expect(Reconciliation(claims: f.claims).findings().isEmpty)
    f.add("Azerbaijan", .population, "", by: "C", 363_001, asOf: "2020-10-05", location: "Ganja", in: Self.window)
    #expect(
      Reconciliation(claims: f.claims).findings().map(\.figures) == [
        "330,000 (Press TV, 2020-10-04) vs 363,000 (Windowofworld.com, 2020-10-05) vs 363,001 (Windowofworld.com, 2020-10-05)"
      ])
  }

  @Test func mergedCategory() throws {
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: Self.reuters)
    f.add(
      "Armenia", .casualties, "military", by: "Azerbaijan Defense Ministry", 1_200, .about, asOf: "2020-10-01",
      in: Self.azertac)
    f.add(
      "Azerbaijan", .killed, "civilian", by: "Azerbaijan Prosecutor General", 19, asOf: "2020-09-29", in: Self.reuters)
    let findings = Reconciliation(claims: f.claims).findings()
    #expect(findings.map(\.kind) == [.mergedCategory])
    let finding = try #require(findings.first)
    #expect(finding.party == "Armenia")
    #expect(finding.category == .casualties)
    #expect(finding.figures == "about 1,200 casualties (Azertac, 2020-10-01) vs 84 killed (Reuters, 2020-09-29)")
    #expect(finding.documents == ["azertac-1001.txt", "reuters-0929.txt"])
    #expect(
      finding.message
        == "Armenia's losses are given both as casualties (killed and wounded together) and separately, so they "
        + "must not be added up: about 1,200 casualties (Azertac, 2020-10-01) vs 84 killed (Reuters, 2020-09-29).")
  }

  @Test func unattributedAndUndated() {
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: nil, 12, asOf: "2020-09-29", in: Self.reuters)
    f.add("Azerbaijan", .destroyed, "helicopter", by: "Armenia Defense Ministry", 4, asOf: nil, in: Self.undated)
    f.add("Azerbaijan", .destroyed, "tank", by: nil, 3, .about, asOf: "2020-09-28", in: Self.undated)
    let findings = Reconciliation(claims: f.claims).findings()
    #expect(findings.map(\.kind) == [.unattributed, .unattributed, .undated, .undated])
    #expect(
      findings.map(\.message) == [
        "No claimant is named for Armenia's military deaths: 12 (Reuters, 2020-09-29).",
        "No claimant is named for Azerbaijan's tank losses: about 3 (undated.txt).",
        "No publication date is known for Azerbaijan's helicopter losses: 4 (undated.txt).",
        "No publication date is known for Azerbaijan's tank losses: about 3 (undated.txt).",
      ])
    #expect(findings.map(\.claimant) == [nil, nil, "Armenia Defense Ministry", nil])
    #expect(findings.map(\.documents) == [["reuters-0929.txt"], ["undated.txt"], ["undated.txt"], ["undated.txt"]])
  }

  @Test func historicalFiguresAreListed() {
    var f = Fixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: Self.reuters)
    f.add("Armenia", .killed, "unspecified", by: "Azertac", 30_000, .about, asOf: "1994", in: Self.azertac)
    let findings = Reconciliation(claims: f.claims).findings()
    #expect(findings.map(\.kind) == [.historical])
    #expect(
      findings.map(\.message) == [
        "The figure for Armenia's deaths, about 30,000 (Azertac, 2020-10-01), refers to 1994, before the period tracked, "
          + "and is left out of daily tallies."
      ])
  }

  @Test func findingsComeInKindOrder() {
    var f = Fixture()
    f.add(nil, .killed, "civilian", by: nil, 5, asOf: nil, in: Self.undated)
    f.add("Armenia", .killed, "military", by: "Azertac", 30_000, .about, asOf: "1994", in: Self.azertac)
    f.add("Armenia", .casualties, "military", by: "Azertac", 1_200, asOf: "2020-10-01", in: Self.azertac)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: Self.reuters)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 80, asOf: "2020-09-30", in: Self.armenpress)
    f.add("Azerbaijan", .population, "", by: "A", 330_000, asOf: "2020-10-04", location: "Ganja", in: Self.presstv)
    f.add("Azerbaijan", .population, "", by: "B", 500_000, asOf: "2020-10-05", location: "Ganja", in: Self.window)
    let findings = Reconciliation(claims: f.claims).findings()
    #expect(findings.map(\.kind) == [.regression, .conflict, .mergedCategory, .historical, .unattributed, .undated])
    #expect(findings[4].message == "No claimant is named for civilian deaths of an unknown side: 5 (undated.txt).")
  }

  @Test func topicsReadAsNounPhrases() {
    var f = Fixture()
    f.add("Azerbaijan", .displaced, "civilian", by: nil, 1_000_000, .moreThan, asOf: "2020-09-29", in: Self.reuters)
    f.add("Armenia", .wounded, "military", by: nil, 300, asOf: "2020-09-29", in: Self.reuters)
    f.add("Azerbaijan", .seized, "village", by: nil, 7, asOf: "2020-09-29", in: Self.reuters)
    f.add("Armenia", .captured, "unspecified", by: nil, 2, asOf: "2020-09-29", in: Self.reuters, Self.armenpress)
    #expect(
      Reconciliation(claims: f.claims).findings().map(\.message) == [
        "No claimant is named for Armenia's wounded troops: 300 (Reuters, 2020-09-29).",
        "No claimant is named for Armenia's captured people: 2 (Reuters and 1 more, 2020-09-29).",
        "No claimant is named for Azerbaijan's displaced civilians: more than 1,000,000 (Reuters, 2020-09-29).",
        "No claimant is named for villages taken by Azerbaijan: 7 (Reuters, 2020-09-29).",
      ])
  }

  @Test func figureWords() {
    #expect(FigureText.grouped(0) == "0")
    #expect(FigureText.grouped(999) == "999")
    #expect(FigureText.grouped(1_000) == "1,000")
    #expect(FigureText.grouped(1_250_000) == "1,250,000")
    #expect(FigureText.grouped(-14_000) == "-14,000")
    #expect(FigureText.words(value: 330_000, low: 330_001, high: nil, qualifier: .moreThan) == "more than 330,000")
    #expect(FigureText.words(value: 14, low: nil, high: 14, qualifier: .upTo) == "as many as 14")
    #expect(FigureText.words(value: 110, low: nil, high: nil, qualifier: .about) == "about 110")
    #expect(FigureText.words(value: 20, low: 20, high: nil, qualifier: .atLeast) == "at least 20")
    #expect(FigureText.words(value: 10, low: 10, high: 15, qualifier: .range) == "between 10 and 15")
    #expect(FigureText.words(value: 200, low: 200, high: nil, qualifier: .vague) == "hundreds (200)")
    #expect(FigureText.words(value: 20_000, low: 20_000, high: nil, qualifier: .vague) == "tens of thousands (20,000)")
    #expect(FigureText.words(value: 7, low: 7, high: 7, qualifier: .exact) == "7")
  }
}
