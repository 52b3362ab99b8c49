import TallyExtractor
import TallyLedger

/// A document of a fixture: its id, file name, outlet and publication date.
struct Doc {
  var id: Int64
  var name: String
  var source: String?
  var published: String?
}

/// Builds ledger claims for the reconciliation tests, with ids in creation order.
struct Fixture {
  private(set) var claims: [LedgerClaim] = []

  /// Adds a claim. `low` and `high` follow the extraction conventions unless given.
  @discardableResult
  mutating func add(
    _ party: String?, _ category: Category, _ subject: String, by claimant: String?, _ value: Int64,
    _ qualifier: Qualifier = .exact, low: Int64? = nil, high: Int64? = nil, asOf: String?,
    location: String? = nil, in docs: Doc...
  ) -> Int64 {
    let id = Int64(claims.count + 1)
    let bounds: (Int64?, Int64?)
    switch qualifier {
    case .exact: bounds = (value, value)
    case .moreThan: bounds = (value + 1, nil)
    case .atLeast, .vague: bounds = (value, nil)
    case .upTo: bounds = (nil, value)
    case .about: bounds = (nil, nil)
    case .range: bounds = (low ?? value, high)
    }
    claims.append(
      LedgerClaim(
        id: id, claimant: claimant, party: party, category: category, subject: subject, value: value,
        low: low ?? bounds.0, high: high ?? bounds.1, qualifier: qualifier, asOf: asOf, location: location,
        sightings: docs.map {
          Sighting(
            documentID: $0.id, document: $0.name, source: $0.source, published: $0.published, quote: "\(value)",
            start: 0, end: 1)
        }))
    return id
  }
}

/// A daily row in one line, for exact comparisons:
/// `date|party|category|subject|claimant|value|low|high|change|status|sources`.
func line(_ row: DailyRow) -> String {
  func n(_ v: Int64?) -> String { v.map { String($0) } ?? "" }
  return [
    row.date, row.party ?? "", row.category.rawValue, row.subject, row.claimant ?? "", String(row.value), n(row.low),
    n(row.high), n(row.change), row.status.rawValue, String(row.sources),
  ].joined(separator: "|")
}

/// A comparison row in one line:
/// `party|category|subject|location|claimant|value|as_of|counts_as|low|best|high|spread|basis|historical`.
func line(_ row: CompareRow) -> String {
  [
    row.party ?? "", row.category.rawValue, row.subject, row.location ?? "", row.claimant ?? "", String(row.value),
    row.asOf ?? "", String(row.countsAs), String(row.groupLow), String(row.best), String(row.groupHigh),
    row.spread ?? "", row.basis.rawValue, row.historical ? "historical" : "",
  ].joined(separator: "|")
}
