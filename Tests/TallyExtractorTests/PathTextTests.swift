import Foundation
import Testing

@testable import TallyExtractor

/// `PathText` splits paths in place of `NSString`; it must agree with it on every path.
@Suite struct PathTextTests {
  static let paths = [
    "a.txt", "data/a.txt", "/a.txt", "/srv/news/2020/a.txt", "./a.txt", "../x/a.txt", "data/articles/",
    "data//a.txt", "/", "", "dir/sub dir/é ü.txt", "~/a.txt", "a/./b.txt", "a/../b.txt", "//a.txt",
  ]

  @Test(arguments: paths)
  func lastComponentAgreesWithFoundation(_ path: String) {
    #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent)
  }

  @Test(arguments: paths)
  func folderAgreesWithFoundation(_ path: String) {
    #expect(PathText.folder(path) == (path as NSString).deletingLastPathComponent)
  }

  /// Foundation on Linux traps on `("a" as NSString).deletingLastPathComponent`; PathText does not.
  @Test func aBareNameHasNoFolder() {
    #expect(PathText.folder("a") == "")
    #expect(PathText.lastComponent("a") == "a")
  }

  @Test func documentNameIsTheFileName() {
    #expect(InputFile.file("/srv/news/2020-10-04 report.txt").documentName == "2020-10-04 report.txt")
    #expect(InputFile.standardInput.documentName == "stdin")
  }
}

/// `InputWalk` walks folders with `readdir`, one subfolder at a time; it must find what
/// Foundation's enumerator finds, in the order of the sorted full paths.
@Suite struct TextFilesWalkTests {
  /// The files the walk before `readdir` found: Foundation's enumerator, filtered as it was.
  static func foundationWalk(_ path: String) -> [String] {
    let fm = FileManager.default
    guard let walker = fm.enumerator(atPath: path) else { return [] }
    var found: [String] = []
    while let relative = walker.nextObject() as? String {
      if relative.hasSuffix(".txt") {
        let full = (path as NSString).appendingPathComponent(relative)
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: full, isDirectory: &isDir) || !isDir.boolValue { found.append(full) }
      }
    }
    return found.sorted()
  }

  @Test func findsWhatFoundationFinds() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tally-walk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    defer { try? FileManager.default.removeItem(at: root) }
    let fm = FileManager.default
    let dirs = [
      "corpus", "corpus/nested", "corpus/nested/deeper", "corpus/.hidden", "corpus/folder.txt", "corpus/é ü", "elsewhere", "empty/sub",
      // Where a folder's files come among its neighbours' depends on the slash after its name.
      "corpus/a", "corpus/a.b", "corpus/a-b", "corpus/A", "corpus/ab", "corpus/a b",
    ]
    for d in dirs { try fm.createDirectory(at: root.appendingPathComponent(d), withIntermediateDirectories: true) }
    let files = [
      "corpus/a.txt", "corpus/b.TXT", "corpus/c.txt.bak", "corpus/.d.txt", "corpus/nested/e.txt",
      "corpus/nested/deeper/f.txt", "corpus/.hidden/g.txt", "corpus/folder.txt/h.txt", "corpus/é ü/ï.txt",
      "corpus/notes.md", "elsewhere/linked.txt", "corpus/.txt",
      "corpus/a/b.txt", "corpus/a/z.txt", "corpus/a.b/c.txt", "corpus/a-b/c.txt", "corpus/A/c.txt", "corpus/ab/c.txt",
      "corpus/a b/c.txt", "corpus/a.txt", "corpus/a0.txt", "corpus/a~.txt", "corpus/é.txt", "corpus/e.txt", "corpus/z.txt",
    ]
    for f in files { try Data("x\n".utf8).write(to: root.appendingPathComponent(f)) }
    #expect(symlink("/nonexistent/gone.txt", root.appendingPathComponent("corpus/dangling.txt").path) == 0)
    #expect(symlink(root.appendingPathComponent("elsewhere").path, root.appendingPathComponent("corpus/dirlink.txt").path) == 0)
    #expect(symlink(root.appendingPathComponent("elsewhere").path, root.appendingPathComponent("corpus/dirlink").path) == 0)
    #expect(symlink(root.appendingPathComponent("elsewhere/linked.txt").path, root.appendingPathComponent("corpus/filelink.txt").path) == 0)
    for folder in [root.appendingPathComponent("corpus").path, root.appendingPathComponent("corpus").path + "/"] {
      var walk = InputWalk([folder])
      var walked: [String] = []
      while let file = walk.next() {
        guard case .file(let path) = file else { continue }
        walked.append(path)
      }
      #expect(walk.errors.isEmpty)
      // The same files, in the same order: the walk never sorts the whole list.
      #expect(walked == Self.foundationWalk(folder))
      #expect(walked.contains { $0.hasSuffix("corpus/dangling.txt") })
      #expect(!walked.contains { $0.hasSuffix("dirlink.txt") })
      // Taken a few at a time, the files come in the same order.
      var chunked = InputWalk([folder])
      var inChunks: [InputFile] = []
      while case let files = chunked.next(upTo: 3), !files.isEmpty { inChunks += files }
      #expect(inChunks == walked.map(InputFile.file))
    }
    #expect(InputWalk.list(root.appendingPathComponent("missing").path, "") == nil)
    // Paths that cannot be used are kept as errors, in order, and the walk goes on.
    let missing = root.appendingPathComponent("missing").path
    let empty = root.appendingPathComponent("empty").path
    let notes = root.appendingPathComponent("corpus/notes.md").path
    var walk = InputWalk([missing, notes, empty, "-", root.appendingPathComponent("elsewhere").path])
    #expect(walk.next() == .file(notes))
    #expect(walk.next() == .standardInput)
    #expect(walk.next() == .file(root.appendingPathComponent("elsewhere/linked.txt").path))
    #expect(walk.next() == nil)
    #expect(walk.errors == [.notFound(path: missing), .noTextFiles(folder: empty)])
  }
}
