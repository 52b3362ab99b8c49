import Foundation
import Testing
import TallyExtractor
@testable import TallyLedger

@Suite struct LedgerUpgradeTests {
  /// The sample articles in a ledger of the current schema.
  func currentLedger(_ scratch: Scratch) throws -> Ledger {
    let ledger = try scratch.ledger("current.sqlite")
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var corpus = CorpusReader(reader: Articles.reader)
    let errors = try corpus.read([root.appendingPathComponent("data/articles").path]) { input, result in
      try ledger.ingest(result, from: input)
    }
    #expect(errors.isEmpty)
    return ledger
  }

  /// A ledger of the first released schema (a claim's key a text column with a UNIQUE index)
  /// holding exactly the rows of the ledger at `source`, sequences included.
  func v1Ledger(_ scratch: Scratch, copying source: String) throws -> String {
    let path = scratch.path("v1.sqlite")
    let key = ["coalesce(claimant, '')", "coalesce(party, '')", "category", "subject", "coalesce(location, '')",
      "coalesce(asOf, '')", "value", "coalesce(low, '')", "coalesce(high, '')", "qualifier"]
      .joined(separator: " || char(31) || ")
    try Ledger.createLedger(
      path: path, migratedUpTo: "v1-imported-figures",
      sql: """
        ATTACH DATABASE '\(source)' AS current;
        INSERT INTO document SELECT * FROM current.document;
        INSERT INTO claim (id, claimant, party, category, subject, value, low, high, qualifier, asOf, location, "key")
          SELECT id, claimant, party, category, subject, value, low, high, qualifier, asOf, location, \(key)
          FROM current.claim;
        INSERT INTO sighting SELECT * FROM current.sighting;
        INSERT INTO importedFigure SELECT * FROM current.importedFigure;
        DELETE FROM sqlite_sequence;
        INSERT INTO sqlite_sequence SELECT * FROM current.sqlite_sequence;
        DETACH DATABASE current;
        """)
    return path
  }

  @Test("A v1 ledger upgrades to the claim key hash with the same claims, ids, sequence and reports")
  func upgradeFromV1() throws {
    let scratch = try Scratch()
    let current = try currentLedger(scratch)
    // A claim deleted at the end leaves the sequence past the last id, as an updated document does.
    let last = try current.strings(sql: "SELECT max(id) FROM claim")
    try current.execute(sql: "DELETE FROM claim WHERE id = \(last[0])")
    let path = try v1Ledger(scratch, copying: current.path)
    let upgraded = try Ledger.open(path: path)

    #expect(try upgraded.strings(sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
      == ["v1-documents-claims-sightings", "v1-imported-figures", "v2-claim-key-hash"])
    #expect(try upgraded.integrityCheck() == "ok")
    #expect(try upgraded.strings(sql: "PRAGMA foreign_key_check").isEmpty)
    let rows = "SELECT id || ' ' || keyHash FROM claim ORDER BY id"
    #expect(try upgraded.strings(sql: rows) == current.strings(sql: rows))
    let sequences = "SELECT name || ' ' || seq FROM sqlite_sequence ORDER BY name"
    #expect(try upgraded.strings(sql: sequences) == current.strings(sql: sequences))
    #expect(try upgraded.claims() == current.claims())
    let (before, after) = (Reconciliation(table: try current.claimTable()), Reconciliation(table: try upgraded.claimTable()))
    #expect(after.daily() == before.daily())
    #expect(after.compare() == before.compare())
    #expect(after.findings() == before.findings())

    // Both go on alike: a copy of a known figure finds its claim, a new one takes the next id.
    for ledger in [current, upgraded] {
      try Articles.ingest(try scratch.write("more/herald.txt", Articles.valleyHerald), into: ledger)
      try Articles.ingest(
        try scratch.write("more/new.txt", "Officials said 12 soldiers were killed in Kadugli on Monday.\n"), into: ledger)
    }
    #expect(try upgraded.claims() == current.claims())
    #expect(try upgraded.strings(sql: sequences) == current.strings(sql: sequences))
  }
}
