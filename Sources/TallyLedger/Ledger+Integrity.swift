import Dispatch
import Foundation
import GRDB
import Synchronization

/// How ``Ledger/open(path:busyTimeout:access:)`` opens a ledger.
///
/// Either way a damaged ledger is refused, with ``LedgerError/corrupt(path:reason:)``, before any
/// result is returned from it or anything is written into it: SQLite's `quick_check` reads every
/// page it checks once (about 1.3 s for the whole of a ledger of 10^6 imported claims, 0.6 s for
/// its claims alone). For example, a command that only reads:
///
/// ```swift
/// let ledger = try Ledger.open(path: "data/ledger.sqlite", access: .readOnly)
/// let table = try ledger.claimTable()  // loaded while the check runs; returned once it passed
/// ```
public enum LedgerAccess: Sendable, Hashable {
  /// Reads and writes; the integrity check runs before the ledger is opened. The default.
  case readWrite
  /// Reads only: nothing is written into the file (a write fails with
  /// ``LedgerError/readOnly(path:)``), and the integrity check runs on another core while the
  /// ledger is read. Every read waits for the check before it returns, and throws the check's
  /// error, rather than its own, when the check found damage. A ledger whose schema needs a
  /// migration is checked first, then migrated and opened for reading and writing.
  ///
  /// The check covers the tables claims are read from, ``Ledger/claimTables`` and their indexes,
  /// not the provenance of imported figures, which only ``readWrite`` checks (a read of damaged
  /// pages there still fails, with SQLite's own error).
  case readOnly
}

/// A `quick_check` of a ledger file, run once, on its own read-only connection.
final class PendingIntegrityCheck: Sendable {
  private let finished = DispatchGroup()
  private let outcome = Mutex<LedgerError?>(nil)

  /// A check that has already passed.
  init() {}

  /// Starts checking `tables` of `path` (all of it when nil) on a background queue.
  init(path: String, busyTimeout: TimeInterval, tables: [String]?) {
    finished.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      var problem: LedgerError?
      do throws(LedgerError) {
        try Ledger.quickCheck(path: path, busyTimeout: busyTimeout, tables: tables)
      } catch {
        problem = error
      }
      outcome.withLock { $0 = problem }
      finished.leave()
    }
  }

  /// Waits for the check; throws what it found.
  func confirm() throws(LedgerError) {
    finished.wait()
    if let problem = outcome.withLock({ $0 }) { throw problem }
  }
}

extension Ledger {
  /// The tables every claim and its sightings are read from, which a ``LedgerAccess/readOnly``
  /// ledger checks.
  public static let claimTables = ["document", "claim", "sighting"]

  /// Runs `PRAGMA quick_check` on a read-only connection of its own, over the whole file or over
  /// `tables` and their indexes only.
  ///
  /// - Throws: ``LedgerError/corrupt(path:reason:)`` with SQLite's first problem, on one line.
  static func quickCheck(path: String, busyTimeout: TimeInterval, tables: [String]? = nil) throws(LedgerError) {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      // quick_check reads every page it checks once (about 0.1 s for 10 MB), in one snapshot.
      let problems = try queue.read { db in
        guard let tables else { return try String.fetchAll(db, sql: "PRAGMA quick_check(1)") }
        for table in tables {
          let found = try String.fetchAll(db, sql: "PRAGMA quick_check(\(table.quotedDatabaseIdentifier))")
          if found != ["ok"] { return found }
        }
        return ["ok"]
      }
      try queue.close()
      if problems != ["ok"] {
        // SQLite's report spans lines (`*** in database main ***`, then the problem): keep one line.
        let lines = problems.joined(separator: "\n").split(separator: "\n").map(String.init)
        let detail = lines.first { !$0.hasPrefix("***") } ?? "quick_check gave no result"
        throw LedgerError.corrupt(path: path, reason: "integrity check: " + detail)
      }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
      // A page so damaged that the check cannot go on fails the statement rather than being reported.
      throw LedgerError.corrupt(path: path, reason: "integrity check: " + (error.message ?? "the file is malformed"))
    } catch {
      throw LedgerError(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// Waits for the integrity check of ``LedgerAccess/readOnly`` (returns at once for the default);
  /// throws ``LedgerError/corrupt(path:reason:)`` when it found damage.
  public func confirmIntegrity() throws(LedgerError) {
    try integrity.confirm()
  }
}
