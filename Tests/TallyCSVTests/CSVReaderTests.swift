import TallyCSV
import Testing

@Suite("CSVReader: records and line numbers")
struct CSVReaderTests {
  @Test("CRLF and LF records, quoted fields, trimmed blanks")
  func basics() throws {
    let records = try read("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\n  c , d \nÜ,Понедельник")
    #expect(
      fields(records) == [["a", "b"], ["x,y", "say \"hi\""], ["c", "d"], ["Ü", "Понедельник"]])
    #expect(lines(records) == [1, 2, 3, 4])
  }

  @Test("empty and blank lines are skipped, line numbers still count them")
  func emptyLines() throws {
    let records = try read("\n\na\n\r\n   \n\"\"\n,\nb")
    #expect(fields(records) == [["a"], [""], ["", ""], ["b"]])
    #expect(lines(records) == [3, 6, 7, 8])
  }

  @Test("a record after a field with line breaks starts on the right line")
  func multilineFields() throws {
    let records = try read("a,\"b\nc\"\nd\n\"x\r\n\ny\",z\n\n\nw\n")
    #expect(fields(records) == [["a", "b\nc"], ["d"], ["x\r\n\ny", "z"], ["w"]])
    #expect(lines(records) == [1, 3, 4, 9])
  }

  @Test("old Mac CR line ends end records but do not count as lines")
  func carriageReturns() throws {
    let records = try read("a\rb\r\nc")
    #expect(fields(records) == [["a"], ["b"], ["c"]])
    #expect(lines(records) == [1, 1, 2])
  }

  @Test("no input, or only a byte order mark, gives no records")
  func emptyInput() throws {
    #expect(try read("") == [])
    #expect(try CSVReader.records(in: [0xEF, 0xBB, 0xBF]) == [])
  }

  @Test("a byte order mark is skipped at the start only, unless disabled")
  func byteOrderMark() throws {
    let input: [UInt8] = [0xEF, 0xBB, 0xBF] + utf8("a,b\n\u{FEFF}c\n")
    #expect(fields(try CSVReader.records(in: input)) == [["a", "b"], ["\u{FEFF}c"]])
    let kept = try CSVReader.records(
      in: input, options: CSVReaderOptions(skipsByteOrderMark: false))
    #expect(fields(kept) == [["\u{FEFF}a", "b"], ["\u{FEFF}c"]])
  }

  @Test("a partial byte order mark is ordinary input")
  func partialByteOrderMark() throws {
    #expect(throws: CSVError.invalidUTF8(line: 1)) {
      try CSVReader.records(in: [0xEF, 0xBB, 0x41, 0x0A])
    }
    #expect(throws: CSVError.invalidUTF8(line: 1)) {
      try readInChunks([0xEF, 0xBB], size: 1)
    }
  }

  @Test("the formula guard is stripped only when asked")
  func stripsFormulaGuard() throws {
    let input = "'=x,''hello,'a,',''\n'-14 killed,'\tx,\"'\r\",'@,'+1\n"
    let stripped = try read(input, options: CSVReaderOptions(stripsFormulaGuard: true))
    #expect(
      fields(stripped) == [
        ["=x", "'hello", "'a", "'", "'"], ["-14 killed", "\tx", "\r", "@", "+1"],
      ])
    let kept = try read(input)
    #expect(
      fields(kept) == [
        ["'=x", "''hello", "'a", "'", "''"], ["'-14 killed", "'\tx", "'\r", "'@", "'+1"],
      ])
  }

  @Test("a reader starts over at line 1 after finish")
  func reuse() throws {
    var reader = CSVReader()
    #expect(
      try reader.feed(utf8("a\nb\n")) == [
        CSVRecord(fields: ["a"], line: 1), CSVRecord(fields: ["b"], line: 2),
      ])
    #expect(try reader.finish() == [])
    #expect(try reader.feed(utf8("c")) == [])
    #expect(try reader.finish() == [CSVRecord(fields: ["c"], line: 1)])
  }
}
