import TallyCSV
import Testing

@Suite("CSVWriter: exact bytes")
struct CSVWriterTests {
  @Test("plain text is written bare, special text is quoted by csv_write")
  func quoting() {
    let row: [CSVCell] = [
      "plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", "crlf\r\nhere", " lead", "trail ",
      "\ttabbed", "inner space", "Füzuli", "Понедельник",
    ]
    let bytes = CSVWriter.encode(rows: [row])
    #expect(
      bytes
        == utf8(
          "plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\",\"crlf\r\nhere\","
            + "\" lead\",\"trail \",'\ttabbed,inner space,Füzuli,Понедельник\r\n"))
  }

  @Test("a lone empty field is written as \"\" so that the line is not skipped")
  func loneEmptyField() {
    #expect(CSVWriter.encode(rows: [[.empty]]) == utf8("\"\"\r\n"))
    #expect(CSVWriter.encode(rows: [[""]]) == utf8("\"\"\r\n"))
    #expect(CSVWriter.encode(rows: [[.empty, .empty]]) == utf8(",\r\n"))
    #expect(CSVWriter.encode(rows: [["a", .empty, ""]]) == utf8("a,,\r\n"))
    #expect(CSVWriter.encode(rows: [[]]) == utf8("\r\n"))
  }

  @Test("integers are bare numerals, never guarded")
  func integers() {
    let row: [CSVCell] = [.integer(-14), "-14 killed", 0, 209, .integer(.min), .integer(.max)]
    #expect(
      CSVWriter.encode(rows: [row])
        == utf8("-14,'-14 killed,0,209,-9223372036854775808,9223372036854775807\r\n"))
  }

  @Test("line ending is configurable")
  func lineEnding() {
    let options = CSVWriterOptions(lineEnding: "\n")
    #expect(CSVWriter.encode(rows: [["a", 1], ["b", 2]], options: options) == utf8("a,1\nb,2\n"))
    #expect(CSVWriter.encode(rows: [["a", 1], ["b", 2]]) == utf8("a,1\r\nb,2\r\n"))
  }

  @Test("the byte order mark is written once, before the first row")
  func byteOrderMark() {
    var writer = CSVWriter(options: CSVWriterOptions(byteOrderMark: true))
    #expect(writer.takeBytes() == [])
    writer.writeHeader(["a"])
    #expect(writer.takeBytes() == [0xEF, 0xBB, 0xBF] + utf8("a\r\n"))
    writer.writeRow(["b"])
    #expect(writer.takeBytes() == utf8("b\r\n"))
    #expect(CSVWriter.encode(rows: [["x"]]).first == UInt8(ascii: "x"))
  }

  @Test("text starting with a byte order mark is quoted, so a reader does not drop it")
  func leadingByteOrderMarkInText() {
    #expect(CSVWriter.encode(rows: [["\u{FEFF}x", "y"]]) == utf8("\"\u{FEFF}x\",y\r\n"))
  }

  @Test("takeBytes returns what was encoded and empties the buffer")
  func takeBytes() {
    var writer = CSVWriter()
    writer.writeRow(["a", 1])
    #expect(writer.bufferedByteCount == 5)
    #expect(writer.takeBytes() == utf8("a,1\r\n"))
    #expect(writer.bufferedByteCount == 0)
    #expect(writer.takeBytes() == [])
    writer.writeHeader(["x,y", "z"])
    #expect(writer.takeBytes() == utf8("\"x,y\",z\r\n"))
  }

  @Test("cell conveniences")
  func cellConveniences() {
    let literal: CSVCell = "Ganja"
    let number: CSVCell = 3
    #expect(literal == .text("Ganja"))
    #expect(number == .integer(3))
    #expect(CSVCell.optional(String?.none) == .empty)
    #expect(CSVCell.optional("") == .empty)
    #expect(CSVCell.optional("x") == .text("x"))
    #expect(CSVCell.optional(Int64?.none) == .empty)
    #expect(CSVCell.optional(Int64(-5)) == .integer(-5))
    #expect(CSVCell.optional(Int?.some(7)) == .integer(7))
    #expect(CSVCell.optional(Int?.none) == .empty)
  }

  @Test("a large table is encoded row by row")
  func largeTable() {
    var writer = CSVWriter()
    for index in 0..<10_000 { writer.writeRow([.integer(Int64(index)), "row \(index)"]) }
    let bytes = writer.takeBytes()
    let expected = (0..<10_000).map { "\($0),row \($0)\r\n" }.joined()
    #expect(bytes == utf8(expected))
  }
}
