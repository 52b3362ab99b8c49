import ArgumentParser
import Foundation
import TallyCSV
import TallyExtractor
import TallyLedger
import TallyReporter

/// What every reading command sets up the same way: the vocabulary, the reader, the overrides.
enum Setup {
  /// The corpus reader of `extract`, `ingest` and `eval`; `hashes` is off where no SHA-256 is used.
  static func corpus(gazetteers: [String], source: String?, date: String?, hashes: Bool = true) throws -> CorpusReader {
    var vocabulary = try Vocabulary.standard()
    for path in gazetteers {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("--gazetteer \(path): cannot read the file; check the path")
      }
      vocabulary = try vocabulary.adding(gazetteerCSV: Array(data), named: path)
    }
    try validate(date: date)
    var reader = DocumentReader(extractor: Extractor(vocabulary: vocabulary))
    reader.computesHash = hashes
    return CorpusReader(reader: reader, overrides: DocumentMetadata(source: source, published: date))
  }
}

extension Setup {
  /// Checks a `--date` value before anything runs, so the usage line is the subcommand's.
  static func validate(date: String?) throws {
    if let date, PartialDate(iso: date)?.isFullDate != true {
      throw ValidationError(DocumentError.badDate(value: date).description)
    }
  }

  /// Checks a `--jobs` value: 1 or more.
  static func validate(jobs: Int?) throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs): give 1 or more documents at once") }
  }
}

/// Streams claims to standard output in one format.
struct ClaimOutput: ~Copyable {
  let format: OutputFormat
  private var csv: CSVStreamWriter
  private var count = 0
  private var headerWritten = false
  private var table = TextTable(header: Claim.textColumns)

  init(format: OutputFormat) {
    self.format = format
    self.csv = CSVStreamWriter()
  }

  mutating func write(_ claims: [Claim]) throws {
    switch format {
    case .csv:
      try writeHeaderOnce()
      for claim in claims { try csv.writeRow(claim.csvCells) }
      try csv.flush()
    case .json:
      var out = ""
      for claim in claims {
        out += (count == 0 && out.isEmpty ? "[\n  " : ",\n  ") + claim.json
      }
      if !out.isEmpty { FileHandle.standardOutput.write(Data(out.utf8)) }
    case .text:
      table.rows.append(contentsOf: claims.map(\.textRow))
    }
    count += claims.count
  }

  private mutating func writeHeaderOnce() throws {
    if !headerWritten {
      try csv.writeHeader(Claim.columns)
      headerWritten = true
    }
  }

  mutating func finish() throws {
    switch format {
    case .csv:
      try writeHeaderOnce()
      try csv.flush()
    case .json:
      FileHandle.standardOutput.write(Data((count == 0 ? "[]\n" : "\n]\n").utf8))
    case .text:
      FileHandle.standardOutput.write(Data((table.rendered() + "\(count) claim\(count == 1 ? "" : "s")\n").utf8))
    }
  }
}

extension Setup {
  /// Opens the ledger for reading and reconciles every claim in it; with `details`, the claims
  /// carry their quotes and end offsets (for `claims.csv`), which the other reports do not show.
  ///
  /// A ledger that does not exist yet is an input error, not an empty ledger created as a side effect.
  /// SQLite's integrity check runs on another core while the claims load; they are returned
  /// only once it has passed.
  static func reconciliation(db: String?, details: Bool = false) throws -> Reconciliation {
    let path = LedgerLocation.resolve(db: db, environment: ProcessInfo.processInfo.environment)
    guard FileManager.default.fileExists(atPath: path) else {
      throw ValidationError("\(path): no ledger there yet; run `tally ingest` first or pass another ledger with --db")
    }
    let ledger = try Ledger.open(path: path, access: .readOnly)
    return Reconciliation(table: try ledger.claimTable(details: details))
  }

  /// Writes a rendered report to standard output.
  static func write(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
  }
}

extension OutputFormat {
  /// The same format for the report renderers.
  var report: ReportFormat {
    switch self {
    case .csv: .csv
    case .json: .json
    case .text: .text
    }
  }
}
