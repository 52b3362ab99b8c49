import Foundation
import TallyCSV
import TallyExtractor
import TallyLedger
import TallyReporter

#if canImport(Glibc)
import Glibc
#endif

/// The measured steps of the benchmark. Each runs in the process that calls it; `tally-bench run`
/// runs each in a child process so that the peak memory reported is the step's own.
public enum BenchSteps {
  /// Seconds since an arbitrary start, from the monotonic clock.
  static func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }

  /// Reads every file of `corpus` once, so that the steps after find it in the page cache.
  ///
  /// - Returns: The number of files and of bytes read.
  public static func readAll(_ corpus: String) throws -> (files: Int, bytes: Int) {
    var files = 0
    var bytes = 0
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var walk = InputWalk([corpus])
    while let file = walk.next() {
      guard case .file(let path) = file else { continue }
      let descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else { throw BenchError("cannot read \(path)") }
      defer { close(descriptor) }
      while case let count = buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }), count > 0 {
        bytes += count
      }
      files += 1
    }
    return (files, bytes)
  }

  /// Extraction throughput: reads and extracts every file of `corpus` on `jobs` cores, keeping
  /// only the counts; the folders are listed as they are read, as `tally extract` does.
  public static func extract(corpus: String, label: String, jobs: Int) throws -> BenchMeasurement {
    var reader = DocumentReader(extractor: Extractor(vocabulary: try Vocabulary.standard()))
    reader.computesHash = false  // as `tally extract` reads
    var parallel = ParallelCorpusReader(corpus: CorpusReader(reader: reader), jobs: jobs)
    var documents = 0
    var bytes = 0
    var claims = 0
    let start = now()
    let errors = parallel.read([corpus]) { _, result in
      documents += 1
      bytes += result.byteCount
      claims += result.claims.count
    }
    var measurement = BenchMeasurement(step: "extract", input: label, jobs: jobs, seconds: now() - start)
    measurement.bytes = bytes
    measurement.documents = documents
    measurement.claims = claims
    if !errors.isEmpty { measurement.note = "\(errors.count) files failed" }
    return measurement
  }

  /// Ingest throughput: extracts on `jobs` cores and stores into a fresh ledger at `ledgerPath`
  /// in batched transactions, as `tally ingest` does.
  public static func ingest(corpus: String, label: String, ledgerPath: String, jobs: Int) throws -> BenchMeasurement {
    for suffix in ["", "-wal", "-shm"] { unlink(ledgerPath + suffix) }
    let reader = DocumentReader(extractor: Extractor(vocabulary: try Vocabulary.standard()))
    let start = now()
    let ledger = try Ledger.open(path: ledgerPath)
    var parallel = ParallelCorpusReader(corpus: CorpusReader(reader: reader), jobs: jobs)
    var batch = IngestBatch(ledger: ledger)
    var summary = IngestSummary()
    var bytes = 0
    var extracted = 0
    var failure: (any Error)?
    let errors = parallel.read([corpus]) { input, result in
      guard failure == nil else { return }
      bytes += result.byteCount
      extracted += result.claims.count
      do {
        for stored in try batch.add(result, from: input) { summary.add(stored.outcome) }
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    for stored in try batch.flush() { summary.add(stored.outcome) }
    let seconds = now() - start
    var measurement = BenchMeasurement(step: "ingest", input: label, jobs: jobs, seconds: seconds)
    measurement.bytes = bytes
    measurement.documents = summary.documents
    measurement.claims = extracted
    measurement.ledgerBytes = fileSize(ledgerPath) + fileSize(ledgerPath + "-wal")
    measurement.note = "\(try ledger.claimCount()) distinct claims, \(try ledger.sightingCount()) sightings"
    if !errors.isEmpty { measurement.note += "; \(errors.count) files failed" }
    return measurement
  }

  /// The size of a file, 0 when it does not exist.
  static func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
  }

  /// A report over a ledger: `daily`, `daily-party` (one party's claims only), `compare` or
  /// `findings`. The time covers opening the ledger (with its integrity check), loading the
  /// claims, reconciling and rendering the CSV, as the command does; the note splits it into
  /// those phases.
  public static func query(_ kind: String, ledgerPath: String, label: String) throws -> BenchMeasurement {
    let party = kind == "daily-party" ? try mostCommonParty(Ledger.open(path: ledgerPath, access: .readOnly)) : nil
    // As the command does: the time starts before the ledger opens, and the claims are returned
    // only once SQLite's integrity check, run on the other core meanwhile, has passed.
    let start = now()
    let ledger = try Ledger.open(path: ledgerPath, access: .readOnly)
    let claims = try ledger.claimTable(party: party)
    let loaded = now()
    let reconciliation = Reconciliation(table: claims)
    let rows: Int
    let byteCount: Int
    let computed: Double
    var phaseNames = ("reconcile", "render")
    switch kind {
    case "daily", "daily-party":
      // As `tally daily` writes CSV: streamed as the rows are made (here to /dev/null).
      computed = now()
      phaseNames = ("index", "rows and render")
      let sink = open("/dev/null", O_WRONLY)
      guard sink >= 0 else { throw BenchError("cannot open /dev/null") }
      defer { close(sink) }
      var output = CSVStreamWriter(fileDescriptor: sink, name: "/dev/null")
      rows = try Report.writeCSV(DailyRow.self, to: &output) {
        reconciliation.forEachDailyRow(DailyFilter(party: party), $0)
      }
      try output.flush()
      byteCount = output.writtenByteCount
    case "compare":
      let compare = reconciliation.compare()
      computed = now()
      rows = compare.count
      byteCount = Report.csv(compare).count
    case "findings":
      // As `tally findings` writes CSV: streamed as the findings are made (here to /dev/null).
      computed = now()
      phaseNames = ("index", "findings and render")
      let sink = open("/dev/null", O_WRONLY)
      guard sink >= 0 else { throw BenchError("cannot open /dev/null") }
      defer { close(sink) }
      var output = CSVStreamWriter(fileDescriptor: sink, name: "/dev/null")
      rows = try Report.writeCSV(Finding.self, to: &output) { reconciliation.forEachFinding($0) }
      try output.flush()
      byteCount = output.writtenByteCount
    default:
      throw BenchError("unknown query \(kind); use daily, daily-party, compare or findings")
    }
    let end = now()
    var measurement = BenchMeasurement(step: kind, input: label, jobs: 1, seconds: end - start)
    measurement.claims = claims.count
    measurement.rows = rows
    measurement.ledgerBytes = fileSize(ledgerPath) + fileSize(ledgerPath + "-wal")
    func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
    let phases =
      "open and load \(seconds(loaded - start)), \(phaseNames.0) \(seconds(computed - loaded)), "
      + "\(phaseNames.1) \(seconds(end - computed)) (\(String(format: "%.1f", Double(byteCount) / 1e6)) MB)"
    measurement.note = (party.map { "party \($0); " } ?? "") + phases
    return measurement
  }

  /// The party with the most claims.
  static func mostCommonParty(_ ledger: Ledger) throws -> String? {
    try ledger.partyCounts().max { $0.count < $1.count }?.party
  }

  /// CSV export: the rows of `claims.csv` as `tally report` renders them (one per sighting,
  /// through `ClaimRow.writeCSV` on the claim table with its quotes), streamed to `outPath`
  /// as they are made. The time covers opening the ledger (with its integrity check) and loading
  /// the claims, then sorting, rendering and writing the rows; the note splits it.
  public static func export(ledgerPath: String, label: String, outPath: String) throws -> BenchMeasurement {
    let start = now()
    let ledger = try Ledger.open(path: ledgerPath, access: .readOnly)
    let claims = try ledger.claimTable(details: true)
    let loaded = now()
    // tally report's claims.csv, streamed to the file in blocks as the rows are made.
    let descriptor = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw BenchError("cannot create \(outPath)") }
    defer { close(descriptor) }
    var output = CSVStreamWriter(fileDescriptor: descriptor, name: outPath)
    let rows = try ClaimRow.writeCSV(claims, to: &output)
    try output.flush()
    let end = now()
    var measurement = BenchMeasurement(step: "export", input: label, jobs: 1, seconds: end - start)
    measurement.claims = claims.count
    measurement.rows = rows
    measurement.note = String(
      format: "claims.csv: open and load %.2f s, sort, render and write %.2f s (%.1f MB)", loaded - start,
      end - loaded, Double(output.writtenByteCount) / 1e6)
    return measurement
  }
}

/// A benchmark that cannot go on.
public struct BenchError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) {
    self.description = description
  }
}
