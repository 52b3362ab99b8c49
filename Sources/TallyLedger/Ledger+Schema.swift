import GRDB

extension Ledger {
  /// The ledger's schema, one named migration per step. A migration, once released, never changes:
  /// a new column or table is a new migration appended at the end.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()

    migrator.registerMigration("v1-documents-claims-sightings") { db in
      try db.create(table: "document") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("sha256", .text).notNull()
        t.column("name", .text).notNull().unique()
        t.column("path", .text)
        t.column("source", .text)
        t.column("url", .text)
        t.column("published", .text)
        t.column("title", .text)
        t.column("kind", .text).notNull().check(sql: "kind IN ('article', 'import')")
        t.column("byteCount", .integer).notNull()
        t.column("ingestedAt", .text).notNull()
      }
      try db.create(table: "claim") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("claimant", .text)
        t.column("party", .text)
        t.column("category", .text).notNull()
          .check(sql: "category IN ('killed', 'wounded', 'casualties', 'missing', 'captured', 'displaced', "
            + "'population', 'destroyed', 'seized')")
        t.column("subject", .text).notNull()
        t.column("value", .integer).notNull()
        t.column("low", .integer)
        t.column("high", .integer)
        t.column("qualifier", .text).notNull()
          .check(sql: "qualifier IN ('exact', 'more_than', 'at_least', 'up_to', 'about', 'range', 'vague')")
        t.column("asOf", .text)
        t.column("location", .text)
        t.column("key", .text).notNull().unique()
      }
      try db.create(table: "sighting") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("claimId", .integer).notNull().references("claim", onDelete: .cascade)
        t.column("documentId", .integer).notNull().references("document", onDelete: .cascade)
        t.column("quote", .text).notNull()
        t.column("start", .integer).notNull()
        t.column("end", .integer).notNull()
        // Its index also serves look-ups by claimId, so there is no separate sighting(claimId).
        t.uniqueKey(["claimId", "documentId", "start"])
      }
      try db.create(index: "claim_on_party_category", on: "claim", columns: ["party", "category"])
      try db.create(index: "claim_on_asOf", on: "claim", columns: ["asOf"])
      try db.create(index: "sighting_on_documentId", on: "sighting", columns: ["documentId"])
    }

    migrator.registerMigration("v1-imported-figures") { db in
      try db.create(table: "importedFigure") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("file", .text).notNull()
        t.column("sha256", .text).notNull()
        t.column("line", .integer).notNull()
        t.column("documentName", .text).notNull()
        t.column("importedAt", .text).notNull()
        t.column("claimId", .integer).notNull().references("claim", onDelete: .cascade)
        t.uniqueKey(["sha256", "line"])
      }
      try db.create(index: "importedFigure_on_claimId", on: "importedFigure", columns: ["claimId"])
    }

    // The claim key, an ~84-byte text with a UNIQUE index, becomes its 64-bit hash with a plain index
    // (``ClaimKey/hash(_:)``; a look-up compares the fields): the index an ingest updates at random
    // shrinks to a fifth, and the claim rows lose the key. The table is rebuilt, ids, sequence and
    // the other indexes as they were.
    migrator.registerMigration("v2-claim-key-hash") { db in
      let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'claim'")
      try db.create(table: "claimV2") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("keyHash", .integer).notNull()
        t.column("claimant", .text)
        t.column("party", .text)
        t.column("category", .text).notNull()
          .check(sql: "category IN ('killed', 'wounded', 'casualties', 'missing', 'captured', 'displaced', "
            + "'population', 'destroyed', 'seized')")
        t.column("subject", .text).notNull()
        t.column("value", .integer).notNull()
        t.column("low", .integer)
        t.column("high", .integer)
        t.column("qualifier", .text).notNull()
          .check(sql: "qualifier IN ('exact', 'more_than', 'at_least', 'up_to', 'about', 'range', 'vague')")
        t.column("asOf", .text)
        t.column("location", .text)
      }
      db.add(function: ClaimKey.hashFunction)
      try db.execute(
        sql: """
          INSERT INTO claimV2 (id, keyHash, claimant, party, category, subject, value, low, high, qualifier, asOf, location)
          SELECT id, \(ClaimKey.hashFunction.name)(claimant, party, category, subject, location, asOf, value, low, high, qualifier),
            claimant, party, category, subject, value, low, high, qualifier, asOf, location
          FROM claim ORDER BY id
          """)
      db.remove(function: ClaimKey.hashFunction)
      try db.drop(table: "claim")
      try db.rename(table: "claimV2", to: "claim")
      try restore(sequence, of: "claim", in: db)
      try db.create(index: "claim_on_keyHash", on: "claim", columns: ["keyHash"])
      try db.create(index: "claim_on_party_category", on: "claim", columns: ["party", "category"])
      try db.create(index: "claim_on_asOf", on: "claim", columns: ["asOf"])
    }

    // A claim's texts (claimant, party, subject, as-of date, location) repeat from claim to claim:
    // each is stored once in `label` and a claim holds its id, so that claim rows shrink to a
    // third, and loading them reads integers rather than interning texts. The table is rebuilt
    // as in v2, without the `asOf` index, which no query used; the view `claimText` shows claims
    // with their texts, as the columns were, for anyone reading the ledger with `sqlite3`.
    migrator.registerMigration("v3-labels") { db in
      try db.create(table: "label") { t in
        t.primaryKey("id", .integer)
        t.column("text", .text).notNull().unique()
      }
      try db.execute(
        sql: """
          INSERT INTO label (text)
          SELECT claimant FROM claim WHERE claimant IS NOT NULL UNION SELECT party FROM claim WHERE party IS NOT NULL
          UNION SELECT subject FROM claim UNION SELECT asOf FROM claim WHERE asOf IS NOT NULL
          UNION SELECT location FROM claim WHERE location IS NOT NULL ORDER BY 1
          """)
      let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'claim'")
      try db.create(table: "claimV3") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("keyHash", .integer).notNull()
        t.column("claimantId", .integer).references("label")
        t.column("partyId", .integer).references("label")
        // Comparisons joined by OR rather than `IN (…)`: SQLite checks an IN list of more than two
        // values through a temporary b-tree it builds for every row inserted.
        t.column("category", .text).notNull()
          .check(sql: oneOf("category", ["killed", "wounded", "casualties", "missing", "captured", "displaced",
            "population", "destroyed", "seized"]))
        t.column("subjectId", .integer).notNull().references("label")
        t.column("value", .integer).notNull()
        t.column("low", .integer)
        t.column("high", .integer)
        t.column("qualifier", .text).notNull()
          .check(sql: oneOf("qualifier", ["exact", "more_than", "at_least", "up_to", "about", "range", "vague"]))
        t.column("asOfId", .integer).references("label")
        t.column("locationId", .integer).references("label")
      }
      func label(_ column: String) -> String { "(SELECT id FROM label WHERE text = c.\(column))" }
      try db.execute(
        sql: """
          INSERT INTO claimV3 (id, keyHash, claimantId, partyId, category, subjectId, value, low, high, qualifier, asOfId, locationId)
          SELECT id, keyHash, \(label("claimant")), \(label("party")), category, \(label("subject")), value, low, high,
            qualifier, \(label("asOf")), \(label("location"))
          FROM claim c ORDER BY id
          """)
      try db.drop(table: "claim")
      try db.rename(table: "claimV3", to: "claim")
      try restore(sequence, of: "claim", in: db)
      try db.create(index: "claim_on_keyHash", on: "claim", columns: ["keyHash"])
      try db.create(index: "claim_on_party_category", on: "claim", columns: ["partyId", "category"])
      try db.execute(
        sql: """
          CREATE VIEW claimText AS
          SELECT c.id, c.keyHash, claimant.text AS claimant, party.text AS party, c.category, subject.text AS subject,
            c.value, c.low, c.high, c.qualifier, asOf.text AS asOf, location.text AS location
          FROM claim c
          LEFT JOIN label claimant ON claimant.id = c.claimantId
          LEFT JOIN label party ON party.id = c.partyId
          JOIN label subject ON subject.id = c.subjectId
          LEFT JOIN label asOf ON asOf.id = c.asOfId
          LEFT JOIN label location ON location.id = c.locationId
          """)
    }

    return migrator
  }()

  /// `column = 'a' OR column = 'b' OR …`: a CHECK that `column` is one of `values`.
  private static func oneOf(_ column: String, _ values: [String]) -> String {
    values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
  }

  /// Sets the AUTOINCREMENT sequence of a rebuilt table back to `sequence` (nothing when the
  /// table never had a row).
  private static func restore(_ sequence: Int64?, of table: String, in db: Database) throws {
    guard let sequence else { return }
    try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = ?", arguments: [sequence, table])
    if db.changesCount == 0 {
      try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, sequence])
    }
  }
}
