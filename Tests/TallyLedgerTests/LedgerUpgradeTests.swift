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

  /// A ledger whose schema stops at migration `identifier`, holding exactly the rows of the
  /// ledger at `source`, sequences included, its claims copied by `claims` from
  /// `current.claimText`.
  func oldLedger(_ scratch: Scratch, migratedUpTo identifier: String, copying source: String, claims: String) throws
    -> String
  {
    let path = scratch.path(identifier + ".sqlite")
    try Ledger.createLedger(
      path: path, migratedUpTo: identifier,
      sql: """
        ATTACH DATABASE '\(source)' AS current;
        INSERT INTO document SELECT * FROM current.document;
        \(claims);
        INSERT INTO sighting SELECT * FROM current.sighting;
        INSERT INTO importedFigure SELECT * FROM current.importedFigure;
        DELETE FROM sqlite_sequence;
        INSERT INTO sqlite_sequence SELECT * FROM current.sqlite_sequence;
        DETACH DATABASE current;
        """)
    return path
  }

  /// A ledger of the first released schema (a claim's key a text column with a UNIQUE index).
  func v1Ledger(_ scratch: Scratch, copying source: String) throws -> String {
    let key = ["coalesce(claimant, '')", "coalesce(party, '')", "category", "subject", "coalesce(location, '')",
      "coalesce(asOf, '')", "value", "coalesce(low, '')", "coalesce(high, '')", "qualifier"]
      .joined(separator: " || char(31) || ")
    return try oldLedger(
      scratch, migratedUpTo: "v1-imported-figures", copying: source,
      claims: """
        INSERT INTO claim (id, claimant, party, category, subject, value, low, high, qualifier, asOf, location, "key")
          SELECT id, claimant, party, category, subject, value, low, high, qualifier, asOf, location, \(key)
          FROM current.claimText
        """)
  }

  /// A ledger of the second schema (a claim's texts in its own row, beside the key hash).
  func v2Ledger(_ scratch: Scratch, copying source: String) throws -> String {
    try oldLedger(
      scratch, migratedUpTo: "v2-claim-key-hash", copying: source,
      claims: """
        INSERT INTO claim (id, keyHash, claimant, party, category, subject, value, low, high, qualifier, asOf, location)
          SELECT id, keyHash, claimant, party, category, subject, value, low, high, qualifier, asOf, location
          FROM current.claimText
        """)
  }

  @Test("A v1 ledger upgrades to the claim key hash and labels with the same claims, ids, sequence and reports")
  func upgradeFromV1() throws {
    try expectUpgrade(from: v1Ledger)
  }

  @Test("A v2 ledger upgrades to labels with the same claims, ids, sequence and reports")
  func upgradeFromV2() throws {
    try expectUpgrade(from: v2Ledger)
  }

  /// Upgrades a copy of the sample articles' ledger made by `copy`, and checks that it holds and
  /// does what the current ledger holds and does.
  func expectUpgrade(from copy: (Scratch, String) throws -> String) throws {
    let scratch = try Scratch()
    let current = try currentLedger(scratch)
    // A claim deleted at the end leaves the sequence past the last id, as an updated document does.
    let last = try current.strings(sql: "SELECT max(id) FROM claim")
    try current.execute(sql: "DELETE FROM claim WHERE id = \(last[0])")
    let path = try copy(scratch, current.path)
    let upgraded = try Ledger.open(path: path)

    #expect(try upgraded.strings(sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
      == ["v1-documents-claims-sightings", "v1-imported-figures", "v2-claim-key-hash", "v3-labels"])
    #expect(try upgraded.integrityCheck() == "ok")
    #expect(try upgraded.strings(sql: "PRAGMA foreign_key_check").isEmpty)
    let rows = "SELECT id || ' ' || keyHash || ' ' || coalesce(claimant, '-') || ' ' || subject FROM claimText ORDER BY id"
    #expect(try upgraded.strings(sql: rows) == current.strings(sql: rows))
    let labels = "SELECT text FROM label ORDER BY text"
    #expect(try upgraded.strings(sql: labels) == current.strings(sql: labels))
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
