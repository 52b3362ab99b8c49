import GRDB
import GRDBSQLite

#if canImport(Glibc)
import Glibc
#endif

/// A prepared GRDB statement driven through SQLite's C API: bind by index, step, read columns by
/// index, with no `StatementArguments`, `DatabaseValue` or `Row` built per row.
///
/// For the hot loops of ingest and of loading claims, where GRDB's per-row conveniences cost more
/// than the SQL itself. Strings are bound and read as GRDB does (up to the first NUL byte), so
/// what is stored and loaded is the same as through GRDB's own API. For example:
///
/// ```swift
/// let insert = try RawStatement(db, sql: "INSERT INTO t (a, b) VALUES (?, ?)")
/// insert.reset()
/// insert.bind(1, "text")
/// insert.bind(2, 42 as Int64?)
/// _ = try insert.step()
/// ```
struct RawStatement {
  /// The connection, for error messages.
  let connection: OpaquePointer
  /// The SQLite statement, owned by GRDB's statement cache of the connection.
  let handle: OpaquePointer
  /// The SQL, for errors.
  let sql: String

  /// The statement for `sql` from the connection's statement cache.
  init(_ db: Database, sql: String) throws {
    guard let connection = db.sqliteConnection else {
      throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the connection is closed", sql: sql)
    }
    self.connection = connection
    self.handle = try db.cachedStatement(sql: sql).sqliteStatement
    self.sql = sql
  }

  /// Resets the statement so that it can be bound and run again.
  func reset() {
    _ = sqlite3_reset(handle)
  }

  /// Binds a string, or NULL for nil, to the 1-based parameter `index`.
  func bind(_ index: Int32, _ value: String?) {
    guard let value else {
      _ = sqlite3_bind_null(handle, index)
      return
    }
    _ = value.withCString { sqlite3_bind_text(handle, index, $0, -1, RawStatement.transient) }
  }

  /// Binds an integer, or NULL for nil, to the 1-based parameter `index`.
  func bind(_ index: Int32, _ value: Int64?) {
    guard let value else {
      _ = sqlite3_bind_null(handle, index)
      return
    }
    _ = sqlite3_bind_int64(handle, index, value)
  }

  /// Runs one step.
  ///
  /// - Returns: true when a row is available, false when the statement is done.
  /// - Throws: `DatabaseError` with SQLite's code and message; the statement is then reset.
  func step() throws -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let message = String(cString: sqlite3_errmsg(connection))
      _ = sqlite3_reset(handle)
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
  }

  /// Runs the statement to its end, ignoring any rows.
  func run() throws {
    while try step() {}
  }

  /// Whether column `index` (0-based) of the current row is NULL.
  func isNull(_ index: Int32) -> Bool {
    sqlite3_column_type(handle, index) == SQLITE_NULL
  }

  /// The integer of column `index` (0-based) of the current row.
  func int64(_ index: Int32) -> Int64 {
    sqlite3_column_int64(handle, index)
  }

  /// The integer of column `index`, nil for NULL.
  func optionalInt64(_ index: Int32) -> Int64? {
    isNull(index) ? nil : sqlite3_column_int64(handle, index)
  }

  /// The text of column `index` as bytes up to its first NUL, valid until the next step or reset;
  /// nil for NULL.
  func text(_ index: Int32) -> UnsafeBufferPointer<UInt8>? {
    guard let pointer = sqlite3_column_text(handle, index) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, index))
    // As GRDB reads text (`String(cString:)`): up to the first NUL.
    let length = memchr(pointer, 0, count).map { UnsafeRawPointer($0) - UnsafeRawPointer(pointer) } ?? count
    return UnsafeBufferPointer(start: pointer, count: length)
  }

  /// The text of column `index` as a new string, nil for NULL.
  func string(_ index: Int32) -> String? {
    text(index).map { String(decoding: $0, as: UTF8.self) }
  }

  /// SQLite copies the bound bytes at once (`SQLITE_TRANSIENT`).
  nonisolated(unsafe) static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
