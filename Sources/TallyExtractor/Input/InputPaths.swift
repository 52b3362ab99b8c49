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
    var files: [InputFile] = []
    var errors: [DocumentError] = []
    let fm = FileManager.default
    for path in paths {
      if path == "-" {
        files.append(.standardInput)
        continue
      }
      var isFolder: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
        errors.append(.notFound(path: path))
        continue
      }
      if !isFolder.boolValue {
        files.append(.file(path))
        continue
      }
      guard let found = textFiles(below: path) else {
        errors.append(.unreadable(path: path, reason: "cannot list the folder"))
        continue
      }
      if found.isEmpty {
        errors.append(.noTextFiles(folder: path))
        continue
      }
      files.append(contentsOf: found.sorted().map(InputFile.file))
    }
    return (files, errors)
  }

  /// Every `*.txt` below `folder` that is not a folder itself (a link to a folder is one; a link
  /// to nothing is kept, so that reading it reports it rather than skipping it unseen), as
  /// `folder` joined with the path below it; nil when the folder cannot be listed.
  ///
  /// The walk reads directories with `readdir(3)` and does not follow links, as Foundation's
  /// `enumerator(atPath:)` walks, at a few hundred instructions a file instead of about 54,000
  /// (a 1 GB corpus is 330,000 files). Folders below that cannot be read are skipped, as there.
  static func textFiles(below folder: String) -> [String]? {
    guard let top = opendir(folder) else { return nil }
    var found: [String] = []
    // Folders still to read, by their path below `folder`; opened one at a time.
    var pending: [String] = []
    var dir: OpaquePointer? = top
    var prefix = ""
    while true {
      if let open = dir {
        var subfolders: [String] = []
        while let entry = readdir(open) {
          let (name, isText) = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> (String, Bool) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let length = bytes.firstIndex(of: 0) ?? bytes.count
            let isText = length >= 4 && bytes[length - 4] == 0x2E && bytes[length - 3] == 0x74
              && bytes[length - 2] == 0x78 && bytes[length - 1] == 0x74
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self), isText)
          }
          if name == "." || name == ".." { continue }
          let relative = prefix.isEmpty ? name : prefix + "/" + name
          var type = entry.pointee.d_type
          if type == UInt8(DT_UNKNOWN) {
            var st = stat()
            if lstat(joined(folder, relative), &st) == 0 {
              switch st.st_mode & S_IFMT {
              case S_IFDIR: type = UInt8(DT_DIR)
              case S_IFLNK: type = UInt8(DT_LNK)
              default: type = UInt8(DT_REG)
              }
            }
          }
          if type == UInt8(DT_DIR) {
            subfolders.append(relative)
            continue
          }
          guard isText else { continue }
          let full = joined(folder, relative)
          if type == UInt8(DT_LNK) {
            // A link to a folder is skipped; a link to a file or to nothing is kept.
            var st = stat()
            if stat(full, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { continue }
          }
          found.append(full)
        }
        closedir(open)
        pending.append(contentsOf: subfolders.reversed())
      }
      guard let next = pending.popLast() else { break }
      prefix = next
      dir = opendir(joined(folder, next))
    }
    return found
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
  private static func joined(_ folder: String, _ relative: String) -> String {
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
