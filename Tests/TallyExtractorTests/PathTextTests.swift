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
