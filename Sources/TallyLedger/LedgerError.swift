public import Foundation

/// Why a ledger cannot be opened or written. Each message is one line that names the ledger's
/// path and says what to do; whatever the error, the ledger file is left as it was.
///
/// For example:
///
/// ```swift
/// do {
///   _ = try Ledger.open(path: "notes.txt")
/// } catch {
///   print(error)  // notes.txt: file is not a database; move it away or pass another ledger with --db
/// }
/// ```
public enum LedgerError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
  /// The ledger's folder does not exist and cannot be created.
  case cannotCreateFolder(path: String, reason: String)
  /// The path names a folder, not a file.
  case isFolder(path: String)
  /// The ledger file or its folder cannot be written.
  case readOnly(path: String)
  /// The file exists but is not an SQLite database.
  case notADatabase(path: String)
  /// The SQLite file is damaged.
  case corrupt(path: String, reason: String)
  /// The ledger was written by a newer tally: it has migrations this build does not know.
  case newerLedger(path: String, unknownMigrations: [String])
  /// Another process held the ledger's write lock for longer than the busy timeout.
  case locked(path: String, seconds: Double)
  /// SQLite cannot open or create the file (a path it cannot write to, a special file system).
  case cannotOpen(path: String, reason: String)
  /// Any other SQLite failure (disk full, I/O error).
  case failed(path: String, reason: String)

  /// The ledger path the error is about.
  public var path: String {
    switch self {
    case .cannotCreateFolder(let path, _), .isFolder(let path), .readOnly(let path), .notADatabase(let path),
      .corrupt(let path, _), .newerLedger(let path, _), .locked(let path, _), .cannotOpen(let path, _), .failed(let path, _):
      path
    }
  }

  public var description: String {
    switch self {
    case .cannotCreateFolder(let path, let reason):
      "\(path): cannot create the ledger's folder (\(reason)); create it or pass another ledger with --db"
    case .isFolder(let path):
      "\(path): is a folder, not a ledger file; pass a file path such as "
        + "\(path.hasSuffix("/") ? path : path + "/")ledger.sqlite with --db"
    case .readOnly(let path):
      "\(path): the ledger or its folder is read-only; make both writable or pass another ledger with --db"
    case .notADatabase(let path):
      "\(path): file is not a database; move it away or pass another ledger with --db"
    case .corrupt(let path, let reason):
      "\(path): the ledger is damaged (\(reason)); restore it from a backup or pass another ledger with --db"
    case .newerLedger(let path, let unknown):
      "\(path): written by a newer tally (unknown migration\(unknown.count == 1 ? "" : "s") "
        + "\(unknown.joined(separator: ", "))); upgrade tally to use this ledger"
    case .locked(let path, let seconds):
      "\(path): locked by another process for more than \(Self.format(seconds)) s; "
        + "wait for it to finish and run again"
    case .cannotOpen(let path, let reason):
      "\(path): cannot open or create the ledger (\(reason)); check the path and its permissions, or pass another with --db"
    case .failed(let path, let reason):
      "\(path): SQLite error: \(reason); check the disk and the file, then run again"
    }
  }

  public var errorDescription: String? { description }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
