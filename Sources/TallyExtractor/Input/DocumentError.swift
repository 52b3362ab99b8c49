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
    }
  }

  public var errorDescription: String? { description }
}
