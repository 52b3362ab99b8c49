import GRDB
import TallyExtractor

/// Stores a document's claims and their sightings several rows per statement.
///
/// Each execution of the claim insert costs SQLite a fixed price well above that of a row: it
/// builds the look-up tables of the `category` and `qualifier` CHECK constraints and updates
/// `sqlite_sequence`. One multi-row `INSERT … ON CONFLICT("key") DO NOTHING RETURNING id, "key"`
/// per chunk of up to ``maxRows`` claims pays it once. Rows are inserted in order, so claims and
/// sightings get the ids that one insert per claim gave; a claim the ledger already has (or that
/// an earlier row of the chunk inserted) is not returned and is looked up by key, as before.
enum ClaimChunkWriter {
  /// The most claims (and sightings) one statement inserts: 11 parameters each, far below
  /// SQLite's limit on parameters.
  static let maxRows = 64

  /// Stores `claims` with their sightings in `documentId`, in order.
  ///
  /// - Returns: The number of claims created (the others were in the ledger already).
  static func store(_ claims: [Claim], documentId: Int64, in db: Database) throws -> Int {
    var created = 0
    var lower = 0
    while lower < claims.count {
      let upper = min(lower + maxRows, claims.count)
      created += try storeChunk(claims[lower..<upper], documentId: documentId, in: db)
      lower = upper
    }
    return created
  }

  /// Stores up to ``maxRows`` claims and their sightings: one claim insert, one sighting insert.
  private static func storeChunk(_ claims: ArraySlice<Claim>, documentId: Int64, in db: Database) throws -> Int {
    // The key as SQLite stores it: text is bound up to its first NUL, as GRDB binds it.
    let keys = claims.map { claim -> String in
      let key = ClaimKey.make(claim)
      return key.utf8.contains(0) ? key.withCString { String(cString: $0) } : key
    }
    let insertClaims = try RawStatement(db, sql: claimSQLs[claims.count])
    insertClaims.reset()
    var index: Int32 = 1
    for (claim, key) in zip(claims, keys) {
      insertClaims.bind(index, claim.claimant.nonEmpty)
      insertClaims.bind(index + 1, claim.party.nonEmpty)
      insertClaims.bind(index + 2, claim.category.rawValue)
      insertClaims.bind(index + 3, claim.subject)
      insertClaims.bind(index + 4, claim.value)
      insertClaims.bind(index + 5, claim.low)
      insertClaims.bind(index + 6, claim.high)
      insertClaims.bind(index + 7, claim.qualifier.rawValue)
      insertClaims.bind(index + 8, claim.asOf.nonEmpty)
      insertClaims.bind(index + 9, claim.location.nonEmpty)
      insertClaims.bind(index + 10, key)
      index += 11
    }
    var inserted: [String: Int64] = [:]
    while try insertClaims.step() {
      inserted[insertClaims.string(1) ?? ""] = insertClaims.int64(0)
    }
    insertClaims.reset()

    var known: [String: Int64] = [:]
    var ids: [Int64] = []
    ids.reserveCapacity(claims.count)
    var created = 0
    for key in keys {
      if let id = inserted.removeValue(forKey: key) {
        created += 1
        known[key] = id
        ids.append(id)
      } else if let id = known[key] {
        ids.append(id)
      } else {
        let id = try existingID(key, in: db)
        known[key] = id
        ids.append(id)
      }
    }

    let insertSightings = try RawStatement(db, sql: sightingSQLs[claims.count])
    insertSightings.reset()
    index = 1
    for (claim, id) in zip(claims, ids) {
      insertSightings.bind(index, id)
      insertSightings.bind(index + 1, documentId)
      insertSightings.bind(index + 2, claim.quote)
      insertSightings.bind(index + 3, Int64(claim.start))
      insertSightings.bind(index + 4, Int64(claim.end))
      index += 5
    }
    try insertSightings.run()
    return created
  }

  /// The id of the claim with `key`, which the ledger has.
  private static func existingID(_ key: String, in db: Database) throws -> Int64 {
    let find = try RawStatement(db, sql: #"SELECT id FROM claim WHERE "key" = ?"#)
    find.reset()
    find.bind(1, key)
    defer { find.reset() }
    guard try find.step() else {
      throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "claim vanished during its insert")
    }
    return find.int64(0)
  }

  /// ``claimSQL(rows:)`` and ``sightingSQL(rows:)`` for 0 to ``maxRows`` rows, built once.
  private static let claimSQLs = (0...maxRows).map { claimSQL(rows: $0) }
  private static let sightingSQLs = (0...maxRows).map { sightingSQL(rows: $0) }

  /// The claim insert for `rows` rows.
  static func claimSQL(rows: Int) -> String {
    """
    INSERT INTO claim (claimant, party, category, subject, value, low, high, qualifier, asOf, location, "key")
    VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
    ON CONFLICT("key") DO NOTHING RETURNING id, "key"
    """
  }

  /// The sighting insert for `rows` rows.
  static func sightingSQL(rows: Int) -> String {
    """
    INSERT INTO sighting (claimId, documentId, quote, start, "end")
    VALUES \(Array(repeating: "(?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
    ON CONFLICT DO NOTHING
    """
  }
}
