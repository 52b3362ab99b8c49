import Glibc
import TallyCSV
import Testing

@Suite("CSVReader: files")
struct CSVReaderFileTests {
  @Test("a missing file is a cannotRead error")
  func missing() {
    #expect(
      throws: CSVError.cannotRead(path: "/nonexistent/x.csv", reason: "No such file or directory")
    ) {
      try CSVReader.records(atPath: "/nonexistent/x.csv")
    }
  }

  @Test("a parse error in a file names the file and line")
  func errorInFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.file("data.csv")
    var file = try CSVFileWriter(path: path)
    for index in 0..<6 { try file.writeRow([.integer(Int64(index))]) }
    try file.finish()
    // Append an unclosed quoted field on line 7.
    let handle = try #require(fopen(path, "a"))
    fputs("\"open\n", handle)
    fclose(handle)
    let expected = CSVError.inFile(
      path: path,
      error: .malformed(
        line: 7, reason: "unclosed quote; add the closing quote or remove the stray one"))
    #expect(throws: expected) { try CSVReader.records(atPath: path) }
    #expect(
      expected.description
        == "\(path) line 7: unclosed quote; add the closing quote or remove the stray one")
    #expect(expected.line == 7)
    #expect(expected.path == path)
    #expect(
      expected.unwrapped
        == .malformed(
          line: 7, reason: "unclosed quote; add the closing quote or remove the stray one"))
  }

  @Test("a directory cannot be read as a file")
  func directory() {
    #expect(throws: CSVError.cannotRead(path: "/", reason: "Is a directory")) {
      try CSVReader.records(atPath: "/")
    }
  }
}
