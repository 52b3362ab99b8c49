import GRDB
import TallyExtractor

/// Loads claims and their sightings for ``Ledger/claims(party:category:)``, in one read.
///
/// Claims are read in id order (the table's own order: no sort), then sightings in any order,
/// each appended to its claim, and a claim's sightings are sorted in memory by publication
/// (unknown last), document name and offset, as SQL's `ORDER BY published IS NULL, published,
/// name, start` with binary collation orders them. For all claims the documents are read once
/// into a table and the sightings scanned alone; for one party or category the sightings are
/// found through the claim index, joined with their document. Columns are read by index through
/// ``RawStatement``, and repeated strings are shared (``StringPool``).
struct ClaimLoader {
  /// A document's fields as a sighting carries them.
  struct DocumentFields {
    var name: String
    var source: String?
    var published: String?
  }

  let db: Database
  /// The ledger's path, for errors.
  let path: String
  private var pool = StringPool()
  private var documents: [Int64: DocumentFields] = [:]
  private static let categories = Category.allCases.map { (Array($0.rawValue.utf8), $0) }
  private static let qualifiers = Qualifier.allCases.map { (Array($0.rawValue.utf8), $0) }

  init(db: Database, path: String) {
    self.db = db
    self.path = path
  }

  /// Every claim, or those about `party` and/or of `category`, with their sightings.
  mutating func load(party: String?, category: Category?) throws -> [LedgerClaim] {
    let query = Ledger.claimsQuery(party: party, category: category)
    var claims: [LedgerClaim] = []
    if query.values.isEmpty {
      claims.reserveCapacity(try Ledger.claimCapacityHint(db))
    }
    let claimRows = try RawStatement(db, sql: query.claims)
    claimRows.reset()
    for (index, value) in query.values.enumerated() { claimRows.bind(Int32(index + 1), value) }
    defer { claimRows.reset() }
    while try claimRows.step() { claims.append(try claim(claimRows)) }

    let sightingRows: RawStatement
    if query.values.isEmpty {
      try loadDocuments()
      sightingRows = try RawStatement(
        db, sql: #"SELECT claimId, documentId, quote, start, "end" FROM sighting"#)
      sightingRows.reset()
    } else {
      sightingRows = try RawStatement(db, sql: query.sightings)
      sightingRows.reset()
      for (index, value) in query.values.enumerated() { sightingRows.bind(Int32(index + 1), value) }
    }
    defer { sightingRows.reset() }
    let joined = !query.values.isEmpty
    var hint = 0
    while try sightingRows.step() {
      let claimId = sightingRows.int64(0)
      guard let position = Self.position(of: claimId, in: claims, hint: &hint) else { continue }
      let documentId = sightingRows.int64(1)
      let document = joined ? joinedDocument(documentId, sightingRows) : documents[documentId]
      guard let document else {
        throw LedgerError.corrupt(path: path, reason: "sighting of claim \(claimId) names no document \(documentId)")
      }
      let column: Int32 = joined ? 5 : 2
      claims[position].sightings.append(
        Sighting(
          documentID: documentId, document: document.name, source: document.source, published: document.published,
          quote: sightingRows.string(column) ?? "", start: Int(sightingRows.int64(column + 1)),
          end: Int(sightingRows.int64(column + 2))))
    }
    for index in claims.indices where claims[index].sightings.count > 1 {
      claims[index].sightings.sort(by: Self.precedes)
    }
    return claims
  }

  /// The claim of the current row of the claims statement.
  private mutating func claim(_ row: RawStatement) throws -> LedgerClaim {
    let id = row.int64(0)
    guard let category = Self.lookUp(row.text(3), in: Self.categories),
      let qualifier = Self.lookUp(row.text(8), in: Self.qualifiers)
    else {
      throw LedgerError.corrupt(
        path: path, reason: "claim \(id) has category `\(row.string(3) ?? "")`, qualifier `\(row.string(8) ?? "")`")
    }
    return LedgerClaim(
      id: id, claimant: interned(row, 1), party: interned(row, 2), category: category,
      subject: interned(row, 4) ?? "", value: row.int64(5), low: row.optionalInt64(6), high: row.optionalInt64(7),
      qualifier: qualifier, asOf: interned(row, 9), location: interned(row, 10), sightings: [])
  }

  /// The text of a column, shared with earlier rows of the same text; nil for NULL.
  private mutating func interned(_ row: RawStatement, _ index: Int32) -> String? {
    row.text(index).map { pool.string($0) }
  }

  /// The case whose raw value is `bytes`.
  private static func lookUp<T>(_ bytes: UnsafeBufferPointer<UInt8>?, in cases: [([UInt8], T)]) -> T? {
    guard let bytes else { return nil }
    return cases.first { $0.0.elementsEqual(bytes) }?.1
  }

  /// Reads every document's name, outlet and publication date.
  private mutating func loadDocuments() throws {
    let rows = try RawStatement(db, sql: "SELECT id, name, source, published FROM document")
    rows.reset()
    defer { rows.reset() }
    while try rows.step() {
      documents[rows.int64(0)] = DocumentFields(
        name: rows.string(1) ?? "", source: rows.text(2).map { pool.string($0) },
        published: rows.text(3).map { pool.string($0) })
    }
  }

  /// The document of a row of the joined sightings statement (columns 2 to 4), read once per document.
  private mutating func joinedDocument(_ id: Int64, _ row: RawStatement) -> DocumentFields {
    if let known = documents[id] { return known }
    let fields = DocumentFields(
      name: row.string(2) ?? "", source: row.text(3).map { pool.string($0) },
      published: row.text(4).map { pool.string($0) })
    documents[id] = fields
    return fields
  }

  /// The index of the claim with `id` in `claims` (in id order), trying `hint` and the one after
  /// it first: sightings mostly come in claim order.
  private static func position(of id: Int64, in claims: [LedgerClaim], hint: inout Int) -> Int? {
    if hint < claims.count && claims[hint].id == id { return hint }
    if hint + 1 < claims.count && claims[hint + 1].id == id {
      hint += 1
      return hint
    }
    var low = 0
    var high = claims.count
    while low < high {
      let middle = (low + high) / 2
      if claims[middle].id < id { low = middle + 1 } else { high = middle }
    }
    guard low < claims.count, claims[low].id == id else { return nil }
    hint = low
    return low
  }

  /// The order of a claim's sightings: publication date (unknown last), then document name, then
  /// offset, comparing text byte by byte as SQLite's binary collation does.
  static func precedes(_ a: Sighting, _ b: Sighting) -> Bool {
    switch (a.published, b.published) {
    case (nil, .some): return false
    case (.some, nil): return true
    case (let x?, let y?) where !x.utf8.elementsEqual(y.utf8):
      return x.utf8.lexicographicallyPrecedes(y.utf8)
    default: break
    }
    if !a.document.utf8.elementsEqual(b.document.utf8) {
      return a.document.utf8.lexicographicallyPrecedes(b.document.utf8)
    }
    return a.start < b.start
  }
}
