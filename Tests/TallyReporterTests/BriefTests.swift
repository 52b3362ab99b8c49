import TallyExtractor
import TallyLedger
import TallyReporter
import Testing

@Suite("The brief: summary.txt")
struct BriefTests {
  /// The brief of the sample articles, byte for byte.
  @Test func sampleArticles() {
    let expected = """
      Tally brief: reported casualties and claims
      ===========================================

      Period: daily tallies from 2020-09-27 to 2020-10-04; documents published 2020-09-28 to 2020-10-05.
      Sources: 5 documents from 5 outlets, 1 of them with no publication date.

      Armenia
      -------
      Civilians killed: 14, from 1 claimant
      - Armenia (Armenia, 2020-10-04; Press TV and 1 more): 14 civilians killed; first reported
      Military killed: 209, from 1 claimant
      - Armenia (Armenia, 2020-10-04; Press TV and 1 more): 209 military killed; first reported
      Air-defense missile systems destroyed: 12, from 1 claimant
      - Armenia (Azertac, 2020-09-27; Caucasus Desk): 12 air-defense missile systems destroyed; no change
        since 2020-10-03

      Azerbaijan
      ----------
      Civilians killed: 19, from 1 claimant
      - Azerbaijan (Azerbaijan, 2020-10-04; Press TV and 1 more): 19 civilians killed; first reported
      Population of Ganja: range more than 330,000 to more than 500,000, from 2 claimants
      - Azerbaijan (Azerbaijan Defense Ministry, 2020-10-04; Press TV): more than 330,000 inhabitants of
        Ganja
      - Azerbaijan (Hikmet Hajiyev, 2020-10-04; Windowofworld.com): more than 500,000 inhabitants of Ganja
      Drones destroyed: as many as 14, from 1 claimant
      - Azerbaijan (Nagorno-Karabakh Defense Army, 2020-09-27; Caucasus Desk): as many as 14 drones
        destroyed; no change since 2020-10-03
      Helicopters destroyed: range 1–2, from 2 claimants
      - Azerbaijan (Azertac, 2020-09-27; Caucasus Desk): 1 helicopter destroyed; no change since
        2020-10-03
      - Azerbaijan (Nagorno-Karabakh Defense Army, 2020-09-27; Caucasus Desk): 2 helicopters destroyed; no
        change since 2020-10-03
      Villages seized: 7, from 1 claimant
      - Azerbaijan (Ilham Aliyev, 2020-10-03; Press TV): 7 villages seized

      Side not identified
      -------------------
      Killed: hundreds (200), from unattributed reports
      - Side not identified (no claimant named, no as-of date; World Desk): hundreds (200) killed

      Findings
      --------
      Sources that disagree (1):
      - Sources disagree on the population of Ganja: more than 330,000 (Press TV, 2020-10-04) vs more than
        500,000 (Windowofworld.com, 2020-10-05).
      Figures with no claimant named (5):
      - No claimant is named for Azerbaijan's displaced civilians: more than 1,000,000 (Press TV,
        2020-10-04).
      - No claimant is named for deaths of an unknown side: hundreds (200) (World Desk).
      - No claimant is named for deaths of an unknown side: 30,000 (Press TV, 2020-10-04).
      - No claimant is named for deaths of an unknown side: about 110 (Caucasus Desk, 2020-09-28).
      - No claimant is named for deaths of an unknown side: more than 12 (Caucasus Desk, 2020-09-28).
      Figures with no publication date (1):
      - No publication date is known for deaths of an unknown side: hundreds (200) (World Desk).

      Historical figures
      ------------------
      Figures about earlier periods, kept out of the tallies above:
      - Azerbaijan: more than 1,000,000 civilians displaced (1994), Press TV
      - 30,000 killed (1994), Press TV
      - about 110 killed (2016-04), Caucasus Desk
      - more than 12 killed (2020-07), Caucasus Desk

      """
    #expect(Brief.text(SampleLedger.reconciliation, from: nil, to: nil) == expected)
  }

  /// The README's worked example up to 29 September: the ministry's count rose by 68 that day.
  @Test func changeSincePreviousDay() {
    let expected = """
      Tally brief: reported casualties and claims
      ===========================================

      Period: daily tallies from 2020-09-27 to 2020-09-29; documents published 2020-09-27 to 2020-09-29.
      Sources: 2 documents from 2 outlets.

      Armenia
      -------
      Military killed: 84, from 1 claimant
      - Armenia (Armenia Defense Ministry, 2020-09-29; Armenpress): 84 military killed; +68 since
        2020-09-28
      Civilians wounded: 40, from 1 claimant
      - Armenia (Armenia, 2020-09-28; Reuters): 40 civilians wounded; no change since 2020-09-28

      Findings
      --------
      None: no count went down, no sources disagree, every figure has a claimant and a date.

      Historical figures
      ------------------
      None.

      """
    let reconciliation = Reconciliation(claims: WorkedExample.claims)
    #expect(Brief.text(reconciliation, from: nil, to: PartialDate(iso: "2020-09-29")) == expected)
  }

  /// The whole worked example: a range across three claimants, a count that went down.
  @Test func rangeAcrossClaimantsAndRegression() {
    let expected = """
      Tally brief: reported casualties and claims
      ===========================================

      Period: daily tallies from 2020-09-27 to 2020-09-30; documents published 2020-09-27 to 2020-09-30.
      Sources: 4 documents from 4 outlets.

      Armenia
      -------
      Military killed: range 84 to as many as 5,000, from 3 claimants
      - Armenia (Armenia Defense Ministry, 2020-09-29; Armenpress and 1 more): 84 military killed; no
        change since 2020-09-29
      - Armenia (Azerbaijan Defense Ministry, 2020-09-30; Azertac): more than 2,300 military killed; first
        reported
      - Armenia (Ilham Aliyev, 2020-09-30; Azertac): as many as 5,000 military killed; first reported
      Civilians wounded: 35, from 1 claimant
      - Armenia (Armenia, 2020-09-30; TASS): 35 civilians wounded; -5 since 2020-09-29

      Findings
      --------
      Counts that went down (1):
      - Armenia lowered the count of Armenia's wounded civilians from 40 (Reuters, 2020-09-27) to 35
        (TASS, 2020-09-30).

      Historical figures
      ------------------
      None.

      """
    #expect(Brief.text(Reconciliation(claims: WorkedExample.claims), from: nil, to: nil) == expected)
  }

  @Test func emptyLedger() {
    let expected = """
      Tally brief: reported casualties and claims
      ===========================================

      No figures in the ledger yet. Run tally ingest on some articles first.

      """
    #expect(Brief.text(Reconciliation(claims: []), from: nil, to: nil) == expected)
    #expect(Brief.text(Reconciliation(claims: []), from: PartialDate(iso: "2020"), to: nil) == expected)
  }

  @Test func nothingInThePeriod() {
    let text = Brief.text(Reconciliation(claims: WorkedExample.claims), from: nil, to: PartialDate(iso: "2020-08"))
    #expect(
      text == Brief.title + "\n" + String(repeating: "=", count: Brief.title.count) + "\n\n"
        + "No figures in the ledger for the period up to 2020-08. Try a wider period.\n")
  }

  /// `--from` leaves out figures dated before it; the undated one cannot be placed and stays.
  @Test func fromLeavesOutEarlierFigures() {
    let text = Brief.text(SampleLedger.reconciliation, from: PartialDate(iso: "2020-10-01"), to: nil)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(
      lines.contains(
        "Period: daily tallies from 2020-10-01 to 2020-10-04; documents published 2020-10-04 to 2020-10-05."))
    #expect(lines.contains("Sources: 4 documents from 4 outlets, 1 of them with no publication date."))
    #expect(lines.contains("- Armenia (Armenia, 2020-10-04; Press TV and 1 more): 209 military killed; first reported"))
    #expect(lines.contains("- Azerbaijan (Ilham Aliyev, 2020-10-03; Press TV): 7 villages seized"))
    #expect(lines.contains("- 30,000 killed (1994), Press TV"))
    #expect(
      lines.contains("- Side not identified (no claimant named, no as-of date; World Desk): hundreds (200) killed"))
    #expect(!text.contains("destroyed"))
    #expect(!text.contains("Caucasus Desk"))
  }

  /// `--to` gives the brief as it stood that day: later figures and later documents are left out.
  @Test func toIsTheBriefAsItStood() {
    let text = Brief.text(SampleLedger.reconciliation, from: nil, to: PartialDate(iso: "2020-10-04"))
    #expect(text.contains("Sources: 4 documents from 4 outlets, 1 of them with no publication date.\n"))
    #expect(text.contains("Population of Ganja: more than 330,000, from 1 claimant\n"))
    #expect(!text.contains("Windowofworld.com"))
    #expect(!text.contains("Sources that disagree"))
  }

  /// Claims in any order give the same brief.
  @Test func deterministic() {
    let forward = Brief.text(SampleLedger.reconciliation, from: nil, to: nil)
    let backward = Brief.text(Reconciliation(claims: SampleLedger.claims.reversed()), from: nil, to: nil)
    #expect(forward == backward)
    #expect(!forward.contains("\r"))
  }

  /// No line is longer than the width, except a single word that is.
  @Test func linesAreWrapped() {
    let document = FixtureDocument(
      id: 1, name: "long.txt", source: "The Very Long Name Of An Outlet", published: "2020-10-04")
    var fixture = ClaimFixture()
    fixture.add(
      "Armenia", .killed, "military", by: "The Ministry Of Defence Of A Country With A Very Long Official Name Indeed",
      1234, .moreThan, asOf: "2020-10-04", in: document)
    let long = String(repeating: "x", count: 130)
    fixture.add("Armenia", .wounded, "civilian", by: long, 5, asOf: "2020-10-04", in: document)
    let text = Brief.text(Reconciliation(claims: fixture.claims), from: nil, to: nil)
    for line in text.split(separator: "\n") where !line.contains(long) {
      #expect(line.count <= Brief.lineWidth, "\(line)")
    }
    #expect(text.contains("\n  " + long + ",") || text.contains("(" + long + ","))
    #expect(
      text.contains(
        """
        - Armenia (The Ministry Of Defence Of A Country With A Very Long Official Name Indeed, 2020-10-04;
          The Very Long Name Of An Outlet): more than 1,234 military killed; first reported
        """))
  }

  /// A kind with more findings than ``Brief/findingsPerKind`` lists the first ones, in the order
  /// of `tally findings`, then says how many more there are and where they are.
  @Test func manyFindingsOfAKindAreCounted() throws {
    var fixture = ClaimFixture()
    for day in 1...23 {
      let document = FixtureDocument(
        id: Int64(day), name: "d\(day).txt", source: "Outlet \(day)", published: "2020-10-\(day < 10 ? "0" : "")\(day)")
      fixture.add("Armenia", .killed, "civilian", by: nil, Int64(day), asOf: document.published, in: document)
    }
    let reconciliation = Reconciliation(claims: fixture.claims)
    let unattributed = reconciliation.findings().filter { $0.kind == .unattributed }.map(\.message)
    #expect(unattributed.count == 23)
    let text = Brief.text(reconciliation, from: nil, to: nil)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(lines.firstIndex(of: "Figures with no claimant named (23):"))
    // Each listed message, its wrapped lines joined again.
    var items: [String] = []
    for line in lines[(start + 1)...] {
      if line.hasPrefix("- ") {
        items.append(String(line.dropFirst(2)))
      } else if line.hasPrefix("  "), !items.isEmpty {
        items[items.count - 1] += " " + line.dropFirst(2)
      } else {
        break
      }
    }
    #expect(Brief.findingsPerKind == 20)
    #expect(items.count == 21)
    #expect(Array(items.prefix(20)) == Array(unattributed.prefix(20)))
    #expect(items.last == "and 3 more: all 23 are in findings.csv (tally findings --kind unattributed).")
  }

  @Test(arguments: [
    ("helicopter", "helicopters"), ("air-defense missile system", "air-defense missile systems"),
    ("locality", "localities"), ("aircraft", "aircraft"), ("howitzer", "howitzers"), ("bus", "buses"),
    ("height", "heights"),
  ])
  func plurals(singular: String, plural: String) {
    var fixture = ClaimFixture()
    let document = FixtureDocument(id: 1, name: "a.txt", source: "A", published: "2020-10-04")
    fixture.add("Armenia", .destroyed, singular, by: "B", 3, asOf: "2020-10-04", in: document)
    fixture.add("Armenia", .destroyed, singular, by: "C", 1, asOf: "2020-10-04", in: document)
    let text = Brief.text(Reconciliation(claims: fixture.claims), from: nil, to: nil)
    #expect(text.contains(": 3 \(plural) destroyed;"))
    #expect(text.contains(": 1 \(singular) destroyed;"))
  }
}
