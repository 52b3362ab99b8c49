public import TallyCSV
public import TallyExtractor
public import TallyLedger

/// One sighting of a ledger claim: a row of `claims.csv`.
///
/// A claim carried by three documents gives three rows, each with that document's name, outlet,
/// publication date, quote and offsets, and `sightings` 3. The columns are those of
/// `tally extract --format csv` (``Claim/columns``) plus `sightings`, so `tally import` reads the
/// file back. For example, Armenia's 209 military deaths carried by two wire copies:
///
/// ```text
/// document,source,…,quote,start,end,sightings
/// wire-a.txt,Reuters,2020-10-04,Armenia,Armenia,killed,military,209,209,209,exact,2020-10-04,,209 military deaths,120,139,2
/// wire-b.txt,AFP,2020-10-04,Armenia,Armenia,killed,military,209,209,209,exact,2020-10-04,,209 military deaths,88,107,2
/// ```
public struct ClaimRow: Sendable, Hashable {
  /// The figure as one document gives it: the claim's fields with the sighting's document,
  /// outlet, publication date, quote and offsets.
  public var claim: Claim
  /// The number of distinct documents that carry the claim.
  public var sightings: Int
  /// The id of the ledger claim (not written: ids change when a file is imported elsewhere).
  public var claimID: Int64

  /// Creates a row.
  public init(claim: Claim, sightings: Int, claimID: Int64) {
    self.claim = claim
    self.sightings = sightings
    self.claimID = claimID
  }
}

extension ClaimRow {
  /// One row per sighting of every claim, in a fixed order that does not depend on ledger ids.
  ///
  /// Rows are ordered by `as_of`, `party`, `category`, `subject`, `claimant`, `value`, `low`,
  /// `high`, `qualifier`, `location`, then `document`, `start`, `end` and `quote`; unknown values
  /// come last, categories and qualifiers in the order of their lists. Every column of a row takes
  /// part, so exporting, importing into a fresh ledger and exporting again gives the same file.
  ///
  /// - Parameter claims: The ledger's claims, in any order.
  /// - Returns: The rows.
  /// - Complexity: O(n log n) for n sightings.
  public static func rows(_ claims: [LedgerClaim]) -> [ClaimRow] {
    func row(_ c: Int, _ s: Int) -> ClaimRow {
      let claim = claims[c]
      let sighting = claim.sightings[s]
      return ClaimRow(
        claim: Claim(
          document: sighting.document, source: sighting.source, published: sighting.published,
          claimant: claim.claimant, party: claim.party, category: claim.category, subject: claim.subject,
          value: claim.value, low: claim.low, high: claim.high, qualifier: claim.qualifier, asOf: claim.asOf,
          location: claim.location, quote: sighting.quote, start: sighting.start, end: sighting.end),
        sightings: distinctDocuments(claim.sightings), claimID: claim.id)
    }
    // Sorted on integer ranks (ClaimRowOrder), which order as `ordered` does, then built in order.
    let order = ClaimRowOrder.sorted(claims, row: row)
    var rows: [ClaimRow] = []
    rows.reserveCapacity(order.count)
    for (c, s) in order { rows.append(row(c, s)) }
    return rows
  }

  /// The number of distinct documents among `sightings`, without building a set for the usual
  /// one or two.
  static func distinctDocuments(_ sightings: [Sighting]) -> Int {
    if sightings.count <= 1 { return sightings.count }
    if sightings.count > 16 { return Set(sightings.map(\.documentID)).count }
    var count = 0
    for (index, sighting) in sightings.enumerated()
    where !sightings[..<index].contains(where: { $0.documentID == sighting.documentID }) {
      count += 1
    }
    return count
  }

  /// Whether `a` comes before `b` in `claims.csv`.
  static func ordered(_ a: Claim, _ b: Claim) -> Bool {
    if let order = compare(a.asOf, b.asOf) { return order }
    if let order = compare(a.party, b.party) { return order }
    if a.category != b.category { return rank(a.category) < rank(b.category) }
    if a.subject != b.subject { return a.subject < b.subject }
    if let order = compare(a.claimant, b.claimant) { return order }
    if a.value != b.value { return a.value < b.value }
    if let order = compare(a.low, b.low) { return order }
    if let order = compare(a.high, b.high) { return order }
    if a.qualifier != b.qualifier { return rank(a.qualifier) < rank(b.qualifier) }
    if let order = compare(a.location, b.location) { return order }
    if a.document != b.document { return a.document < b.document }
    if a.start != b.start { return a.start < b.start }
    if a.end != b.end { return a.end < b.end }
    if a.quote != b.quote { return a.quote < b.quote }
    if let order = compare(a.source, b.source) { return order }
    if let order = compare(a.published, b.published) { return order }
    return false
  }

  /// `nil` when equal, else whether `a` comes first; unknown values come last.
  private static func compare<T: Comparable>(_ a: T?, _ b: T?) -> Bool? {
    switch (a, b) {
    case (nil, nil): nil
    case (nil, _): false
    case (_, nil): true
    case (let a?, let b?): a == b ? nil : a < b
    }
  }

  private static func rank(_ category: Category) -> Int {
    Category.allCases.firstIndex(of: category) ?? 0
  }

  private static func rank(_ qualifier: Qualifier) -> Int {
    Qualifier.allCases.firstIndex(of: qualifier) ?? 0
  }
}

extension ClaimRow: ReportRow {
  /// The columns of `tally extract --format csv`, then `sightings`.
  public static let columns = Ledger.reportColumns

  /// The HXL hashtags of ``columns``, from `#meta+document` to `#meta+sightings`.
  public static let hxlTags = [
    "#meta+document", "#meta+source", "#date+published", "#org+claimant", "#group+party", "#indicator+category",
    "#indicator+subject", "#affected+num", "#affected+num+min", "#affected+num+max", "#meta+qualifier",
    "#date+occurred", "#loc+name", "#description+quote", "#meta+offset+start", "#meta+offset+end",
    "#meta+sightings",
  ]

  /// The cells of `tally extract --format csv`, then the sighting count as a number.
  public var csvCells: [CSVCell] {
    claim.csvCells + [.integer(Int64(sightings))]
  }

  /// The object of `tally extract --format json` with a last key `sightings`.
  public var json: String {
    String(claim.json.dropLast()) + ",\"sightings\":\(sightings)}"
  }

  /// The rows as the table of `tally extract --format text` with a last column `sightings`,
  /// then a line `N rows`.
  public static func text(_ rows: [ClaimRow]) -> String {
    Report.table(
      header: Claim.textColumns + ["sightings"], rows: rows.map { $0.claim.textRow + [String($0.sightings)] },
      noun: "row", plural: "rows")
  }
}
