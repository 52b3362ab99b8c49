import Foundation
import Testing

/// What `tally extract` reads, and what it does with paths and files it cannot use.
@Suite struct InputTests {
  static let header = ExtractOutputTests.header
  static let sentence = "Armenia has reported 209 military deaths.\n"
  /// The row `sentence` gives in a file named `name` with no metadata.
  static func row(_ name: String, offset: Int = 0) -> String {
    "\(name),,,Armenia,Armenia,killed,military,209,209,209,exact,,,209 military deaths,\(21 + offset),\(40 + offset)\r\n"
  }

  @Test func folderReadsEveryTextFileBelowItInSortedOrder() throws {
    let folder = try TempFolder()
    try folder.write("corpus/b.txt", Self.sentence)
    try folder.write("corpus/a.txt", Self.sentence)
    try folder.write("corpus/nested/c.txt", Self.sentence)
    try folder.write("corpus/notes.md", Self.sentence)
    try folder.write("corpus/a.txt.bak", Self.sentence)
    try folder.write("corpus/nested/data.csv", "a,b\n1,2\n")
    let result = try Tally.run(["extract", "corpus"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(result.stdout == Self.header + Self.row("a.txt") + Self.row("b.txt") + Self.row("c.txt"))
  }

  /// A bare file name with no extension and no folder (Foundation on Linux trapped on it when the
  /// reader looked for the folder's sources.csv).
  @Test func aBareFileNameInTheCurrentFolderIsRead() throws {
    let folder = try TempFolder()
    try folder.write("a", Self.sentence)
    let result = try Tally.run(["extract", "a"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(result.stdout == Self.header + Self.row("a"))
  }

  @Test func dashReadsStandardInput() throws {
    let result = try Tally.run(["extract", "--format", "json", "-"], stdin: Array(Self.sentence.utf8))
    #expect(result.exitCode == 0)
    let claims = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [[String: Any]])
    try #require(claims.count == 1)
    #expect(claims[0]["document"] as? String == "stdin")
    #expect(claims[0]["quote"] as? String == "209 military deaths")
    #expect(claims[0]["start"] as? Int == 21)
  }

  @Test func dashInCSVCarriesTheFormulaGuard() throws {
    let result = try Tally.run(["extract", "-"], stdin: Array(Self.sentence.utf8))
    #expect(result.exitCode == 0)
    #expect(result.stdout == Self.header + Self.row("stdin"))
  }

  @Test func missingPathIsReportedAndTheRestIsRead() throws {
    let folder = try TempFolder()
    try folder.write("a.txt", Self.sentence)
    let result = try Tally.run(["extract", "gone.txt", "a.txt"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(result.stderr == "error: gone.txt: no such file or folder; check the path\n")
    #expect(result.stdout == Self.header + Self.row("a.txt"))
  }

  @Test func folderWithoutTextFilesIsAnError() throws {
    let folder = try TempFolder()
    try folder.write("empty/notes.md", Self.sentence)
    let result = try Tally.run(["extract", "empty"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(result.stderr == "error: empty: folder holds no .txt files; tally reads articles saved as .txt\n")
  }

  @Test func binaryFileIsSkippedAndTheRestIsRead() throws {
    let folder = try TempFolder()
    try folder.write("a.txt", Self.sentence)
    try folder.write("blob.txt", bytes: Array("209 military deaths".utf8) + [0, 1, 2, 0])
    try folder.write("c.txt", Self.sentence)
    let result = try Tally.run(["extract", "a.txt", "blob.txt", "c.txt"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(
      result.stderr
        == "error: blob.txt: skipped: binary file (NUL byte at offset 19); tally reads plain-text articles\n")
    #expect(result.stdout == Self.header + Self.row("a.txt") + Self.row("c.txt"))
  }

  @Test func emptyFileGivesNoClaims() throws {
    let folder = try TempFolder()
    try folder.write("empty.txt", "")
    let result = try Tally.run(["extract", "empty.txt"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(result.stdout == Self.header)
  }

  @Test func invalidUTF8IsRepairedWithAWarning() throws {
    let folder = try TempFolder()
    let bytes = Array("The caf".utf8) + [0xE9] + Array(" was shut.\n\n".utf8) + Array(Self.sentence.utf8)
    try folder.write("latin1.txt", bytes: bytes)
    let result = try Tally.run(["extract", "latin1.txt"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "warning: latin1.txt: 1 invalid UTF-8 byte replaced with '?'\n")
    #expect(result.stdout == Self.header + Self.row("latin1.txt", offset: 20))
  }

  @Test func impossibleDateIsAUsageError() throws {
    let folder = try TempFolder()
    try folder.write("a.txt", Self.sentence)
    let result = try Tally.run(["extract", "--date", "2020-02-30", "a.txt"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("Error: --date 2020-02-30: not a date; use YYYY-MM-DD, e.g. 2020-10-04\nUsage: tally extract "))
  }

  @Test func unknownOptionIsAUsageError() throws {
    let folder = try TempFolder()
    try folder.write("a.txt", Self.sentence)
    let result = try Tally.run(["extract", "--bogus", "a.txt"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        Error: Unknown option '--bogus'. Did you mean '--jobs'?
        Usage: tally extract [--format <format>] [--source <source>] [--date <YYYY-MM-DD>] [--gazetteer <FILE> ...] [--jobs <N>] [--quiet] [--max-document-mb <MB>] [--max-line-kb <KB>] <paths> ...
          See 'tally extract --help' for more information.

        """)
  }
}
