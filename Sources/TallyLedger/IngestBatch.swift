import Dispatch
public import TallyExtractor

/// Collects documents and stores them in the ledger several at a time, one transaction per batch.
///
/// One transaction per document costs a commit each; a batch of many small documents costs one.
/// A batch is stored when it holds ``maxDocuments`` documents or ``maxBytes`` bytes, or when a
/// document is added after its first one has waited ``maxDelay`` seconds. The first batch holds
/// at most ``firstBatchBytes`` and each next one twice as much as the one before, up to
/// ``maxBytes``, so that the writer starts soon and works while the rest is extracted. Every document is still
/// wholly in the ledger or absent: a batch is one transaction, so an interrupted run loses at most
/// the documents not yet committed (the batch being written and the one filling), and the next
/// ingest stores them. Documents are stored in the order they are added.
///
/// A full batch is written on a background thread while the caller goes on adding documents
/// (so extraction and storage overlap); at most one batch is being written at a time, and its
/// documents are returned by a later ``add(_:from:)`` or by ``flush()``, which waits for every
/// write. An error of a background write is thrown by the next call. For example:
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
  public var maxDocuments = 16384
  /// ...or this many bytes of text...
  public var maxBytes = 4 << 20
  /// ...or, for the first batch, this many (doubled for each next batch up to ``maxBytes``)...
  public var firstBatchBytes = 1 << 20
  /// The byte limit of the batch filling now.
  private var byteLimit: Int?
  /// ...or when its first document has waited this many seconds, so that other readers of the
  /// ledger see a slow ingest progress.
  public var maxDelay = 0.5
  private var pending: [(result: DocumentResult, input: InputFile)] = []
  private var pendingBytes = 0
  private var firstAdded: UInt64 = 0
  /// The batch being written in the background, if any.
  private var inFlight: BatchWrite?

  /// Creates an empty batch for `ledger`.
  public init(ledger: Ledger) {
    self.ledger = ledger
  }

  /// The number of documents waiting to be stored.
  public var count: Int { pending.count }

  /// Adds a document, and starts storing the batch when it is full.
  ///
  /// - Returns: The documents stored since the last call that returned some (none while the
  ///   batch fills), in order.
  /// - Throws: ``LedgerError``; the documents of the failed batch are then not in the ledger.
  public mutating func add(_ result: DocumentResult, from input: InputFile) throws(LedgerError) -> [Stored] {
    let now = DispatchTime.now().uptimeNanoseconds
    if pending.isEmpty { firstAdded = now }
    pending.append((result, input))
    pendingBytes += result.byteCount
    let waited = Double(now - firstAdded) / 1e9
    let limit = byteLimit ?? min(firstBatchBytes, maxBytes)
    guard pending.count >= maxDocuments || pendingBytes >= limit || waited >= maxDelay else { return [] }
    byteLimit = min(2 * limit, maxBytes)
    let stored = try finishInFlight()
    start()
    return stored
  }

  /// Stores the documents waiting, in one transaction, and waits for every write.
  ///
  /// - Returns: The documents stored since the last call that returned some, in order.
  public mutating func flush() throws(LedgerError) -> [Stored] {
    var stored = try finishInFlight()
    start()
    stored += try finishInFlight()
    return stored
  }

  /// Hands the pending documents to a background write.
  private mutating func start() {
    guard !pending.isEmpty else { return }
    let write = BatchWrite(ledger: ledger, batch: pending)
    pending.removeAll(keepingCapacity: true)
    pendingBytes = 0
    inFlight = write
    write.start()
  }

  /// Waits for the background write, if any, and returns what it stored.
  private mutating func finishInFlight() throws(LedgerError) -> [Stored] {
    guard let write = inFlight.take() else { return [] }
    let outcomes = try write.wait()
    return zip(write.batch, outcomes).map { Stored(input: $0.input, sha256: $0.result.sha256, outcome: $1) }
  }
}

/// One batch written by a background thread: started once, waited for once.
///
/// It holds the ledger unowned: the ``IngestBatch`` that waits for it keeps the ledger alive, and
/// the background closure, which may outlive the wait by a few instructions, must not be the last
/// owner of the ledger (closing it there could come after the process has exited, leaving the WAL
/// uncheckpointed).
private final class BatchWrite: @unchecked Sendable {
  unowned let ledger: Ledger
  let batch: [(result: DocumentResult, input: InputFile)]
  private let done = DispatchGroup()
  // Written by the background thread before `done` is left, read after `done` is waited for.
  private var result: Result<[IngestOutcome], LedgerError>?

  init(ledger: Ledger, batch: [(result: DocumentResult, input: InputFile)]) {
    self.ledger = ledger
    self.batch = batch
  }

  func start() {
    done.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      do throws(LedgerError) {
        result = .success(try ledger.ingest(batch: batch))
      } catch {
        result = .failure(error)
      }
      done.leave()
    }
  }

  func wait() throws(LedgerError) -> [IngestOutcome] {
    done.wait()
    switch result {
    case .success(let outcomes): return outcomes
    case .failure(let error): throw error
    case nil: throw LedgerError.failed(path: ledger.path, reason: "a batch write gave no result")
    }
  }
}
