import TallyCSV
import Testing

@Suite("CSVReader: streaming")
struct CSVReaderStreamingTests {
  static let tricky: [UInt8] =
    [0xEF, 0xBB, 0xBF]
    + utf8(
      "name,note\r\n\"multi\r\nline\",Füzuli\r\n\n  padded  ,\"  kept  \"\r\n\"\",\"say \"\"hi\"\"\"\r\n"
        + "Понедельник,'=x\rcr,only\n\n\n\"a,b\"\n\"\"\nlast,\"no newline\"")

  @Test("chunks of any size give the same records as one chunk", arguments: [1, 2, 3, 5, 7, 64])
  func chunkSizes(size: Int) throws {
    let whole = try CSVReader.records(in: Self.tricky)
    #expect(
      fields(whole) == [
        ["name", "note"], ["multi\r\nline", "Füzuli"], ["padded", "  kept  "], ["", "say \"hi\""],
        ["Понедельник", "'=x"], ["cr", "only"], ["a,b"], [""], ["last", "no newline"],
      ])
    #expect(lines(whole) == [1, 2, 5, 6, 7, 7, 10, 11, 12])
    #expect(try readInChunks(Self.tricky, size: size) == whole)
  }

  @Test("errors carry the same line whatever the chunk size", arguments: [1, 4, 1000])
  func chunkedErrors(size: Int) {
    #expect(throws: CSVError.malformed(line: 5, reason: CSVReaderErrorTests.strayQuote)) {
      try readInChunks(utf8("a\n\"b\n\nc\"\nd\"e\n"), size: size)
    }
    #expect(throws: CSVError.invalidUTF8(line: 2)) {
      try readInChunks(utf8("a\n\"b\n") + [0xE2, 0x82] + utf8("\"\n"), size: size)
    }
  }

  @Test("records come out as soon as they are complete")
  func incremental() throws {
    var reader = CSVReader()
    #expect(try reader.feed(utf8("a,")) == [])
    #expect(try reader.feed(utf8("b\nc")) == [CSVRecord(fields: ["a", "b"], line: 1)])
    #expect(try reader.feed(utf8(",\"d\n")) == [])
    #expect(try reader.feed(utf8("e\"\n")) == [CSVRecord(fields: ["c", "d\ne"], line: 2)])
    #expect(try reader.finish() == [])
  }

  @Test("raw buffers can be fed directly")
  func rawBuffer() throws {
    var reader = CSVReader()
    let bytes = utf8("x,y\n")
    let records = try bytes.withUnsafeBytes { buffer in try reader.feed(buffer) }
    #expect(records == [CSVRecord(fields: ["x", "y"], line: 1)])
  }
}
