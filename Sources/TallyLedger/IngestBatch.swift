import Dispatch
public import TallyExtractor

/// Collects documents and stores them in the ledger several at a time, one transaction per batch.
///
/// One transaction per document costs a commit each; a batch of a few hundred small documents
/// costs one. A batch is stored when it holds ``maxDocuments`` documents or ``maxBytes`` bytes,
/// or when a document is added after its first one has waited ``maxDelay`` seconds. Every document is still wholly in the ledger or absent: a batch is one transaction,
/// so an interrupted run loses at most the batch being written, and the next ingest stores it.
/// Documents are stored in the order they are added. For example:
///
/// ```swift
/// var batch = IngestBatch(ledger: ledger)
/// for (input, result) in results {
///   for stored in try batch.add(result, from: input) { summary.add(stored.outcome) }
/// }
/// for stored in try batch.flush() { summary.add(stored.outcome) }
/// ```
public struct IngestBatch {
  /// One stored document.
  public struct Stored: Sendable {
    /// Where it was read from.
    public var input: InputFile
    /// The SHA-256 of its bytes.
    public var sha256: String
    /// What storing it did.
    public var outcome: IngestOutcome
  }

  /// The ledger written to.
  public let ledger: Ledger
  /// A batch is stored once it holds this many documents...
  public var maxDocuments = 4096
  /// ...or this many bytes of text...
  public var maxBytes = 4 << 20
  /// ...or when its first document has waited this many seconds, so that other readers of the
  /// ledger see a slow ingest progress.
  public var maxDelay = 0.5
  private var pending: [(result: DocumentResult, input: InputFile)] = []
  private var pendingBytes = 0
  private var firstAdded: UInt64 = 0

  /// Creates an empty batch for `ledger`.
  public init(ledger: Ledger) {
    self.ledger = ledger
  }

  /// The number of documents waiting to be stored.
  public var count: Int { pending.count }

  /// Adds a document, and stores the batch when it is full.
  ///
  /// - Returns: The documents stored by this call (none while the batch fills), in order.
  /// - Throws: ``LedgerError``; the documents of the failed batch are then not in the ledger.
  public mutating func add(_ result: DocumentResult, from input: InputFile) throws(LedgerError) -> [Stored] {
    let now = DispatchTime.now().uptimeNanoseconds
    if pending.isEmpty { firstAdded = now }
    pending.append((result, input))
    pendingBytes += result.byteCount
    let waited = Double(now - firstAdded) / 1e9
    guard pending.count >= maxDocuments || pendingBytes >= maxBytes || waited >= maxDelay else { return [] }
    return try flush()
  }

  /// Stores the documents waiting, in one transaction.
  ///
  /// - Returns: The documents stored, in order.
  public mutating func flush() throws(LedgerError) -> [Stored] {
    let batch = pending
    pending.removeAll(keepingCapacity: true)
    pendingBytes = 0
    let outcomes = try ledger.ingest(batch: batch)
    return zip(batch, outcomes).map { Stored(input: $0.input, sha256: $0.result.sha256, outcome: $1) }
  }
}
