import Foundation
import Testing

/// `tally daily`, `tally compare` and `tally findings` through the binary, on the sample articles
/// that `make demo` reads.
@Suite(.serialized) struct ReconcileEndToEndTests {
  static let articles = Tally.packageRoot.appendingPathComponent("data/articles").path

  /// A temporary folder with a ledger of the sample articles.
  static func ledger() throws -> TempFolder {
    let folder = try TempFolder()
    let ingest = try Tally.run(["ingest", "--db", "l.sqlite", articles], in: folder.url)
    #expect(ingest.stdout == "ingested 6 documents: 6 new, 0 unchanged, 0 updated, 0 failed; 15 claims added\n")
    #expect(ingest.exitCode == 0)
    return folder
  }

  @Test func compareShowsGanjaSideBySide() throws {
    let folder = try Self.ledger()
    let result = try Tally.run(["compare", "--db", "l.sqlite"], in: folder.url)
    #expect(result.exitCode == 0)
    let lines = result.stdout.components(separatedBy: "\r\n")
    #expect(
      lines[0]
        == "party,category,subject,location,claimant,value,low,high,qualifier,as_of,counts_as,sources,outlets,documents,group_low,best,group_high,spread,basis,historical"
    )
    let ganja = lines.filter { $0.contains(",Ganja,") }
    #expect(
      ganja == [
        "Azerbaijan,population,,Ganja,Azerbaijan Defense Ministry,330000,330001,,more_than,2020-10-04,330001,1,Press TV,2020-10-04-press-tv-clashes-intensify.txt,330001,330001,500001,1.52,median,false",
        "Azerbaijan,population,,Ganja,Hikmet Hajiyev,500000,500001,,more_than,2020-10-04,500001,1,Windowofworld.com,2020-10-05-windowofworld-missile-exchange.txt,330001,330001,500001,1.52,median,false",
      ])
    // Syndicated: one claim, two documents, the party's own figure is best.
    #expect(lines.contains { $0.hasPrefix("Armenia,killed,military,,Armenia,209,209,209,exact,2020-10-04,209,2,") && $0.contains(",209,209,209,1.00,own,") })
  }

  @Test func findingsNameTheGanjaConflict() throws {
    let folder = try Self.ledger()
    let result = try Tally.run(["findings", "--db", "l.sqlite", "--format", "json"], in: folder.url)
    #expect(result.exitCode == 0)
    let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [[String: Any]])
    let conflicts = findings.filter { $0["kind"] as? String == "conflict" }
    #expect(conflicts.count == 1)
    #expect(
      conflicts.first?["message"] as? String
        == "Sources disagree on the population of Ganja: more than 330,000 (Press TV, 2020-10-04) vs more than 500,000 (Windowofworld.com, 2020-10-05)."
    )
    #expect(findings.filter { $0["kind"] as? String == "historical" }.count == 4)
  }

  /// `--kind` keeps the findings of the kinds named, in the same order; an unknown kind is a usage error.
  @Test func findingsOfOneKind() throws {
    let folder = try Self.ledger()
    let all = try Tally.run(["findings", "--db", "l.sqlite"], in: folder.url)
    let some = try Tally.run(
      ["findings", "--db", "l.sqlite", "--kind", "historical", "--kind", "conflict"], in: folder.url)
    #expect(some.exitCode == 0)
    let allLines = all.stdout.components(separatedBy: "\r\n")
    let expected = [allLines[0]] + allLines.dropFirst().filter { $0.hasPrefix("historical,") || $0.hasPrefix("conflict,") } + [""]
    #expect(expected.count == 1 + 5 + 1)
    #expect(some.stdout.components(separatedBy: "\r\n") == expected)
    let wrong = try Tally.run(["findings", "--db", "l.sqlite", "--kind", "regresion"], in: folder.url)
    #expect(wrong.exitCode == 1)
    #expect(
      wrong.stderr.contains(
        "--kind regresion: not a kind of finding; use one of regression, conflict, merged-category, historical, unattributed, undated"))
  }

  @Test func dailyCarriesFiguresForward() throws {
    let folder = try Self.ledger()
    let result = try Tally.run(
      ["daily", "--db", "l.sqlite", "--party", "Armenia", "--category", "killed", "--format", "csv"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(
      result.stdout
        == "date,party,category,subject,claimant,value,low,high,change,status,sources\r\n"
        + "2020-10-04,Armenia,killed,civilian,Armenia,14,14,14,,reported,2\r\n"
        + "2020-10-04,Armenia,killed,military,Armenia,209,209,209,,reported,2\r\n")
    let carried = try Tally.run(["daily", "--db", "l.sqlite", "--to", "2020-09-28"], in: folder.url)
    #expect(carried.stdout.contains("2020-09-28,Azerbaijan,destroyed,drone,Nagorno-Karabakh Defense Army,14,,14,0,carried,1\r\n"))
  }

  @Test func aMissingLedgerIsAnInputError() throws {
    let folder = try TempFolder()
    let result = try Tally.run(["compare", "--db", "none.sqlite"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(result.stderr.hasPrefix("Error: none.sqlite: no ledger there yet; run `tally ingest` first or pass another ledger with --db\n"))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("none.sqlite").path))
    let badCategory = try Tally.run(["daily", "--db", "none.sqlite", "--category", "dead"], in: folder.url)
    #expect(badCategory.exitCode == 1)
    #expect(badCategory.stderr.hasPrefix("Error: --category dead: not a category; use one of killed, wounded"))
  }
}
