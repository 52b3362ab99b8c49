import Foundation

/// One input named on the command line: a file, or standard input.
public enum InputFile: Sendable, Hashable {
  /// A file at a path.
  case file(String)
  /// Standard input (`-`).
  case standardInput

  /// The name recorded in each claim's `document`: the file name without folders, or `stdin`.
  public var documentName: String {
    switch self {
    case .file(let path): PathText.lastComponent(path)
    case .standardInput: "stdin"
    }
  }
}

/// Expands command-line paths into the files to read.
public enum InputPaths {
  /// Expands each path: a file stands for itself, a folder for every `*.txt` below it in sorted
  /// order, and `-` for standard input. Paths that cannot be used are returned as errors, in order,
  /// so the caller can report them and go on with the rest.
  ///
  /// ```swift
  /// let (files, errors) = InputPaths.expand(["data/articles", "extra.txt", "-"])
  /// ```
  public static func expand(_ paths: [String]) -> (files: [InputFile], errors: [DocumentError]) {
    var walk = InputWalk(paths)
    var files: [InputFile] = []
    while let file = walk.next() { files.append(file) }
    return (files, walk.errors)
  }

  /// Whether `path` holds `//` as Foundation's `contains("//")` finds it: its bytes are looked
  /// at first (about 3,000 instructions less a path), Foundation only when they hold two slashes
  /// in a row.
  private static func mayHoldDoubleSlash(_ path: String) -> Bool {
    var bytes = path
    let twoSlashes = bytes.withUTF8 { b in
      b.count >= 2 && (1..<b.count).contains { b[$0] == 0x2F && b[$0 - 1] == 0x2F }
    }
    return twoSlashes && path.contains("//")
  }

  /// `folder` and a relative path joined as `NSString.appendingPathComponent` joins them.
  static func joined(_ folder: String, _ relative: String) -> String {
    if folder.isEmpty { return relative }
    if !mayHoldDoubleSlash(folder) && !mayHoldDoubleSlash(relative) {
      return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
    return (folder as NSString).appendingPathComponent(relative)
  }
}

/// `NSString`'s path splitting for the plain paths tally reads, without bridging every path
/// through Foundation (about 35,000 instructions a file); other paths go through `NSString`.
enum PathText {
  /// The byte offset of the last `/` of a plain path, `-1` when it has none, or `nil` when the
  /// path is not plain (empty, ends with `/`, or holds `//`).
  private static func lastSlash(_ path: String) -> Int?? {
    var path = path
    return path.withUTF8 { bytes -> Int?? in
      guard let last = bytes.last, last != 0x2F else { return .some(nil) }
      var found = -1
      for i in 0..<bytes.count where bytes[i] == 0x2F {
        if i > 0 && bytes[i - 1] == 0x2F { return .some(nil) }
        found = i
      }
      return .some(found)
    }
  }

  /// The file name of a path: `data/a.txt` -> `a.txt`; like `NSString.lastPathComponent`.
  static func lastComponent(_ path: String) -> String {
    guard let slash = lastSlash(path), let slash else { return (path as NSString).lastPathComponent }
    if slash < 0 { return path }
    return String(decoding: path.utf8.dropFirst(slash + 1), as: UTF8.self)
  }

  /// The folder of a path: `data/a.txt` -> `data`, `a.txt` -> ``, `/a.txt` -> `/`; like
  /// `NSString.deletingLastPathComponent`.
  static func folder(_ path: String) -> String {
    guard let slash = lastSlash(path), let slash else { return (path as NSString).deletingLastPathComponent }
    if slash < 0 { return "" }
    if slash == 0 { return "/" }
    return String(decoding: path.utf8.prefix(slash), as: UTF8.self)
  }
}
