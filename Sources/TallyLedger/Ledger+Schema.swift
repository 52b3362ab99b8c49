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
      if let sequence {
        try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'claim'", arguments: [sequence])
        if db.changesCount == 0 {
          try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('claim', ?)", arguments: [sequence])
        }
      }
      try db.create(index: "claim_on_keyHash", on: "claim", columns: ["keyHash"])
      try db.create(index: "claim_on_party_category", on: "claim", columns: ["party", "category"])
      try db.create(index: "claim_on_asOf", on: "claim", columns: ["asOf"])
    }

    return migrator
  }()
}
