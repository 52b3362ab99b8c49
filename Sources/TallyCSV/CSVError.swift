public import Foundation

/// Everything that can go wrong while reading or writing CSV.
///
/// Each case renders as one line that names the place (file, line) and says what to do.
/// For example:
///
/// ```swift
/// do {
///   _ = try CSVReader.records(atPath: "data.csv")
/// } catch {
///   print(error)  // data.csv line 7: unclosed quote; add the closing quote or remove the stray one
/// }
/// ```
///
/// Errors found while parsing a file are wrapped in ``inFile(path:error:)``; use ``line``,
/// ``path`` and ``unwrapped`` to look inside without matching on the wrapper.
public enum CSVError: Error, Equatable, Sendable {
  /// The input breaks the CSV syntax (RFC 4180, as libcsv checks it in strict mode).
  ///
  /// `line` is 1-based. `reason` is the one-line explanation, for example
  /// `stray quote in an unquoted field; put the whole field in quotes and double the quote`.
  case malformed(line: Int, reason: String)
  /// A field is longer than ``CSVReaderOptions/maxFieldBytes``; `line` is where its record starts.
  case fieldTooLarge(line: Int, limit: Int)
  /// A field is not valid UTF-8; `line` is where its record starts.
  case invalidUTF8(line: Int)
  /// A header record does not match the expected column names.
  case unexpectedHeader(line: Int, expected: [String], found: [String])
  /// A file could not be opened or read; `reason` comes from `strerror(errno)`.
  case cannotRead(path: String, reason: String)
  /// A file could not be created, written, synced or renamed; `reason` comes from `strerror(errno)`.
  case cannotWrite(path: String, reason: String)
  /// A parse error (``malformed(line:reason:)``, ``fieldTooLarge(line:limit:)``,
  /// ``invalidUTF8(line:)``, ``unexpectedHeader(line:expected:found:)``) found in the file at `path`.
  indirect case inFile(path: String, error: CSVError)
}

extension CSVError {
  /// The 1-based line the error points at, if it has one.
  ///
  /// For example, `CSVError.inFile(path: "a.csv", error: .invalidUTF8(line: 3)).line` is `3`.
  public var line: Int? {
    switch self {
    case .malformed(let line, _), .fieldTooLarge(let line, _), .invalidUTF8(let line),
      .unexpectedHeader(let line, _, _):
      line
    case .cannotRead, .cannotWrite:
      nil
    case .inFile(_, let error):
      error.line
    }
  }

  /// The file the error is about, if known.
  ///
  /// For example, `CSVError.cannotRead(path: "a.csv", reason: "No such file or directory").path`
  /// is `"a.csv"`.
  public var path: String? {
    switch self {
    case .cannotRead(let path, _), .cannotWrite(let path, _), .inFile(let path, _):
      path
    case .malformed, .fieldTooLarge, .invalidUTF8, .unexpectedHeader:
      nil
    }
  }

  /// The error without its ``inFile(path:error:)`` wrapper.
  ///
  /// For example, `CSVError.inFile(path: "a.csv", error: .invalidUTF8(line: 3)).unwrapped`
  /// is `.invalidUTF8(line: 3)`.
  public var unwrapped: CSVError {
    if case .inFile(_, let error) = self { return error.unwrapped }
    return self
  }

  /// The same error, attributed to the input named `path` (a file path or `standard input`).
  ///
  /// Use it when you feed a ``CSVReader`` yourself and want messages to name the source:
  ///
  /// ```swift
  /// catch let error as CSVError { throw error.located(in: "standard input") }
  /// ```
  ///
  /// Errors that already name a path are returned unchanged.
  public func located(in path: String) -> CSVError {
    switch self {
    case .cannotRead, .cannotWrite, .inFile:
      self
    case .malformed, .fieldTooLarge, .invalidUTF8, .unexpectedHeader:
      .inFile(path: path, error: self)
    }
  }
}

extension CSVError: CustomStringConvertible {
  /// One line a user can act on, naming the file and line when they are known.
  ///
  /// For example, `line 3: text is not valid UTF-8; save the file as UTF-8`.
  public var description: String {
    switch self {
    case .malformed(let line, let reason):
      "line \(line): \(reason)"
    case .fieldTooLarge(let line, let limit):
      "line \(line): a field is longer than \(limit) bytes; look for an unclosed quote, "
        + "or raise the field size limit"
    case .invalidUTF8(let line):
      "line \(line): text is not valid UTF-8; save the file as UTF-8"
    case .unexpectedHeader(let line, let expected, let found):
      found.isEmpty
        ? "line \(line): expected header `\(expected.joined(separator: ","))`, found no header "
          + "(the input is empty)"
        : "line \(line): expected header `\(expected.joined(separator: ","))`, "
          + "found `\(found.joined(separator: ","))`"
    case .cannotRead(let path, let reason):
      "cannot read \(path): \(reason)"
    case .cannotWrite(let path, let reason):
      "cannot write \(path): \(reason)"
    case .inFile(let path, let error):
      "\(path) \(error.description)"
    }
  }
}

extension CSVError: LocalizedError {
  /// The same text as ``description``, for code that shows `localizedDescription`.
  ///
  /// For example, `cannot write /proc/x/y.csv: No such file or directory`.
  public var errorDescription: String? { description }
}
