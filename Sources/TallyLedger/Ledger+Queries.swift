import GRDB
public import TallyExtractor

/// A document as the ledger keeps it: an ingested article or the figures of an analyst's import.
public struct LedgerDocument: Sendable, Hashable, Codable {
  /// The document's row id.
  public var id: Int64
  /// The name that identifies it: the file name, `stdin-<12 hex>`, or an import's `document` value.
  public var name: String
  /// The SHA-256 of the file's bytes (for an import, of the CSV file), lower-case hex.
  public var sha256: String
  /// The absolute path it was read from; nil for standard input.
  public var path: String?
  public var source: String?
  public var url: String?
  /// `YYYY-MM-DD`, if known.
  public var published: String?
  public var title: String?
  /// `article` (ingested) or `import` (from `tally import`).
  public var kind: String
  /// The file's size in bytes.
  public var byteCount: Int64
  /// When it was last stored, ISO-8601 UTC.
  public var ingestedAt: String
}

extension Ledger {
  /// Every claim, or those about `party` and/or of `category`, with their sightings.
  ///
  /// Claims come in id order (the order they entered the ledger). Sightings come oldest
  /// publication first, then by document name and offset; documents with no known publication
  /// date come last. A few statements, however many claims: the claims are loaded as a
  /// ``ClaimTable`` (see ``claimTable(party:category:details:)``). For example:
  ///
  /// ```swift
  /// for claim in try ledger.claims(party: "Armenia", category: .killed) {
  ///   print(claim.value, claim.sightings.map(\.document))
  /// }
  /// ```
  public func claims(party: String? = nil, category: Category? = nil) throws(LedgerError) -> [LedgerClaim] {
    try claimTable(party: party, category: category, details: true).claims()
  }

  /// Room for as many claims as the id range holds, up to a bound past which arrays grow as
  /// they fill. Two look-ups: COUNT(*) scans an index, and so does `max(id) - min(id)` in one
  /// expression (SQLite finds a lone max or min by rowid only in a query of its own).
  static func claimCapacityHint(_ db: Database) throws -> Int {
    let range = try Int.fetchOne(db, sql: "SELECT (SELECT max(id) FROM claim) - (SELECT min(id) FROM claim) + 1") ?? 0
    return min(max(0, range), 1 << 21)
  }

  /// The claims statement of ``claimTable(party:category:details:)``, every claim or those of
  /// one party or category (in id order), with the values of its parameters.
  static func claimsQuery(party: String?, category: Category?) -> (claims: String, values: [String]) {
    let (filter, values) = claimFilter(party: party, category: category)
    let claims = """
      SELECT c.id, c.claimantId, c.partyId, c.category, c.subjectId, c.value, c.low, c.high, c.qualifier, c.asOfId,
        c.locationId
      FROM claim c\(filter) ORDER BY c.id
      """
    return (claims, values)
  }

  /// The `WHERE` clause (empty, or starting with a space) on the claims of `party` and/or
  /// `category`, with the values of its parameters; the claim table is named `c`.
  static func claimFilter(party: String?, category: Category?) -> (filter: String, values: [String]) {
    var conditions: [String] = []
    var values: [String] = []
    if let party {
      conditions.append("c.partyId = (SELECT id FROM label WHERE text = ?)")
      values.append(party)
    }
    if let category {
      conditions.append("c.category = ?")
      values.append(category.rawValue)
    }
    return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), values)
  }

  /// SQLite's plan for the statements ``claimTable(party:category:details:)`` runs for one party
  /// or category (`EXPLAIN QUERY PLAN`), one step per line, so tests can check
  /// that an index serves them.
  func claimsQueryPlan(party: String?, category: Category?) throws(LedgerError) -> [String] {
    let query = Ledger.claimsQuery(party: party, category: category)
    return try reading { db in
      var plan: [String] = []
      let filter = Ledger.claimFilter(party: party, category: category).filter
      let tableSightings = [false, true].map { ClaimTableLoader.sightingsSQL(filter: filter, details: $0) }
      for sql in [query.claims] + tableSightings {
        for row in try Row.fetchAll(
          db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(query.values))
        {
          plan.append(row["detail"] ?? "")
        }
      }
      return plan
    }
  }

  /// Every party named by a claim, with its number of claims, most claims first (then by name);
  /// claims with no party are not counted.
  public func partyCounts() throws(LedgerError) -> [(party: String, count: Int)] {
    try reading { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT label.text, COUNT(*) FROM claim JOIN label ON label.id = claim.partyId
          GROUP BY claim.partyId ORDER BY COUNT(*) DESC, label.text
          """
      ).map { (party: $0[0], count: $0[1]) }
    }
  }

  /// Every document, in id order.
  public func documents() throws(LedgerError) -> [LedgerDocument] {
    try reading { db in
      try DocumentRecord.order(DocumentRecord.Columns.id).fetchAll(db).map { record in
        LedgerDocument(
          id: record.id ?? 0, name: record.name, sha256: record.sha256, path: record.path, source: record.source,
          url: record.url, published: record.published, title: record.title, kind: record.kind,
          byteCount: record.byteCount, ingestedAt: record.ingestedAt)
      }
    }
  }
}
