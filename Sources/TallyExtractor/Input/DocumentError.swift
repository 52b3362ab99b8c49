public import Foundation

/// A document or path that cannot be read. Each message names the path and says what to do.
public enum DocumentError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
  /// The path does not exist.
  case notFound(path: String)
  /// A folder holds no `.txt` file.
  case noTextFiles(folder: String)
  /// The file cannot be opened or read.
  case unreadable(path: String, reason: String)
  /// The file holds NUL bytes: it is binary, not text.
  case binary(path: String, offset: Int)
  /// The front matter is malformed.
  case badFrontMatter(path: String, reason: String)
  /// A `sources.csv` beside the files is malformed.
  case badSourcesFile(path: String, reason: String)
  /// A `--date` value that is not a date.
  case badDate(value: String)
  /// The document is larger than the limit in bytes (`--max-document-mb`).
  case tooLarge(path: String, limit: Int)
  /// A line is longer than the limit in bytes (`--max-line-kb`).
  case lineTooLong(path: String, line: Int, limit: Int)
  /// The file grew, shrank or was rewritten while it was read.
  case changedWhileRead(path: String)

  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file or folder; check the path"
    case .noTextFiles(let folder): "\(folder): folder holds no .txt files; tally reads articles saved as .txt"
    case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
    case .binary(let path, let offset):
      "\(path): skipped: binary file (NUL byte at offset \(offset)); tally reads plain-text articles"
    case .badFrontMatter(let path, let reason): "\(path): \(reason)"
    case .badSourcesFile(let path, let reason): "\(path): \(reason); expected columns file,source,url,published"
    case .badDate(let value): "--date \(value): not a date; use YYYY-MM-DD, e.g. 2020-10-04"
    case .tooLarge(let path, let limit):
      "\(path): skipped: larger than \(Self.size(limit)); raise the limit with --max-document-mb"
    case .lineTooLong(let path, let line, let limit):
      "\(path): skipped: line \(line) is longer than \(Self.size(limit)); raise the limit with --max-line-kb"
    case .changedWhileRead(let path):
      "\(path): skipped: the file changed while it was read; run again once it is complete"
    }
  }

  /// `512 MB`, `64 KB`, or `100 bytes` when the limit is not a whole number of either.
  static func size(_ bytes: Int) -> String {
    if bytes > 0 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
    if bytes > 0 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
    return "\(bytes) byte\(bytes == 1 ? "" : "s")"
  }

  public var errorDescription: String? { description }
}
