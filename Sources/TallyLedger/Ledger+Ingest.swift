import Foundation
import GRDB
public import TallyExtractor

extension Ledger {
  /// The name a document is recorded under: its file name, or `stdin-` and the first 12 hex digits
  /// of its SHA-256 for standard input.
  ///
  /// For example, `Ledger.documentName(for: .file("a/b/report.txt"), sha256: "…")` is `report.txt`.
  public static func documentName(for input: InputFile, sha256: String) -> String {
    switch input {
    case .file: input.documentName
    case .standardInput: "stdin-" + sha256.prefix(12)
    }
  }

  /// Stores one document read from `input`, named by ``documentName(for:sha256:)`` and with its
  /// absolute path (none for standard input).
  ///
  /// - Throws: ``LedgerError``; the document is then not in the ledger (or as it was before).
  @discardableResult
  public func ingest(_ result: DocumentResult, from input: InputFile) throws(LedgerError) -> IngestOutcome {
    try ingest(result, name: Ledger.documentName(for: input, sha256: result.sha256), path: Ledger.absolutePath(of: input))
  }

  /// Stores one document and its claims, in one transaction: the document is wholly in the ledger
  /// or not at all.
  ///
  /// The name identifies the document. The same name with the same SHA-256 is ``IngestOutcome/unchanged``
  /// and nothing is written. The same name with another SHA-256 is ``IngestOutcome/updated(claims:)``:
  /// the document's metadata is updated, its sightings are replaced by the new ones, and claims left
  /// with no sighting and no imported figure are deleted. A claim the ledger already has (the same
  /// figure from another outlet) gains a sighting and is not counted as new. For example:
  ///
  /// ```swift
  /// let result = try reader.read(.file("a.txt"))
  /// try ledger.ingest(result, name: "a.txt", path: "/corpus/a.txt")  // .new(claims: 3)
  /// try ledger.ingest(result, name: "a.txt", path: "/corpus/a.txt")  // .unchanged
  /// ```
  ///
  /// - Throws: ``LedgerError``, after which the ledger is as it was.
  @discardableResult
  public func ingest(_ result: DocumentResult, name: String, path: String?) throws(LedgerError) -> IngestOutcome {
    // Most re-ingested documents are unchanged: find out without taking the write lock.
    let known = try reading { db in
      try String.fetchOne(db, sql: "SELECT sha256 FROM document WHERE name = ?", arguments: [name])
    }
    if known == result.sha256 { return .unchanged }
    let now = Ledger.now()
    do {
      return try ingestTransaction(result, name: name, path: path, now: now)
    } catch {
      throw LedgerError(error, path: self.path, busyTimeout: busyTimeout)
    }
  }

  private func ingestTransaction(_ result: DocumentResult, name: String, path: String?, now: String) throws
    -> IngestOutcome
  {
    try writing { db in
      var labels = LabelCache()
      return try Ledger.storeDocument(
        result, name: name, path: path, now: now, labels: &labels, in: db, ledgerPath: self.path)
    }
  }

  /// Stores several documents in one transaction, in order: each is wholly in the ledger or not
  /// at all, and a failure leaves none of them stored.
  ///
  /// Each document is handled as ``ingest(_:name:path:)`` handles it (new, unchanged or updated);
  /// a name given twice is stored, then updated. One transaction for many small documents is much
  /// faster than one each. For example:
  ///
  /// ```swift
  /// let outcomes = try ledger.ingest(batch: [(result, .file("a.txt")), (other, .file("b.txt"))])
  /// ```
  ///
  /// - Returns: The outcome of each document, in order.
  /// - Throws: ``LedgerError``, after which the ledger is as it was.
  public func ingest(batch: [(result: DocumentResult, input: InputFile)]) throws(LedgerError) -> [IngestOutcome] {
    guard !batch.isEmpty else { return [] }
    let now = Ledger.now()
    do {
      return try writing { db in
        var outcomes: [IngestOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var labels = LabelCache()
        var paths = AbsolutePaths()
        for (result, input) in batch {
          let name = Ledger.documentName(for: input, sha256: result.sha256)
          outcomes.append(
            try Ledger.storeDocument(
              result, name: name, path: paths.path(of: input), now: now, labels: &labels, in: db,
              ledgerPath: self.path))
        }
        return outcomes
      }
    } catch {
      throw LedgerError(error, path: self.path, busyTimeout: busyTimeout)
    }
  }

  /// The absolute path of a file, nil for standard input.
  static func absolutePath(of input: InputFile) -> String? {
    switch input {
    case .file(let path): URL(fileURLWithPath: path).standardizedFileURL.path
    case .standardInput: nil
    }
  }

  /// Stores one document inside the caller's transaction, whose label ids `labels` holds.
  static func storeDocument(
    _ result: DocumentResult, name: String, path: String?, now: String, labels: inout LabelCache, in db: Database,
    ledgerPath: String
  ) throws -> IngestOutcome {
    let find = try RawStatement(db, sql: "SELECT id, sha256 FROM document WHERE name = ?")
    find.reset()
    find.bind(1, name)
    let existing: (id: Int64, sha256: String)? = try find.step() ? (find.int64(0), find.string(1) ?? "") : nil
    find.reset()
    if let existing, existing.sha256 == result.sha256 { return .unchanged }
    let meta = result.metadata
    var document = DocumentRecord(
      id: existing?.id, sha256: result.sha256, name: name, path: path, source: meta.source, url: meta.url,
      published: meta.published, title: meta.title, kind: "article", byteCount: Int64(result.byteCount),
      ingestedAt: now)
    var previous: [Int64] = []
    if let id = existing?.id {
      previous = try Int64.fetchAll(
        db, sql: "SELECT DISTINCT claimId FROM sighting WHERE documentId = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM sighting WHERE documentId = ?", arguments: [id])
      try document.update(db)
    } else {
      document.id = try insert(document, in: db)
    }
    guard let documentId = document.id else { throw LedgerError.failed(path: ledgerPath, reason: "no document id") }
    let created = try ClaimChunkWriter.store(result.claims, documentId: documentId, labels: &labels, in: db)
    try Ledger.deleteOrphans(previous, in: db)
    return existing == nil ? .new(claims: created) : .updated(claims: created)
  }

  /// Inserts a new document row, as `DocumentRecord.insert` does, and returns its id.
  static func insert(_ document: DocumentRecord, in db: Database) throws -> Int64 {
    let insert = try RawStatement(
      db,
      sql: """
        INSERT INTO document (sha256, name, path, source, url, published, title, kind, byteCount, ingestedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    insert.reset()
    insert.bind(1, document.sha256)
    insert.bind(2, document.name)
    insert.bind(3, document.path)
    insert.bind(4, document.source)
    insert.bind(5, document.url)
    insert.bind(6, document.published)
    insert.bind(7, document.title)
    insert.bind(8, document.kind)
    insert.bind(9, document.byteCount)
    insert.bind(10, document.ingestedAt)
    try insert.run()
    return db.lastInsertedRowID
  }

  /// Deletes those of `claimIds` that no sighting and no imported figure refer to any more.
  static func deleteOrphans(_ claimIds: [Int64], in db: Database) throws {
    guard !claimIds.isEmpty else { return }
    let delete = try db.cachedStatement(
      sql: """
        DELETE FROM claim WHERE id = ?1
          AND NOT EXISTS (SELECT 1 FROM sighting WHERE claimId = ?1)
          AND NOT EXISTS (SELECT 1 FROM importedFigure WHERE claimId = ?1)
        """)
    for id in claimIds { try delete.execute(arguments: [id]) }
  }
}
