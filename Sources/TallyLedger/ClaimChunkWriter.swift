import GRDB
import TallyExtractor

/// Stores a document's claims and their sightings several rows per statement.
///
/// A claim is looked up by the 64-bit hash of its key (``ClaimKey/hash(_:)``, the small
/// `claim.keyHash` index), and the claims found are compared field by field (texts by their
/// label ids, ``LabelCache``), so that two keys sharing a hash stay two claims. Per chunk of up
/// to ``maxRows`` claims: one look-up of every hash, one multi-row insert of the new claims, one
/// multi-row insert of the sightings, so that the fixed price of running a statement (reset,
/// binding, opening its cursors) is paid once per chunk rather than once per row.
///
/// Claim ids are those one `INSERT … ON CONFLICT DO NOTHING` of every row of the chunk gives (as
/// earlier ledgers were written): every claim of the chunk, new or not, takes the next id of the
/// table's AUTOINCREMENT sequence, and only the new ones keep theirs.
enum ClaimChunkWriter {
  /// The most claims (and sightings) one statement inserts: 12 parameters each, far below
  /// SQLite's limit on parameters.
  static let maxRows = 64

  /// A claim's fields as the claim table holds them: its texts as label ids.
  struct StoredKey: Equatable {
    var claimant: Int64?
    var party: Int64?
    var category: Category
    var subject: Int64
    var value: Int64
    var low: Int64?
    var high: Int64?
    var qualifier: Qualifier
    var asOf: Int64?
    var location: Int64?
  }

  /// Stores `claims` with their sightings in `documentId`, in order, with the label ids of the
  /// transaction in `labels`.
  ///
  /// - Returns: The number of claims created (the others were in the ledger already).
  static func store(_ claims: [Claim], documentId: Int64, labels: inout LabelCache, in db: Database) throws -> Int {
    var created = 0
    var lower = 0
    while lower < claims.count {
      let upper = min(lower + maxRows, claims.count)
      created += try storeChunk(claims[lower..<upper], documentId: documentId, labels: &labels, in: db).created
      lower = upper
    }
    return created
  }

  /// Stores one claim and its sighting in `documentId`.
  ///
  /// - Returns: The claim's id and whether it was created.
  static func store(_ claim: Claim, documentId: Int64, labels: inout LabelCache, in db: Database) throws -> (
    id: Int64, created: Bool
  ) {
    let stored = try storeChunk([claim], documentId: documentId, labels: &labels, in: db)
    return (stored.ids[0], stored.created == 1)
  }

  /// Stores up to ``maxRows`` claims and their sightings.
  private static func storeChunk(
    _ claims: ArraySlice<Claim>, documentId: Int64, labels: inout LabelCache, in db: Database
  ) throws -> (ids: [Int64], created: Int) {
    let hashes = claims.map(ClaimKey.hash(of:))
    let keys = try claims.map { claim in
      StoredKey(
        claimant: try labels.id(of: claim.claimant.nonEmpty, in: db), party: try labels.id(of: claim.party.nonEmpty, in: db),
        category: claim.category, subject: try labels.id(of: claim.subject, in: db) ?? 0, value: claim.value,
        low: claim.low, high: claim.high, qualifier: claim.qualifier, asOf: try labels.id(of: claim.asOf.nonEmpty, in: db),
        location: try labels.id(of: claim.location.nonEmpty, in: db))
    }
    // The claims of the chunk's hashes, in the ledger or new in the chunk: a few, searched in turn
    // by their fields (a claim stored under another hash that the chunk has is the same claim).
    var known = try existingClaims(hashes: hashes, in: db)
    func knownID(_ key: StoredKey) -> Int64? {
      known.first { $0.key == key }?.id
    }

    // Every row takes the next id of the sequence; the new claims keep theirs.
    let sequence = try ClaimSequence(db)
    var ids: [Int64] = []
    ids.reserveCapacity(claims.count)
    var fresh: [Int] = []
    for (offset, key) in keys.enumerated() {
      if let id = knownID(key) {
        ids.append(id)
      } else {
        let id = sequence.last + Int64(offset) + 1
        known.append((key, id))
        ids.append(id)
        fresh.append(offset)
      }
    }
    if !fresh.isEmpty {
      let insertClaims = try RawStatement(db, sql: claimSQLs[fresh.count])
      insertClaims.reset()
      var index: Int32 = 1
      for offset in fresh {
        let key = keys[offset]
        insertClaims.bind(index, ids[offset])
        insertClaims.bind(index + 1, hashes[offset])
        insertClaims.bind(index + 2, key.claimant)
        insertClaims.bind(index + 3, key.party)
        insertClaims.bind(index + 4, key.category.rawValue)
        insertClaims.bind(index + 5, key.subject)
        insertClaims.bind(index + 6, key.value)
        insertClaims.bind(index + 7, key.low)
        insertClaims.bind(index + 8, key.high)
        insertClaims.bind(index + 9, key.qualifier.rawValue)
        insertClaims.bind(index + 10, key.asOf)
        insertClaims.bind(index + 11, key.location)
        index += 12
      }
      try insertClaims.run()
    }
    try sequence.advance(to: sequence.last + Int64(claims.count), inserted: fresh.last.map { ids[$0] }, in: db)

    let insertSightings = try RawStatement(db, sql: sightingSQLs[claims.count])
    insertSightings.reset()
    var index: Int32 = 1
    for (claim, id) in zip(claims, ids) {
      insertSightings.bind(index, id)
      insertSightings.bind(index + 1, documentId)
      insertSightings.bind(index + 2, claim.quote)
      insertSightings.bind(index + 3, Int64(claim.start))
      insertSightings.bind(index + 4, Int64(claim.end))
      index += 5
    }
    try insertSightings.run()
    return (ids, fresh.count)
  }

  /// The claims the ledger has with one of `hashes` (a hash shared by two keys gives both).
  private static func existingClaims(hashes: [Int64], in db: Database) throws -> [(key: StoredKey, id: Int64)] {
    var distinct = hashes.sorted()
    distinct.removeDuplicates()
    let find = try RawStatement(db, sql: lookUpSQLs[distinct.count])
    find.reset()
    defer { find.reset() }
    for (index, hash) in distinct.enumerated() { find.bind(Int32(index + 1), hash) }
    var found: [(key: StoredKey, id: Int64)] = []
    while try find.step() {
      guard let category = find.string(3).flatMap(Category.init(rawValue:)),
        let qualifier = find.string(8).flatMap(Qualifier.init(rawValue:))
      else { continue }
      let key = StoredKey(
        claimant: find.optionalInt64(1), party: find.optionalInt64(2), category: category, subject: find.int64(4),
        value: find.int64(5), low: find.optionalInt64(6), high: find.optionalInt64(7), qualifier: qualifier,
        asOf: find.optionalInt64(9), location: find.optionalInt64(10))
      found.append((key, find.int64(0)))
    }
    return found
  }

  /// The SQL of each statement for 0 to ``maxRows`` rows, built once.
  private static let claimSQLs = (0...maxRows).map { claimSQL(rows: $0) }
  private static let sightingSQLs = (0...maxRows).map { sightingSQL(rows: $0) }
  private static let lookUpSQLs = (0...maxRows).map { lookUpSQL(hashes: $0) }

  /// The claim insert for `rows` rows, with their ids.
  static func claimSQL(rows: Int) -> String {
    """
    INSERT INTO claim (id, keyHash, claimantId, partyId, category, subjectId, value, low, high, qualifier, asOfId, locationId)
    VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
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

  /// The claims with one of `hashes` hashes, with the fields of their keys.
  static func lookUpSQL(hashes: Int) -> String {
    """
    SELECT id, claimantId, partyId, category, subjectId, value, low, high, qualifier, asOfId, locationId FROM claim
    WHERE keyHash IN (\(Array(repeating: "?", count: hashes).joined(separator: ", ")))
    """
  }
}

/// The AUTOINCREMENT sequence of the claim table (`sqlite_sequence`): the last id given.
struct ClaimSequence {
  /// The last id given, 0 before the first claim.
  let last: Int64

  init(_ db: Database) throws {
    let read = try RawStatement(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'claim'")
    read.reset()
    defer { read.reset() }
    last = try read.step() ? read.int64(0) : 0
  }

  /// Records `last` as the last id given, unless inserting the claim with id `inserted` did so.
  func advance(to last: Int64, inserted: Int64?, in db: Database) throws {
    guard inserted != last, last > self.last else { return }
    let update = try RawStatement(db, sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'claim'")
    update.reset()
    update.bind(1, last)
    try update.run()
    guard db.changesCount == 0 else { return }
    let insert = try RawStatement(db, sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('claim', ?)")
    insert.reset()
    insert.bind(1, last)
    try insert.run()
  }
}

extension Array where Element: Equatable {
  /// Removes each element equal to the one before it (all duplicates, once sorted).
  mutating func removeDuplicates() {
    guard count > 1 else { return }
    var last = 0
    for index in 1..<count where self[index] != self[last] {
      last += 1
      self[last] = self[index]
    }
    removeSubrange((last + 1)...)
  }
}
