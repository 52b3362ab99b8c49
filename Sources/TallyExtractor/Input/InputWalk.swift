import Foundation

/// The files named by command-line paths, in the order of ``InputPaths/expand(_:)``, found as
/// they are wanted: a folder is listed one subfolder at a time, so that memory holds the entries
/// of the folders on the way down, not the path of every file of a corpus (326,055 paths of a
/// 1 GB corpus took some 50 MB).
///
/// Within a folder, entries are taken in the order of their names, a subfolder's name with a
/// trailing `/`, which is the order of the sorted full paths: `a.b/c.txt` comes before `a/b.txt`
/// (`.` sorts before `/`), and `a.txt` before `a/b.txt`. Paths that cannot be used are kept in
/// ``errors``, in order. For example:
///
/// ```swift
/// var walk = InputWalk(["data/articles", "extra.txt", "-"])
/// while let file = walk.next() { print(file.documentName) }
/// print(walk.errors)  // say, [.notFound(path: "extra.txt")]
/// ```
public struct InputWalk: IteratorProtocol, Sequence {
  /// The paths that could not be used so far, in order.
  public private(set) var errors: [DocumentError] = []
  /// The command-line paths not yet started.
  private var paths: ArraySlice<String>
  /// The folder argument being walked, if any, and whether a file was found below it.
  private var folder: (path: String, found: Bool)?
  /// The folders being listed, outermost first, each with its entries still to take, last first.
  private var stack: [(prefix: String, entries: [Entry])] = []

  /// One entry of a listed folder.
  struct Entry {
    var name: String
    var isFolder: Bool
    /// What the entry sorts by: its name, and a slash after a folder's, where its files' full
    /// paths continue.
    var key: String

    init(name: String, isFolder: Bool) {
      self.name = name
      self.isFolder = isFolder
      self.key = isFolder ? name + "/" : name
    }
  }

  /// A walk of `paths`: each file stands for itself, each folder for every `*.txt` below it,
  /// and `-` for standard input.
  public init(_ paths: [String]) {
    self.paths = paths[...]
  }

  /// The next file, or nil when every path has been walked.
  public mutating func next() -> InputFile? {
    while true {
      if var top = stack.popLast() {
        guard let entry = top.entries.popLast() else { continue }
        let prefix = top.prefix
        stack.append(top)
        guard let root = folder?.path else { continue }
        let relative = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
        if entry.isFolder {
          // A subfolder that cannot be opened is passed over, as `readdir` walks always did.
          if let entries = Self.list(root, relative) { stack.append((relative, entries)) }
          continue
        }
        folder?.found = true
        return .file(InputPaths.joined(root, relative))
      }
      if let finished = folder {
        if !finished.found { errors.append(.noTextFiles(folder: finished.path)) }
        folder = nil
      }
      guard let path = paths.popFirst() else { return nil }
      if path == "-" { return .standardInput }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        errors.append(.notFound(path: path))
        continue
      }
      if !isFolder.boolValue { return .file(path) }
      guard let entries = Self.list(path, "") else {
        errors.append(.unreadable(path: path, reason: "cannot list the folder"))
        continue
      }
      folder = (path, false)
      stack = [("", entries)]
    }
  }

  /// Up to `count` next files, in order; empty when the walk is over.
  public mutating func next(upTo count: Int) -> [InputFile] {
    var files: [InputFile] = []
    while files.count < count, let file = next() { files.append(file) }
    return files
  }

  /// The subfolders and `*.txt` files of `root/relative`, last in order first; nil when it
  /// cannot be opened. A link to a folder is left out; a link to a file or to nothing is a file.
  static func list(_ root: String, _ relative: String) -> [Entry]? {
    let path = relative.isEmpty ? root : InputPaths.joined(root, relative)
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var entries: [Entry] = []
    while let entry = readdir(dir) {
      let (name, isText) = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> (String, Bool) in
        let bytes = raw.bindMemory(to: UInt8.self)
        let length = bytes.firstIndex(of: 0) ?? bytes.count
        let isText = length >= 4 && bytes[length - 4] == 0x2E && bytes[length - 3] == 0x74
          && bytes[length - 2] == 0x78 && bytes[length - 1] == 0x74
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self), isText)
      }
      if name == "." || name == ".." { continue }
      var type = entry.pointee.d_type
      if type == UInt8(DT_UNKNOWN) {
        var st = stat()
        if lstat(InputPaths.joined(path, name), &st) == 0 {
          switch st.st_mode & S_IFMT {
          case S_IFDIR: type = UInt8(DT_DIR)
          case S_IFLNK: type = UInt8(DT_LNK)
          default: type = UInt8(DT_REG)
          }
        }
      }
      if type == UInt8(DT_DIR) {
        entries.append(Entry(name: name, isFolder: true))
        continue
      }
      guard isText else { continue }
      if type == UInt8(DT_LNK) {
        var st = stat()
        if stat(InputPaths.joined(path, name), &st) == 0, st.st_mode & S_IFMT == S_IFDIR { continue }
      }
      entries.append(Entry(name: name, isFolder: false))
    }
    // Descending, so that the first in order is taken from the end.
    entries.sort { $0.key > $1.key }
    return entries
  }
}
