/// Where the ledger lives when a command does not say.
///
/// For example:
///
/// ```swift
/// LedgerLocation.resolve(db: nil, environment: ["TALLY_DB": "/tmp/war.sqlite"])  // "/tmp/war.sqlite"
/// LedgerLocation.resolve(db: "x.sqlite", environment: ["TALLY_DB": "/tmp/war.sqlite"])  // "x.sqlite"
/// LedgerLocation.resolve(db: nil, environment: [:])  // "data/ledger.sqlite"
/// ```
public enum LedgerLocation {
  /// The ledger used when neither `--db` nor `TALLY_DB` names one, relative to the working folder.
  public static let defaultPath = "data/ledger.sqlite"

  /// The ledger path: `db` (the `--db` option) wins, then a non-empty `TALLY_DB`, then ``defaultPath``.
  public static func resolve(db: String?, environment: [String: String]) -> String {
    if let db, !db.isEmpty { return db }
    if let fromEnvironment = environment["TALLY_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
    return defaultPath
  }
}
