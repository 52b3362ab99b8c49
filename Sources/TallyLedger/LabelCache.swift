import GRDB

/// The ids of the texts in `label` that one write transaction has looked up or added.
///
/// A label is never changed nor deleted, so an id found stays right for the whole transaction;
/// an id added is right until the transaction rolls back, with the cache, which lives no longer
/// than the transaction. Texts are compared byte for byte, as SQLite compares them (Swift's `==`
/// would take `é` and `e` + U+0301 for one text). For example:
///
/// ```swift
/// var labels = LabelCache()
/// let party = try labels.id(of: "Armenia", in: db)  // added, or found
/// ```
struct LabelCache {
  /// A text compared and hashed by its UTF-8 bytes.
  private struct Bytes: Hashable {
    let text: String

    static func == (a: Bytes, b: Bytes) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  private var ids: [Bytes: Int64] = [:]

  /// The id of `text` in `label`, added when the ledger has no such label; nil for nil.
  mutating func id(of text: String?, in db: Database) throws -> Int64? {
    guard let text else { return nil }
    if let id = ids[Bytes(text: text)] { return id }
    let find = try RawStatement(db, sql: "SELECT id FROM label WHERE text = ?")
    find.reset()
    find.bind(1, text)
    let found = try find.step() ? find.int64(0) : nil
    find.reset()
    let id: Int64
    if let found {
      id = found
    } else {
      let insert = try RawStatement(db, sql: "INSERT INTO label (text) VALUES (?)")
      insert.reset()
      insert.bind(1, text)
      try insert.run()
      id = db.lastInsertedRowID
    }
    ids[Bytes(text: text)] = id
    return id
  }
}
