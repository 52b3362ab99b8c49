import GRDB

// The internal GRDB records, one per table. Public API speaks in ``LedgerClaim``, ``Sighting``
// and ``LedgerDocument``; these never leave the module.

/// A row of `document`.
struct DocumentRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "document"
  var id: Int64?
  var sha256: String
  var name: String
  var path: String?
  var source: String?
  var url: String?
  var published: String?
  var title: String?
  /// `article` or `import`.
  var kind: String
  var byteCount: Int64
  /// ISO-8601 UTC, e.g. `2026-11-21T09:30:00Z`.
  var ingestedAt: String

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let name = Column(CodingKeys.name)
    static let sha256 = Column(CodingKeys.sha256)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }
}

/// The `claim` table, for counting its rows (claims are read and written through
/// ``ClaimTable`` loading and ``ClaimChunkWriter``).
struct ClaimRecord: TableRecord {
  static let databaseTableName = "claim"
}

/// A row of `sighting`.
struct SightingRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "sighting"
  var id: Int64
  var claimId: Int64
  var documentId: Int64
  var quote: String
  var start: Int64
  var end: Int64

  enum Columns {
    static let claimId = Column(CodingKeys.claimId)
    static let documentId = Column(CodingKeys.documentId)
  }
}

/// A row of `importedFigure`: one CSV row of an analyst's import.
struct ImportedFigureRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "importedFigure"
  var id: Int64
  var file: String
  var sha256: String
  var line: Int64
  var documentName: String
  var importedAt: String
  var claimId: Int64

  enum Columns {
    static let claimId = Column(CodingKeys.claimId)
  }
}
