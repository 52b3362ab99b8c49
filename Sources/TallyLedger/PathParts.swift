/// Path arithmetic without `NSString`, whose `deletingLastPathComponent` traps on some inputs
/// (`"l/"`) in swift-corelibs-foundation.
enum PathParts {
  /// The folder that holds `path`: `.` for a bare name, `/` for a file at the root.
  ///
  /// For example, `folder(of: "data/ledger.sqlite")` is `data`, `folder(of: "l/")` is `.`.
  static func folder(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    if slash == trimmed.startIndex { return "/" }
    var folder = trimmed[..<slash]
    while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
    return String(folder)
  }

  /// The last component of `path`, e.g. `name(of: "a/b/figures.csv")` is `figures.csv`.
  static func name(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
    return String(trimmed[trimmed.index(after: slash)...])
  }
}
