/// What ingesting one document did to the ledger.
///
/// `claims` counts the claims the document brought that the ledger did not have yet; a figure
/// the ledger already had (a syndicated copy) adds a sighting to that claim and is not counted.
public enum IngestOutcome: Sendable, Hashable {
  /// A document the ledger did not have.
  case new(claims: Int)
  /// The same name with the same SHA-256: nothing was written.
  case unchanged
  /// The same name with another SHA-256: its sightings were replaced.
  case updated(claims: Int)

  /// The claims newly created; 0 for ``unchanged``.
  public var claimsAdded: Int {
    switch self {
    case .new(let claims), .updated(let claims): claims
    case .unchanged: 0
    }
  }
}

/// The counts `tally ingest` ends with.
///
/// For example:
///
/// ```swift
/// var summary = IngestSummary()
/// summary.add(.new(claims: 3))
/// summary.add(.unchanged)
/// summary.failed += 1
/// summary.line  // "ingested 3 documents: 1 new, 1 unchanged, 0 updated, 1 failed; 3 claims added"
/// ```
public struct IngestSummary: Sendable, Hashable {
  /// Documents the ledger did not have.
  public var new = 0
  /// Documents already in the ledger with the same bytes.
  public var unchanged = 0
  /// Documents whose bytes changed since they were ingested.
  public var updated = 0
  /// Documents that could not be read or stored.
  public var failed = 0
  /// Claims newly created.
  public var claimsAdded = 0

  /// An empty summary.
  public init() {}

  /// Counts one document's outcome.
  public mutating func add(_ outcome: IngestOutcome) {
    switch outcome {
    case .new: new += 1
    case .unchanged: unchanged += 1
    case .updated: updated += 1
    }
    claimsAdded += outcome.claimsAdded
  }

  /// Every document counted, failed ones included.
  public var documents: Int { new + unchanged + updated + failed }

  /// The one line `tally ingest` prints on standard output.
  public var line: String {
    "ingested \(documents) document\(documents == 1 ? "" : "s"): \(new) new, \(unchanged) unchanged, "
      + "\(updated) updated, \(failed) failed; \(claimsAdded) claim\(claimsAdded == 1 ? "" : "s") added"
  }
}
