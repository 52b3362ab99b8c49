public import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// The SQLite ledger: every document ingested or imported, every claim, every sighting.
///
/// One ledger file may be used by several tally processes at once: it is in WAL mode, readers
/// never wait, and a writer waits for another writer up to the busy timeout (10 s by default).
/// Each document is stored in one transaction, so an interrupted run leaves every document
/// either whole or absent. For example:
///
/// ```swift
/// let ledger = try Ledger.open(path: LedgerLocation.resolve(db: nil, environment: [:]))
/// let outcome = try ledger.ingest(result, name: "report.txt", path: "articles/report.txt")
/// for claim in try ledger.claims(party: "Armenia", category: .killed) {
///   print(claim.value, claim.sightings.count)
/// }
/// ```
public final class Ledger: Sendable {
  /// The path the ledger was opened with.
  public let path: String
  /// How long a write waits for another process's write lock, in seconds.
  public let busyTimeout: TimeInterval
  let pool: DatabasePool
  /// The integrity check of ``LedgerAccess/readOnly``, or one that has passed.
  let integrity: PendingIntegrityCheck
  /// Whether this ledger's read-only connections created the `-wal` and `-shm` files, which
  /// only a connection that may write can remove again (see ``removeWALFilesIfUnused()``).
  private let createdWALFiles: Bool

  private init(
    path: String, busyTimeout: TimeInterval, pool: DatabasePool, integrity: PendingIntegrityCheck,
    createdWALFiles: Bool
  ) {
    self.path = path
    self.busyTimeout = busyTimeout
    self.pool = pool
    self.integrity = integrity
    self.createdWALFiles = createdWALFiles
  }

  deinit {
    guard createdWALFiles else { return }
    try? pool.close()
    removeWALFilesIfUnused()
  }

  /// Once a read-only ledger is closed: SQLite removes the `-wal` and `-shm` files when the last
  /// connection that may write closes, so a sound ledger gets one that reads its schema version
  /// and closes (it writes nothing: the WAL is empty). While another process has the ledger open, they stay,
  /// as they must. A damaged ledger is not opened for writing at all.
  private func removeWALFilesIfUnused() {
    guard (try? integrity.confirm()) != nil else { return }
    var configuration = Configuration()
    configuration.busyMode = .timeout(0)
    guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
    // A connection that has read nothing has not opened the WAL, and leaves it on close.
    _ = try? queue.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") }
    try? queue.close()
  }

  /// Opens the ledger at `path`, creating the file and its folder on first use, and brings its
  /// schema up to date.
  ///
  /// - Parameters:
  ///   - path: The ledger file, usually from ``LedgerLocation/resolve(db:environment:)``.
  ///   - busyTimeout: How long to wait for another process's write lock, in seconds.
  ///   - access: Reads and writes, or reads only, with the integrity check on another core
  ///     (see ``LedgerAccess``).
  /// - Throws: ``LedgerError``; the file is then left as it was.
  public static func open(
    path: String, busyTimeout: TimeInterval = 10, access: LedgerAccess = .readWrite
  ) throws(LedgerError) -> Ledger {
    try checkPath(path)
    // Read-only connections (this one, and all of a read-only ledger's) create the -wal and
    // -shm files when they are missing, but cannot remove them.
    let hadWALFile = FileManager.default.fileExists(atPath: path + "-wal")
    // Opening a pool writes (GRDB makes sure a WAL file exists), so a ledger from a newer tally
    // is refused through a read-only connection first, and stays byte for byte as it was.
    let existing = try refuseNewerLedger(path: path, busyTimeout: busyTimeout)
    // A damaged ledger is refused before anything is written: an ingest that happens not to
    // touch the damaged pages would otherwise succeed and spread the damage. Reading only, the
    // check runs while the ledger is read, through connections that write nothing (opening a
    // pool for writing writes, even when nothing else does: GRDB makes sure a WAL file exists).
    let integrity: PendingIntegrityCheck
    let readOnly = access == .readOnly && existing == .upToDate
    if readOnly {
      integrity = PendingIntegrityCheck(path: path, busyTimeout: busyTimeout, tables: claimTables)
    } else {
      if existing != .none { try quickCheck(path: path, busyTimeout: busyTimeout) }
      integrity = PendingIntegrityCheck()
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.label = "tally-ledger"
    configuration.readonly = readOnly
    configuration.prepareDatabase { db in
      // In WAL mode NORMAL keeps every committed transaction through a process crash (kill -9);
      // only a power cut may lose the last ones, never corrupt the file.
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      // The writer's page cache holds the b-trees an ingest updates at random (the claim key
      // index above all): with SQLite's 2 MB default, pages are spilled to the WAL mid-transaction
      // and read back, several times each. Readers scan in order and keep the default.
      if !db.configuration.readonly {
        try db.execute(sql: "PRAGMA cache_size = -\(Ledger.writerCacheKB)")
        // A checkpoint copies each page once however often the WAL holds it: checkpointing after
        // every 8192 pages rather than 1000 copies the pages an ingest updates again and again
        // (the indexes) once per many transactions instead of once per transaction.
        try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Ledger.checkpointPages)")
        // Each multi-row insert of ingest (ClaimChunkWriter) keeps a statement journal, the pages
        // it changes as they were, so that a failed CHECK can undo that statement alone. SQLite's
        // default keeps it in a temporary file: two write(2) calls per page, some 270,000 for the
        // 10 MB corpus. In memory it costs no system call; it only ever holds one statement's
        // pages, and the ledger's own crash safety (the WAL) does not depend on it.
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
      }
    }
    let pool = try openPool(path: path, configuration: configuration, busyTimeout: busyTimeout)
    let ledger = Ledger(
      path: path, busyTimeout: busyTimeout, pool: pool, integrity: integrity,
      createdWALFiles: readOnly && !hadWALFile)
    try ledger.migrate()
    return ledger
  }

  /// Opens the pool, waiting up to `busyTimeout` while another process holds the file locked.
  ///
  /// Opening a pool switches the file to WAL mode (`PRAGMA journal_mode = WAL`). While another
  /// process holds the write lock of a file not yet in WAL mode (it is creating the ledger, and
  /// switching it itself), SQLite fails that statement at once with `SQLITE_BUSY`, without
  /// calling its busy handler (the switch would have to upgrade a read lock to a write lock).
  /// Such an open is tried again, as the busy handler would, until the timeout has passed.
  private static func openPool(
    path: String, configuration: Configuration, busyTimeout: TimeInterval
  ) throws(LedgerError) -> DatabasePool {
    let deadline = Date().addingTimeInterval(busyTimeout)
    var pause: useconds_t = 1_000
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
        usleep(pause)
        pause = min(pause * 2, 50_000)
      } catch {
        throw LedgerError(error, path: path, busyTimeout: busyTimeout)
      }
    }
  }

  /// The page cache of the writing connection, in KB (SQLite allocates it as pages are used).
  ///
  /// 48 MB keeps an ingest under 150 MB of memory however large the corpus: with 64 MB the 1 GB
  /// bench corpus peaked at 159 MB (128 s), with 48 MB at 128 MB (142 s); at 100 MB the two
  /// took the same time (6.8-7.2 s against 8.2-8.5 s, within the machine's spread).
  static let writerCacheKB = 48 << 10
  /// The WAL size, in pages, past which a commit checkpoints (SQLite's default is 1000).
  static let checkpointPages = 8192

  /// Checks what can be checked before SQLite touches the file: the folder (created if missing),
  /// write access, and the SQLite header of an existing file.
  private static func checkPath(_ path: String) throws(LedgerError) {
    let fm = FileManager.default
    if path.hasSuffix("/") { throw .isFolder(path: path) }
    let folderPath = PathParts.folder(of: path)
    var isFolder: ObjCBool = false
    if !fm.fileExists(atPath: folderPath, isDirectory: &isFolder) {
      do {
        try fm.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
      } catch {
        throw .cannotCreateFolder(path: path, reason: Self.reason(creating: folderPath))
      }
    } else if !isFolder.boolValue {
      throw .cannotCreateFolder(path: path, reason: "\(folderPath) is a file")
    }
    if fm.fileExists(atPath: path, isDirectory: &isFolder) {
      if isFolder.boolValue { throw .isFolder(path: path) }
      if access(path, W_OK) != 0 { throw .readOnly(path: path) }
      // SQLite needs to create the -wal and -shm files beside the ledger.
      if access(folderPath, W_OK) != 0 { throw .readOnly(path: path) }
      guard let handle = FileHandle(forReadingAtPath: path) else { throw .readOnly(path: path) }
      defer { try? handle.close() }
      let header = (try? handle.read(upToCount: 16)) ?? Data()
      if !header.isEmpty && header != Data("SQLite format 3\0".utf8) { throw .notADatabase(path: path) }
    } else if access(folderPath, W_OK) != 0 {
      throw .readOnly(path: path)
    }
  }

  /// Why `folder` could not be created: the first ancestor that is a file, or `strerror`.
  private static func reason(creating folder: String) -> String {
    var ancestor = folder
    while ancestor != "." && ancestor != "/" {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder), !isFolder.boolValue {
        return "\(ancestor) is a file"
      }
      ancestor = PathParts.folder(of: ancestor)
    }
    if mkdir(folder, 0o755) != 0 { return String(cString: strerror(errno)) }
    return "unknown reason"
  }

  /// What ``refuseNewerLedger(path:busyTimeout:)`` found.
  private enum ExistingLedger {
    /// No file, or an empty one.
    case none
    /// Every migration of this build is applied.
    case upToDate
    /// Some migration of this build is not applied yet.
    case needsMigration
  }

  /// Throws ``LedgerError/newerLedger(path:unknownMigrations:)`` when an existing ledger has
  /// migrations this build does not know; reads only.
  private static func refuseNewerLedger(path: String, busyTimeout: TimeInterval) throws(LedgerError)
    -> ExistingLedger
  {
    guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 else {
      return .none
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      let (unknown, complete) = try queue.read(migrationState)
      try queue.close()
      if !unknown.isEmpty { throw LedgerError.newerLedger(path: path, unknownMigrations: unknown) }
      return complete ? .upToDate : .needsMigration
    } catch {
      throw LedgerError(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// The migrations a ledger has that this build does not know, and whether it has all of this
  /// build's, read in one snapshot.
  ///
  /// The first statement reads the schema table, so that SQLite brings the connection's copy of
  /// the schema up to that snapshot: when another process creates the ledger meanwhile, the copy
  /// loaded at connection time may lack `grdb_migrations` while the snapshot has it, and GRDB's
  /// look-up would then fail with `no such table` instead of seeing the table or its absence.
  private static func migrationState(_ db: Database) throws -> (unknown: [String], complete: Bool) {
    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
    let applied = try migrator.appliedIdentifiers(db)
    return (applied.subtracting(migrator.migrations).sorted(), try migrator.hasCompletedMigrations(db))
  }

  /// Refuses a ledger written by a newer tally, then applies the migrations it lacks.
  ///
  /// GRDB runs each migration in its own transaction but decides which to run before taking the
  /// lock, so two processes creating one ledger at once may both try the first migration; the
  /// loser's transaction rolls back, and it looks again and goes on from what the winner did.
  private func migrate() throws(LedgerError) {
    let migrator = Self.migrator
    var attempt = 0
    while true {
      do {
        let (unknown, complete) = try pool.read(Self.migrationState)
        if !unknown.isEmpty { throw LedgerError.newerLedger(path: path, unknownMigrations: unknown) }
        if complete { return }
        try migrator.migrate(pool)
        return
      } catch {
        let mapped = LedgerError(error, path: path, busyTimeout: busyTimeout)
        attempt += 1
        guard case .failed = mapped, attempt <= migrator.migrations.count + 1 else { throw mapped }
      }
    }
  }

  /// Runs `body` in one read, mapping SQLite errors to ``LedgerError``.
  ///
  /// With ``LedgerAccess/readOnly``, the result is returned only once the integrity check has
  /// passed, and a failed read throws the check's error when it found damage.
  func reading<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
    let result: T
    do {
      result = try pool.read(body)
    } catch {
      try integrity.confirm()
      throw LedgerError(error, path: path, busyTimeout: busyTimeout)
    }
    try integrity.confirm()
    return result
  }

  /// Runs `body` in one `BEGIN IMMEDIATE` transaction (the write lock is taken at once, so a
  /// concurrent writer makes it wait up to the busy timeout rather than fail midway), committed
  /// when `body` returns and rolled back when it throws.
  ///
  /// - Throws: SQLite errors as ``LedgerError``; other errors thrown by `body` as they are.
  func writing<T>(_ body: (Database) throws -> T) throws -> T {
    try integrity.confirm()
    do {
      return try pool.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw LedgerError.failed(path: path, reason: "the transaction gave no result") }
        return result
      }
    } catch let error as DatabaseError {
      throw LedgerError(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// The number of documents, articles and imports alike.
  public func documentCount() throws(LedgerError) -> Int {
    try reading { try DocumentRecord.fetchCount($0) }
  }

  /// The number of distinct claims.
  public func claimCount() throws(LedgerError) -> Int {
    try reading { try ClaimRecord.fetchCount($0) }
  }

  /// The number of sightings: (claim, document, offset) triples.
  public func sightingCount() throws(LedgerError) -> Int {
    try reading { try SightingRecord.fetchCount($0) }
  }

  /// The number of imported CSV rows.
  public func importedFigureCount() throws(LedgerError) -> Int {
    try reading { try ImportedFigureRecord.fetchCount($0) }
  }

  /// SQLite's `PRAGMA integrity_check`: `ok`, or the problems found, one per line.
  public func integrityCheck() throws(LedgerError) -> String {
    try reading { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
  }

  /// The current time as ISO-8601 UTC, to the second.
  static func now() -> String {
    Date().formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt))
  }
}

extension LedgerError {
  /// Maps an error thrown by GRDB or SQLite to the ledger error a user can act on.
  init(_ error: any Error, path: String, busyTimeout: TimeInterval) {
    if let error = error as? LedgerError {
      self = error
      return
    }
    guard let error = error as? DatabaseError else {
      self = .failed(path: path, reason: String(describing: error))
      return
    }
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked(path: path, seconds: busyTimeout)
    case .SQLITE_NOTADB: self = .notADatabase(path: path)
    case .SQLITE_CORRUPT: self = .corrupt(path: path, reason: error.message ?? "database disk image is malformed")
    case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly(path: path)
    case .SQLITE_CANTOPEN: self = .cannotOpen(path: path, reason: error.message ?? "unable to open database file")
    default: self = .failed(path: path, reason: error.message ?? "\(error.resultCode)")
    }
  }
}
