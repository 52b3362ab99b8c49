import Glibc
import TallyCSV
import Testing

@Suite("CSVFileWriter and CSVStreamWriter")
struct CSVFileWriterTests {
  @Test("finish writes the whole file and leaves no temporary file")
  func finish() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanup() }
    var file = try CSVFileWriter(
      path: folder.file("out.csv"), options: CSVWriterOptions(byteOrderMark: true))
    #expect(file.temporaryPath == folder.file("out.csv.tmp-\(getpid())"))
    try file.writeHeader(["party", "killed"])
    try file.writeRow(["Armenia", 209])
    try file.writeRow(["=cmd", .integer(-14)])
    #expect(try folder.contents() == ["out.csv.tmp-\(getpid())"])
    try file.finish()
    #expect(try folder.contents() == ["out.csv"])
    #expect(
      try folder.bytes(of: "out.csv") == [0xEF, 0xBB, 0xBF]
        + utf8("party,killed\r\nArmenia,209\r\n'=cmd,-14\r\n"))
  }

  @Test("a file larger than the 64 KB block is written in full")
  func largeFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanup() }
    var file = try CSVFileWriter(path: folder.file("big.csv"))
    var rows: [[CSVCell]] = []
    for index in 0..<20_000 {
      let row: [CSVCell] = [.integer(Int64(index)), "name \(index)", "a,b"]
      rows.append(row)
      try file.writeRow(row)
    }
    try file.finish()
    let bytes = try folder.bytes(of: "big.csv")
    #expect(bytes.count > 1 << 16)
    #expect(bytes == CSVWriter.encode(rows: rows))
    let records = try CSVReader.records(atPath: folder.file("big.csv"))
    #expect(records.count == 20_000)
    #expect(records.last == CSVRecord(fields: ["19999", "name 19999", "a,b"], line: 20_000))
  }

  @Test("an abandoned or cancelled write leaves the old file and no temporary file")
  func abandoned() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.file("kept.csv")
    var first = try CSVFileWriter(path: path)
    try first.writeRow(["old"])
    try first.finish()
    do {
      var file = try CSVFileWriter(path: path)
      try file.writeRow(["new"])
      #expect(try folder.contents() == ["kept.csv", "kept.csv.tmp-\(getpid())"])
    }
    #expect(try folder.contents() == ["kept.csv"])
    var cancelled = try CSVFileWriter(path: path)
    try cancelled.writeRow(["new"])
    cancelled.cancel()
    #expect(try folder.contents() == ["kept.csv"])
    #expect(try folder.bytes(of: "kept.csv") == utf8("old\r\n"))
  }

  @Test("finish replaces an existing file")
  func replaces() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.file("r.csv")
    for text in ["one", "two"] {
      var file = try CSVFileWriter(path: path, options: CSVWriterOptions(lineEnding: "\n"))
      try file.writeRow([.text(text)])
      try file.finish()
    }
    #expect(try folder.bytes(of: "r.csv") == utf8("two\n"))
  }

  @Test("an unwritable folder is a cannotWrite error naming the path")
  func unwritable() throws {
    #expect(
      throws: CSVError.cannotWrite(path: "/proc/x/y.csv", reason: "No such file or directory")
    ) {
      _ = try CSVFileWriter(path: "/proc/x/y.csv")
    }
    let folder = try TemporaryFolder()
    defer { folder.cleanup() }
    let plain = try CSVFileWriter(path: folder.file("plain"))
    try plain.finish()
    let underFile = folder.file("plain/y.csv")
    #expect(throws: CSVError.cannotWrite(path: underFile, reason: "Not a directory")) {
      _ = try CSVFileWriter(path: underFile)
    }
    #expect(
      CSVError.cannotWrite(path: "/proc/x/y.csv", reason: "No such file or directory").description
        == "cannot write /proc/x/y.csv: No such file or directory")
  }

  @Test("the stream writer writes to a descriptor in blocks and on flush")
  func streamWriter() throws {
    let folder = try TemporaryFolder()
    defer { folder.cleanup() }
    let descriptor = open(folder.file("stream.csv"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var output = CSVStreamWriter(fileDescriptor: descriptor, name: "stream.csv")
    try output.writeHeader(["n", "text"])
    #expect(try folder.bytes(of: "stream.csv") == [])
    var rows: [[CSVCell]] = [["n", "text"]]
    for index in 0..<10_000 {
      let row: [CSVCell] = [.integer(Int64(index)), "line\n\(index)"]
      rows.append(row)
      try output.writeRow(row)
    }
    let beforeFlush = try folder.bytes(of: "stream.csv").count
    #expect(beforeFlush >= 1 << 16)
    try output.flush()
    #expect(try folder.bytes(of: "stream.csv") == CSVWriter.encode(rows: rows))
  }

  @Test("the stream writer reports a failed write with its name")
  func streamWriterError() {
    var output = CSVStreamWriter(fileDescriptor: -1)
    #expect(throws: Never.self) { try output.writeRow(["buffered"]) }
    #expect(throws: CSVError.cannotWrite(path: "standard output", reason: "Bad file descriptor")) {
      try output.flush()
    }
  }
}
