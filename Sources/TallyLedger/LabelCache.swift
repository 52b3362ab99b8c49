import GRDB

/// The ids of the texts in `label` that one write transaction has looked up or added.
///
/// A label is never changed nor deleted, so an id found stays right for the whole transaction;
/// an id added is right until the transaction rolls back, with the cache, which lives no longer
/// than the transaction. Texts are told apart by their bytes as SQLite stores them (up to the
/// first NUL), through a ``StringTable`` (Swift's `==` would take `é` and `e` + U+0301 for one
/// text). For example:
///
/// ```swift
/// var labels = LabelCache()
/// let party = try labels.id(of: "Armenia", in: db)  // added, or found
/// ```
struct LabelCache {
  private var texts = StringTable()
  /// The label id of each string of ``texts``, -1 while unknown.
  private var ids: [Int64] = []

  /// The id of `text` in `label`, added when the ledger has no such label; nil for nil.
  mutating func id(of text: String?, in db: Database) throws -> Int64? {
    guard var text else { return nil }
    let index = text.withUTF8 { utf8 in
      // SQLite stores a bound text up to its first NUL.
      let stored = utf8.firstIndex(of: 0).map { UnsafeBufferPointer(rebasing: utf8[..<$0]) } ?? utf8
      return Int(texts.id(stored))
    }
    if index == ids.count { ids.append(-1) }
    if ids[index] >= 0 { return ids[index] }
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
    ids[index] = id
    return id
  }
}
