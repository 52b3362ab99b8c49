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

/// `InputPaths.textFiles(below:)` walks folders with `readdir`; it must find what Foundation's
/// enumerator finds.
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
    let dirs = ["corpus", "corpus/nested", "corpus/nested/deeper", "corpus/.hidden", "corpus/folder.txt", "corpus/é ü", "elsewhere"]
    for d in dirs { try fm.createDirectory(at: root.appendingPathComponent(d), withIntermediateDirectories: true) }
    let files = [
      "corpus/a.txt", "corpus/b.TXT", "corpus/c.txt.bak", "corpus/.d.txt", "corpus/nested/e.txt",
      "corpus/nested/deeper/f.txt", "corpus/.hidden/g.txt", "corpus/folder.txt/h.txt", "corpus/é ü/ï.txt",
      "corpus/notes.md", "elsewhere/linked.txt", "corpus/.txt",
    ]
    for f in files { try Data("x\n".utf8).write(to: root.appendingPathComponent(f)) }
    #expect(symlink("/nonexistent/gone.txt", root.appendingPathComponent("corpus/dangling.txt").path) == 0)
    #expect(symlink(root.appendingPathComponent("elsewhere").path, root.appendingPathComponent("corpus/dirlink.txt").path) == 0)
    #expect(symlink(root.appendingPathComponent("elsewhere").path, root.appendingPathComponent("corpus/dirlink").path) == 0)
    #expect(symlink(root.appendingPathComponent("elsewhere/linked.txt").path, root.appendingPathComponent("corpus/filelink.txt").path) == 0)
    for folder in [root.appendingPathComponent("corpus").path, root.appendingPathComponent("corpus").path + "/"] {
      let walked = try #require(InputPaths.textFiles(below: folder))
      #expect(walked.sorted() == Self.foundationWalk(folder))
      #expect(walked.contains { $0.hasSuffix("corpus/dangling.txt") })
      #expect(!walked.contains { $0.hasSuffix("dirlink.txt") })
    }
    #expect(InputPaths.textFiles(below: root.appendingPathComponent("missing").path) == nil)
  }
}
