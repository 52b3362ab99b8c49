import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif
import TallyCSV
import TallyExtractor

extension Ledger {
  /// Imports an analyst's figures from a CSV file in the columns of `tally extract --format csv`
  /// (``Claim/columns``), all in one transaction.
  ///
  /// The file may also be a `claims.csv` of `tally report`: a 17th column `sightings` (its value is
  /// ignored, the sightings are counted again) and a row of HXL hashtags under the header (every
  /// cell starting with `#`, skipped).
  ///
  /// Every row is checked first: 16 fields (17 with `sightings`); `document` not empty and not the name of an ingested
  /// article; `category` and `qualifier` from their closed lists; `value` (required), `low`, `high`,
  /// `start` and `end` whole numbers within 64 bits; `published` a valid `YYYY-MM-DD` and `as_of`
  /// a valid `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `low` ≤ `high` and `start` ≤ `end`. A file with any
  /// bad row imports nothing and every bad row is reported. Good rows give one `import` document per
  /// distinct `document` value, a claim deduplicated like ingested ones, a sighting with the row's
  /// quote and offsets (empty offsets are 0), and an imported-figure row. Importing the same file
  /// again adds nothing. For example:
  ///
  /// ```swift
  /// let outcome = try ledger.importFigures(path: "manual.csv")
  /// print("imported \(outcome.figures) figures (\(outcome.newClaims) new claims)")
  /// ```
  ///
  /// The file is read in 64 KB blocks and refused before anything is stored when it is larger
  /// than `maxFileBytes` (`--max-file-mb`) or a field is longer than `maxFieldBytes`
  /// (`--max-field-kb`); a runaway quoted field therefore costs at most `maxFieldBytes` of memory.
  ///
  /// - Throws: ``ImportError`` for the file, ``LedgerError`` for the ledger.
  @discardableResult
  public func importFigures(
    path csvPath: String, maxFieldBytes: Int = 1 << 20, maxFileBytes: Int = 512 << 20
  ) throws -> ImportOutcome {
    let (records, sha256, byteCount) = try readImportFile(
      csvPath, maxFieldBytes: maxFieldBytes, maxFileBytes: maxFileBytes)
    let columns: [String]
    do {
      // The file `tally report` writes (claims.csv) has a last column `sightings`, recomputed here.
      columns = records.first?.fields == Ledger.reportColumns ? Ledger.reportColumns : Claim.columns
      try CSVHeader(expected: columns).validate(records.first)
    } catch {
      throw ImportError.malformed(path: csvPath, reason: error.description)
    }
    var body = records.dropFirst()
    // A row of HXL hashtags under the header (`tally report --hxl`) is not a figure.
    if let tags = body.first, !tags.fields.isEmpty, tags.fields.allSatisfy({ $0.hasPrefix("#") }) {
      body = body.dropFirst()
    }
    let (rows, bad) = ImportRow.parse(body, fieldCount: columns.count)
    if !bad.isEmpty { throw ImportError.badRows(path: csvPath, rows: bad) }

    let file = PathParts.name(of: csvPath)
    let absolute = URL(fileURLWithPath: csvPath).standardizedFileURL.path
    let now = Ledger.now()
    return try writing { db in
      // Documents first: a name taken by an ingested article is a bad row too.
      var documentIds: [String: Int64] = [:]
      var taken: [ImportError.BadRow] = []
      var newDocuments = 0
      for row in rows where documentIds[row.claim.document] == nil {
        let name = row.claim.document
        if let existing = try DocumentRecord.filter(DocumentRecord.Columns.name == name).fetchOne(db) {
          if existing.kind != "import" {
            for other in rows where other.claim.document == name {
              taken.append(
                .init(line: other.line, reason: "document `\(name)` is an ingested article; give imported figures a document name of their own"))
            }
            documentIds[name] = -1
            continue
          }
          documentIds[name] = existing.id
        } else {
          var document = DocumentRecord(
            id: nil, sha256: sha256, name: name, path: absolute, source: row.claim.source,
            url: nil, published: row.claim.published, title: nil, kind: "import", byteCount: Int64(byteCount),
            ingestedAt: now)
          try document.insert(db)
          documentIds[name] = document.id
          newDocuments += 1
        }
      }
      if !taken.isEmpty {
        throw ImportError.badRows(path: csvPath, rows: taken.sorted { $0.line < $1.line })
      }
      let insertFigure = try db.cachedStatement(
        sql: """
          INSERT INTO importedFigure (file, sha256, line, documentName, importedAt, claimId)
          VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
          """)
      var newClaims = 0
      var labels = LabelCache()
      for row in rows {
        guard let documentId = documentIds[row.claim.document] else { continue }
        let stored = try ClaimChunkWriter.store(row.claim, documentId: documentId, labels: &labels, in: db)
        if stored.created { newClaims += 1 }
        try insertFigure.execute(arguments: [file, sha256, row.line, row.claim.document, now, stored.id])
      }
      return ImportOutcome(figures: rows.count, newClaims: newClaims, newDocuments: newDocuments)
    }
  }
}

extension Ledger {
  /// The columns of `claims.csv` as `tally report` writes it: ``Claim/columns``, then `sightings`.
  public static let reportColumns = Claim.columns + ["sightings"]
}

/// One valid row of an import file.
struct ImportRow {
  var line: Int
  var claim: Claim

  /// Checks every record; returns the good rows, or every bad one with its reasons.
  static func parse(_ records: some Sequence<CSVRecord>, fieldCount: Int) -> ([ImportRow], [ImportError.BadRow]) {
    var rows: [ImportRow] = []
    var bad: [ImportError.BadRow] = []
    for record in records {
      switch parse(record, fieldCount: fieldCount) {
      case .success(let row): rows.append(row)
      case .failure(let problem): bad.append(problem)
      }
    }
    return (rows, bad)
  }

  static func parse(_ record: CSVRecord, fieldCount: Int) -> Result<ImportRow, ImportError.BadRow> {
    let f = record.fields
    guard f.count == fieldCount else {
      return .failure(.init(line: record.line, reason: "expected \(fieldCount) fields, found \(f.count)"))
    }
    var problems: [String] = []
    func text(_ i: Int) -> String? { f[i].isEmpty ? nil : f[i] }
    func whole(_ i: Int, required: Bool = false) -> Int64? {
      let name = Claim.columns[i]
      let s = f[i]
      if s.isEmpty {
        if required { problems.append("\(name) is empty; give the figure as a whole number") }
        return nil
      }
      guard s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
        problems.append("\(name) `\(s)` is not a whole number (digits only)")
        return nil
      }
      guard let n = Int64(s) else {
        problems.append("\(name) `\(s)` is larger than \(Int64.max)")
        return nil
      }
      return n
    }
    let document = f[0]
    if document.isEmpty { problems.append("document is empty; name the figures' document, e.g. manual") }
    let published = text(2)
    if let published, PartialDate(iso: published)?.isFullDate != true {
      problems.append("published `\(published)` is not a valid YYYY-MM-DD date")
    }
    let category = Category(rawValue: f[5])
    if category == nil {
      problems.append(
        "category `\(f[5])` is not one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let value = whole(7, required: true)
    let low = whole(8)
    let high = whole(9)
    let qualifier = Qualifier(rawValue: f[10])
    if qualifier == nil {
      problems.append(
        "qualifier `\(f[10])` is not one of \(Qualifier.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let asOf = text(11)
    if let asOf, PartialDate(iso: asOf) == nil {
      problems.append("as_of `\(asOf)` is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)")
    }
    let start = whole(14)
    let end = whole(15)
    if let low, let high, low > high { problems.append("low \(low) is greater than high \(high)") }
    if let start, let end, start > end { problems.append("start \(start) is after end \(end)") }
    guard problems.isEmpty, let category, let qualifier, let value else {
      return .failure(.init(line: record.line, reason: problems.joined(separator: "; ")))
    }
    let claim = Claim(
      document: document, source: text(1), published: published, claimant: text(3), party: text(4),
      category: category, subject: f[6], value: value, low: low, high: high, qualifier: qualifier, asOf: asOf,
      location: text(12), quote: f[13], start: Int(start ?? 0), end: Int(end ?? 0))
    return .success(ImportRow(line: record.line, claim: claim))
  }
}

extension ImportError.BadRow: Error {}

/// Reads and parses an import file in blocks, hashing its bytes on the way.
private func readImportFile(
  _ path: String, maxFieldBytes: Int, maxFileBytes: Int
) throws(ImportError) -> (records: [CSVRecord], sha256: String, byteCount: Int) {
  let fd = open(path, O_RDONLY | O_CLOEXEC)
  guard fd >= 0 else {
    let code = errno
    let reason = code == ENOENT ? "no such file" : code == EACCES ? "permission denied" : String(cString: strerror(code))
    throw .cannotRead(path: path, reason: reason)
  }
  defer { close(fd) }
  var info = stat()
  if fstat(fd, &info) == 0 {
    if (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotRead(path: path, reason: "it is a folder, not a CSV file") }
    if Int(info.st_size) > maxFileBytes { throw .tooLarge(path: path, limit: maxFileBytes) }
  }
  var reader = CSVReader(options: CSVReaderOptions(maxFieldBytes: maxFieldBytes, stripsFormulaGuard: true))
  var records: [CSVRecord] = []
  var hash = SHA256()
  var total = 0
  let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
  defer { block.deallocate() }
  do {
    while true {
      let n = read(fd, block.baseAddress, block.count)
      if n < 0 {
        if errno == EINTR { continue }
        throw ImportError.cannotRead(path: path, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      total += n
      if total > maxFileBytes { throw ImportError.tooLarge(path: path, limit: maxFileBytes) }
      let chunk = UnsafeRawBufferPointer(rebasing: block[..<n])
      hash.update(buffer: chunk)
      records += try reader.feed(chunk)
    }
    records += try reader.finish()
  } catch let error as ImportError {
    throw error
  } catch CSVError.fieldTooLarge(let line, let limit) {
    throw .fieldTooLarge(path: path, line: line, limit: limit)
  } catch {
    throw .malformed(path: path, reason: String(describing: error))
  }
  return (records, hash.hexDigest(), total)
}
