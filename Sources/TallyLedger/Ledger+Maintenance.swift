import GRDB

// Internal hooks for tests (through `@testable import`) and for maintenance; not public API.
extension Ledger {
  /// Runs SQL statements as they are, in one write.
  func execute(sql: String) throws(LedgerError) {
    try integrity.confirm()
    do {
      try pool.write { db in try db.execute(sql: sql) }
    } catch {
      throw LedgerError(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// The first column of every row of a query, as text.
  func strings(sql: String) throws(LedgerError) -> [String] {
    try reading { db in try String.fetchAll(db, sql: sql) }
  }

  /// Runs `body` while this connection holds an exclusive write transaction, as another tally
  /// process in the middle of an ingest would.
  @discardableResult
  func holdingWriteLock<T>(_ body: () throws -> T) throws -> T {
    try pool.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN EXCLUSIVE")
      defer { try? db.execute(sql: "ROLLBACK") }
      return try body()
    }
  }
}

extension Ledger {
  /// Creates a ledger file whose schema stops at migration `identifier`, as an earlier tally left
  /// it, and runs `sql` in it outside any transaction (so that it may `ATTACH` another ledger):
  /// for tests of the upgrade to the current schema.
  static func createLedger(path: String, migratedUpTo identifier: String, sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try migrator.migrate(queue, upTo: identifier)
    try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    try queue.close()
  }
}
