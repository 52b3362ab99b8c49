import GRDB
public import TallyExtractor

#if canImport(Glibc)
import Glibc
#endif

extension Ledger {
  /// Every claim, or those about `party` and/or of `category`, as a ``ClaimTable``: what
  /// ``claims(party:category:)`` returns, in columns.
  ///
  /// Claims come in id order; each claim's sightings oldest publication first, then by document
  /// name and offset (documents with no publication date last), as ``claims(party:category:)``
  /// orders them. Without `details` the sightings' quotes and end offsets are not read (the
  /// daily, compare and findings reports do not show them), and every sighting is read from the
  /// sightings' (claim, document, start) index rather than from the table. For example:
  ///
  /// ```swift
  /// let rows = Reconciliation(table: try ledger.claimTable()).daily()
  /// ```
  ///
  /// - Parameters:
  ///   - party: Only claims about this party.
  ///   - category: Only claims of this category.
  ///   - details: Whether to read each sighting's quote and end offset.
  /// - Throws: ``LedgerError``.
  public func claimTable(party: String? = nil, category: Category? = nil, details: Bool = false)
    throws(LedgerError) -> ClaimTable
  {
    let path = self.path
    return try reading { db in
      var loader = ClaimTableLoader(db: db, path: path, details: details)
      return try loader.load(party: party, category: category)
    }
  }
}

/// Loads a ``ClaimTable`` in one read: labels and documents, then claims in id order (their texts
/// label ids, mapped to the table's string ids), then sightings, each appended to its claim; then each claim's sightings are ordered by publication (unknown last),
/// document name and offset, as SQL's `ORDER BY published IS NULL, published, name, start` with
/// binary collation orders them.
struct ClaimTableLoader {
  let db: Database
  /// The ledger's path, for errors.
  let path: String
  /// Whether to read quotes and end offsets.
  let details: Bool
  private var table = ClaimTable()
  private var strings = StringTable()
  /// Document index by ledger id.
  private var documentIndex = RowIndex()
  /// String id by label id.
  private var labels = RowIndex()
  /// The sort rank of each document: publication (unknown last), then name.
  private var documentRanks: [Int32] = []
  private static let categories = Category.allCases.map { (Array($0.rawValue.utf8), $0) }
  private static let qualifiers = Qualifier.allCases.map { (Array($0.rawValue.utf8), $0) }

  init(db: Database, path: String, details: Bool) {
    self.db = db
    self.path = path
    self.details = details
  }

  mutating func load(party: String?, category: Category?) throws -> ClaimTable {
    let full = Ledger.claimsQuery(party: party, category: category)
    let query = (claims: full.claims, filter: Ledger.claimFilter(party: party, category: category).filter, values: full.values)
    try loadLabels()
    try loadDocuments()
    if query.values.isEmpty {
      table.reserve(try Ledger.claimCapacityHint(db))
    }
    let claimRows = try RawStatement(db, sql: query.claims)
    claimRows.reset()
    for (index, value) in query.values.enumerated() { claimRows.bind(Int32(index + 1), value) }
    defer { claimRows.reset() }
    while try claimRows.step() { try appendClaim(claimRows) }
    try loadSightings(query: query)
    table.strings = strings.strings
    return table
  }

  /// Appends the claim of the current row of the claims statement.
  private mutating func appendClaim(_ row: RawStatement) throws {
    let id = row.int64(0)
    guard let category = Self.lookUp(row.text(3), in: Self.categories),
      let qualifier = Self.lookUp(row.text(8), in: Self.qualifiers)
    else {
      throw LedgerError.corrupt(
        path: path, reason: "claim \(id) has category `\(row.string(3) ?? "")`, qualifier `\(row.string(8) ?? "")`")
    }
    let subject = try label(row, 4, claim: id)
    table.append(
      id: id, claimant: try label(row, 1, claim: id), party: try label(row, 2, claim: id), category: category,
      subject: subject < 0 ? strings.id("") : subject, value: row.int64(5),
      low: row.optionalInt64(6), high: row.optionalInt64(7), qualifier: qualifier, asOf: try label(row, 9, claim: id),
      location: try label(row, 10, claim: id))
  }

  /// The string id of the label a column of claim `id` names, -1 for NULL.
  private func label(_ row: RawStatement, _ index: Int32, claim id: Int64) throws -> Int32 {
    if row.isNull(index) { return -1 }
    let label = row.int64(index)
    guard let string = labels[label] else {
      throw LedgerError.corrupt(path: path, reason: "claim \(id) names no label \(label)")
    }
    return string
  }

  /// Reads every label, each text given its string id.
  private mutating func loadLabels() throws {
    let rows = try RawStatement(db, sql: "SELECT id, text FROM label ORDER BY id")
    rows.reset()
    defer { rows.reset() }
    var ids: [Int64] = []
    var strings: [Int32] = []
    while try rows.step() {
      ids.append(rows.int64(0))
      strings.append(rows.text(1).map { self.strings.id($0) } ?? self.strings.id(""))
    }
    labels = RowIndex(ids: ids, values: strings)
  }

  /// The string id of a column, -1 for NULL.
  private mutating func interned(_ row: RawStatement, _ index: Int32) -> Int32 {
    row.text(index).map { strings.id($0) } ?? -1
  }

  /// The case whose raw value is `bytes`.
  private static func lookUp<T>(_ bytes: UnsafeBufferPointer<UInt8>?, in cases: [([UInt8], T)]) -> T? {
    guard let bytes, let base = bytes.baseAddress else { return nil }
    for (raw, value) in cases where raw.count == bytes.count {
      if raw.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, raw.count) == 0 }) { return value }
    }
    return nil
  }

  /// Reads every document's id, name, outlet and publication date, and ranks the documents.
  private mutating func loadDocuments() throws {
    let rows = try RawStatement(db, sql: "SELECT id, name, source, published FROM document ORDER BY id")
    rows.reset()
    defer { rows.reset() }
    while try rows.step() {
      table.documentIDs.append(rows.int64(0))
      table.documentNames.append(rows.text(1).map { strings.id($0) } ?? strings.id(""))
      table.documentSources.append(interned(rows, 2))
      table.documentPublished.append(interned(rows, 3))
    }
    let ids = table.documentIDs
    documentIndex = RowIndex(ids: ids, values: ids.indices.map { Int32($0) })
    // Publication (unknown last), then name, byte by byte; names are unique.
    let published = table.documentPublished
    let names = table.documentNames
    let order = ids.indices.sorted { a, b in
      let (pa, pb) = (published[a], published[b])
      if pa != pb {
        if pa < 0 || pb < 0 { return pb < 0 }
        return strings.bytesPrecede(pa, pb)
      }
      return strings.bytesPrecede(names[a], names[b])
    }
    documentRanks = Array(repeating: 0, count: ids.count)
    for (rank, index) in order.enumerated() { documentRanks[index] = Int32(rank) }
  }

  /// Reads the sightings of the loaded claims and lays them out claim by claim, in order.
  private mutating func loadSightings(query: (claims: String, filter: String, values: [String])) throws {
    let rows = try RawStatement(db, sql: Self.sightingsSQL(filter: query.filter, details: details))
    rows.reset()
    for (index, value) in query.values.enumerated() { rows.bind(Int32(index + 1), value) }
    defer { rows.reset() }

    // Each sighting's claim position, document and offsets, in the order read.
    let n = table.count
    var claimOf: [Int32] = []
    // Most claims have one sighting: room for an eighth more grows the arrays at most once.
    let expected = n + n / 8
    claimOf.reserveCapacity(expected)
    table.sightingDocuments.reserveCapacity(expected)
    table.sightingStarts.reserveCapacity(expected)
    if details {
      table.sightingEnds.reserveCapacity(expected)
      table.quotes.reserveCapacity(expected)
    }
    var hint = 0
    while try rows.step() {
      let claimId = rows.int64(0)
      guard let position = Self.position(of: claimId, in: table.ids, hint: &hint) else { continue }
      let documentId = rows.int64(1)
      guard let document = documentIndex[documentId] else {
        throw LedgerError.corrupt(path: path, reason: "sighting of claim \(claimId) names no document \(documentId)")
      }
      claimOf.append(Int32(position))
      table.sightingDocuments.append(document)
      table.sightingStarts.append(Int(rows.int64(2)))
      if details {
        table.sightingEnds.append(Int(rows.int64(3)))
        table.quotes.append(bytes: rows.text(4))
      }
    }

    // Claim bounds by counting, then every sighting moved to its claim's run (unless already there).
    var bounds = [Int32](repeating: 0, count: n + 1)
    var sorted = true
    for (index, claim) in claimOf.enumerated() {
      bounds[Int(claim) + 1] += 1
      if index > 0 && claimOf[index - 1] > claim { sorted = false }
    }
    for index in 0..<n { bounds[index + 1] += bounds[index] }
    table.sightingBounds = bounds
    if !sorted {
      var cursor = Array(bounds.dropLast())
      var target = [Int32](repeating: 0, count: claimOf.count)
      for (index, claim) in claimOf.enumerated() {
        target[index] = cursor[Int(claim)]
        cursor[Int(claim)] += 1
      }
      claimOf = []
      cursor = []
      permuteSightings(to: &target)
    }
    claimOf = []
    orderSightings()
  }

  /// The sightings statement: every sighting, or (with a `filter` from ``Ledger/claimFilter(party:category:)``)
  /// those of the claims it selects, found through the claim index and the sightings' (claimId,
  /// documentId, start) index. Without details that index holds every column read.
  static func sightingsSQL(filter: String, details: Bool) -> String {
    let columns = details ? #"s.claimId, s.documentId, s.start, s."end", s.quote"# : "s.claimId, s.documentId, s.start"
    if filter.isEmpty {
      return "SELECT \(columns) FROM sighting s" + (details ? "" : " ORDER BY s.claimId, s.documentId, s.start")
    }
    return "SELECT \(columns) FROM sighting s JOIN claim c ON c.id = s.claimId" + filter
  }

  /// Moves the sighting at `i` to `target[i]`, in place (following the permutation's cycles, so
  /// that no column is copied whole); `target` ends as the identity.
  private mutating func permuteSightings(to target: inout [Int32]) {
    for start in target.indices {
      while Int(target[start]) != start {
        let other = Int(target[start])
        table.sightingDocuments.swapAt(start, other)
        table.sightingStarts.swapAt(start, other)
        if details {
          table.sightingEnds.swapAt(start, other)
          table.quotes.swapAt(start, other)
        }
        target.swapAt(start, other)
      }
    }
  }

  /// Orders each claim's sightings by document rank, then offset.
  private mutating func orderSightings() {
    let ranks = documentRanks
    for claim in 0..<table.count {
      let range = table.sightings(of: claim)
      guard range.count > 1 else { continue }
      func key(_ position: Int) -> (Int32, Int) {
        (ranks[Int(table.sightingDocuments[position])], table.sightingStarts[position])
      }
      var inOrder = true
      for position in range.dropFirst() where key(position - 1) > key(position) {
        inOrder = false
        break
      }
      if inOrder { continue }
      let order = range.sorted { key($0) < key($1) }
      let documents = order.map { table.sightingDocuments[$0] }
      let starts = order.map { table.sightingStarts[$0] }
      table.sightingDocuments.replaceSubrange(range, with: documents)
      table.sightingStarts.assign(range, starts)
      if details {
        let ends = order.map { table.sightingEnds[$0] }
        table.sightingEnds.assign(range, ends)
        table.quotes.reorder(range, as: order)
      }
    }
  }

  /// The index of the claim with `id` in `ids` (ascending), trying `hint` and the one after it
  /// first: sightings mostly come in claim order.
  private static func position(of id: Int64, in ids: [Int64], hint: inout Int) -> Int? {
    if hint < ids.count && ids[hint] == id { return hint }
    if hint + 1 < ids.count && ids[hint + 1] == id {
      hint += 1
      return hint
    }
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle] < id { low = middle + 1 } else { high = middle }
    }
    guard low < ids.count, ids[low] == id else { return nil }
    hint = low
    return low
  }
}
