import Foundation

/// Reads and extracts documents on several cores, and hands the results back in input order.
///
/// Worker threads (``jobs`` of them) read and extract files;
/// the calling thread receives each result, in the order of the files, in `body` — so what a
/// caller stores or prints does not depend on the number of cores. At most ``window`` documents
/// (32 × jobs), and no more than ``readAheadBytes`` of files once one is in flight, are read
/// ahead of the one the caller is handling, so memory stays bounded however many files there are. A file larger than ``streamingThreshold`` (and standard input) is read
/// by the calling thread itself when its turn comes, with `emit` streaming its claims chunk by
/// chunk, exactly as ``CorpusReader`` does. With one job it *is* ``CorpusReader``. For example:
///
/// ```swift
/// var corpus = ParallelCorpusReader(corpus: CorpusReader(reader: reader), jobs: 4)
/// let errors = corpus.read(["data/articles"]) { input, result in print(input.documentName, result.claims.count) }
/// ```
public struct ParallelCorpusReader: Sendable {
  /// The serial reader: its document reader, overrides and `sources.csv` cache.
  public var corpus: CorpusReader
  /// How many documents are read at once (1 reads on the calling thread alone).
  public var jobs: Int
  /// Files larger than this many bytes are read serially, streaming their claims through `emit`.
  public var streamingThreshold = 4 << 20

  /// How many documents may be read ahead of the one being handed to the caller. Wire reports
  /// are small (1-5 KB), so a deep window keeps the workers from waiting on the caller's turn.
  public var window: Int { 32 * max(1, jobs) }
  /// How many bytes of files may be read ahead: the claims of a window of large files stay
  /// within a few tens of MB.
  public var readAheadBytes = 16 << 20

  /// The number of cores this process may use: the default for ``jobs``.
  public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Creates a reader over `corpus` that reads `jobs` documents at once.
  public init(corpus: CorpusReader, jobs: Int = ParallelCorpusReader.defaultJobs) {
    self.corpus = corpus
    self.jobs = max(1, jobs)
  }

  /// How many files are listed and read in one round of ``read(_:emit:_:)``: folders are walked
  /// as their files are wanted (``InputWalk``), so memory does not grow with the number of files.
  public static let filesPerRound = 4096

  /// Reads every file `paths` name (see ``InputWalk``), as ``read(files:emit:_:)``, listing
  /// folders ``filesPerRound`` files at a time.
  ///
  /// - Returns: The errors met, in order: the paths that could not be used first.
  public mutating func read(
    _ paths: [String], emit: ((InputFile, [Claim]) -> Void)? = nil, _ body: (InputFile, DocumentResult) throws -> Void
  ) rethrows -> [DocumentError] {
    var walk = InputWalk(paths)
    var errors: [DocumentError] = []
    while case let files = walk.next(upTo: Self.filesPerRound), !files.isEmpty {
      errors += try read(files: files, emit: emit, body)
    }
    return walk.errors + errors
  }

  /// Reads each of `files` and hands its result to `body` on the calling thread, in the order
  /// of `files`.
  ///
  /// - Parameters:
  ///   - files: The files, in the order the results are wanted.
  ///   - emit: When given, receives each document's claims (for a large file, each chunk's
  ///     claims) before `body`, and the results handed to `body` carry no claims.
  ///   - body: Receives each document that could be read, in order. When it throws, reading
  ///     stops (the workers finish the file they are on) and the error is rethrown.
  /// - Returns: The errors met, in the order of the files; the files after an error are still read.
  public mutating func read(
    files: [InputFile], emit: ((InputFile, [Claim]) -> Void)? = nil,
    _ body: (InputFile, DocumentResult) throws -> Void
  ) rethrows -> [DocumentError] {
    if jobs <= 1 || files.count <= 1 { return try corpus.read(files: files, emit: emit, body) }
    // Sidecars are loaded here, in order, so their errors come where the serial reader puts them.
    var sidecars: [SourcesIndex] = []
    sidecars.reserveCapacity(files.count)
    var sidecarErrors: [Int: DocumentError] = [:]
    for (index, file) in files.enumerated() {
      let (sidecar, error) = corpus.sidecar(for: file)
      sidecars.append(sidecar)
      if let error { sidecarErrors[index] = error }
    }
    let pipeline = ReadPipeline(
      files: files, sidecars: sidecars, reader: corpus.reader, overrides: corpus.overrides, window: window,
      readAheadBytes: readAheadBytes, streamingThreshold: streamingThreshold)
    pipeline.start(workers: jobs)
    defer { pipeline.stop() }
    var errors: [DocumentError] = []
    var ready: [Slot] = []
    var readyFrom = 0
    for (index, file) in files.enumerated() {
      if let error = sidecarErrors[index] { errors.append(error) }
      if index == readyFrom + ready.count {
        ready.removeAll(keepingCapacity: true)
        readyFrom = index
        pipeline.take(from: index, into: &ready)
      }
      var result: DocumentResult
      switch ready[index - readyFrom] {
      case .read(let read):
        result = read
        if let emit {
          emit(file, result.claims)
          result.claims = []
        }
      case .failed(let error):
        errors.append(error)
        continue
      case .serial:
        do {
          if let emit {
            result = try corpus.reader.read(file, overrides: corpus.overrides, sidecar: sidecars[index]) {
              emit(file, $0)
            }
          } else {
            result = try corpus.reader.read(file, overrides: corpus.overrides, sidecar: sidecars[index])
          }
        } catch {
          errors.append(error)
          continue
        }
      }
      try body(file, result)
    }
    return errors
  }
}

/// The result of reading one file in a parallel read.
private enum Slot {
  case read(DocumentResult)
  case failed(DocumentError)
  /// Too large to hold whole, or standard input: the caller reads it itself.
  case serial
}

/// The shared state of one parallel read: which file is next, and the results not yet taken.
///
/// Workers claim a few files at a time and hand their results over together, and the caller
/// takes every result that is ready at once, so that the lock is taken about once a file in all
/// rather than several times (it was contended: about 3.5 futex calls a file on two jobs).
private final class ReadPipeline: @unchecked Sendable {

  let files: [InputFile]
  let sidecars: [SourcesIndex]
  let reader: DocumentReader
  let overrides: DocumentMetadata
  let window: Int
  let readAheadBytes: Int
  let streamingThreshold: Int
  private let condition = PipelineLock()
  private let finished = DispatchGroup()
  // Guarded by `condition`.
  private var next = 0
  private var consumed = 0
  private var slots: [Int: Slot] = [:]
  /// The sizes of the files read ahead and not yet taken, and their sum.
  private var sizes: [Int: Int] = [:]
  private var inFlightBytes = 0
  private var cancelled = false
  /// While the caller waits: the file it waits for, and the last of the files it waits to have
  /// ready with it (so that it wakes once for several small files, not once for each).
  private var awaited: (index: Int, last: Int)?
  /// The workers waiting for room ahead of the caller.
  private var waitingForRoom = 0

  /// How many files the caller, once it has to wait, waits to have ready at once.
  static let wakeBatch = 8
  /// How many small files a worker claims at once (fewer when the window has less room): a
  /// worker whose last files were small claims this many, one that met a file of
  /// ``largeFile`` bytes or more claims one, so that large files are held no longer than before.
  static let claimBatch = 4
  static let largeFile = 64 << 10

  init(
    files: [InputFile], sidecars: [SourcesIndex], reader: DocumentReader, overrides: DocumentMetadata, window: Int,
    readAheadBytes: Int, streamingThreshold: Int
  ) {
    self.files = files
    self.sidecars = sidecars
    self.reader = reader
    self.overrides = overrides
    self.window = window
    self.readAheadBytes = readAheadBytes
    self.streamingThreshold = streamingThreshold
  }

  /// Starts `workers` threads. They are plain threads rather than `concurrentPerform`, whose
  /// width dispatch sizes to the CPUs it sees free: `--jobs N` then means N workers, each of
  /// which may block on the window without holding up a dispatch worker.
  func start(workers: Int) {
    for _ in 0..<workers {
      finished.enter()
      let thread = Thread { [self] in
        work()
        finished.leave()
      }
      thread.name = "tally-reader"
      thread.start()
    }
  }

  /// Tells the workers to stop after the file they are on, and waits for them.
  func stop() {
    condition.lock()
    cancelled = true
    condition.broadcastRoom()
    condition.unlock()
    finished.wait()
  }

  /// Waits for the result of file `index` and appends it to `ready`, with the results of the
  /// files after it that are ready too, in order; the workers may then read that much further.
  ///
  /// When file `index` is not ready, the caller waits for it and the next few (``wakeBatch``)
  /// together, and a worker wakes it once all of them are ready; the workers waiting for room
  /// are woken once a quarter of the window is free again.
  func take(from index: Int, into ready: inout [Slot]) {
    condition.lock()
    defer { condition.unlock() }
    if slots[index] == nil {
      awaited = (index, min(index + Self.wakeBatch - 1, files.count - 1))
      while slots[index] == nil { condition.waitReady() }
      awaited = nil
    }
    var taken = index
    while let slot = slots.removeValue(forKey: taken) {
      ready.append(slot)
      inFlightBytes -= sizes.removeValue(forKey: taken) ?? 0
      taken += 1
    }
    consumed = taken
    // Woken once there is room for a quarter of the window, or the bytes ahead have fallen to
    // three quarters of their bound: each waiting worker then claims several files in one wake.
    if waitingForRoom > 0 && consumed + window - next >= max(1, window / 4)
      && (next <= consumed || inFlightBytes <= readAheadBytes / 4 * 3)
    {
      condition.broadcastRoom()
    }
  }

  private func work() {
    var results: [(index: Int, slot: Slot, held: Int)] = []
    var batch = 1
    while true {
      condition.lock()
      while !cancelled && next < files.count
        && (next >= consumed + window || (next > consumed && inFlightBytes >= readAheadBytes))
      {
        waitingForRoom += 1
        condition.waitRoom()
        waitingForRoom -= 1
      }
      if cancelled || next >= files.count {
        condition.unlock()
        return
      }
      let first = next
      next += min(batch, files.count - next, consumed + window - next)
      let claimed = first..<next
      condition.unlock()
      results.removeAll(keepingCapacity: true)
      batch = Self.claimBatch
      for index in claimed {
        let size = Self.size(of: files[index])
        if size >= Self.largeFile { batch = 1 }
        // A file left to the caller is not held in memory ahead of its turn.
        results.append((index, read(index, size: size), size > streamingThreshold ? 0 : size))
      }
      condition.lock()
      for result in results {
        slots[result.index] = result.slot
        sizes[result.index] = result.held
        inFlightBytes += result.held
      }
      // The caller wakes once what it waits for is all ready: the file it needs, and the files
      // after it up to `last` (unless they are not in flight, so that it never waits on them).
      if let awaited, slots[awaited.index] != nil, slots[awaited.last] != nil || next <= awaited.last {
        condition.signalReady()
      }
      condition.unlock()
    }
  }

  /// The size of a file in bytes; 0 when unknown (the reader then reports the problem).
  private static func size(of file: InputFile) -> Int {
    guard case .file(let path) = file else { return 0 }
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
  }

  private func read(_ index: Int, size: Int) -> Slot {
    let file = files[index]
    guard case .file = file else { return .serial }
    if size > streamingThreshold { return .serial }
    do {
      return .read(try reader.read(file, overrides: overrides, sidecar: sidecars[index]))
    } catch {
      return .failed(error)
    }
  }
}
