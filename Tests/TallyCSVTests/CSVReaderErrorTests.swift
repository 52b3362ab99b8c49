import TallyCSV
import Testing

@Suite("CSVReader: strict errors")
struct CSVReaderErrorTests {
  static let unclosed = "unclosed quote; add the closing quote or remove the stray one"
  static let strayQuote =
    "stray quote in an unquoted field; quote the whole field and double the quote (\"a\"\"b\")"
  static let textAfterQuote =
    "text after the closing quote of a quoted field; double quotes inside a quoted field (\"a\"\"b\")"
  static let quoteAfterQuote =
    "a quote after the closing quote of a quoted field; double quotes inside a quoted field (\"a\"\"b\")"

  @Test("an unclosed quote at the end of the input names the line where its record starts")
  func unclosedQuote() {
    #expect(throws: CSVError.malformed(line: 2, reason: Self.unclosed)) {
      try read("a,b\nc,\"unclosed\nmore\n")
    }
    #expect(throws: CSVError.malformed(line: 1, reason: Self.unclosed)) { try read("\"") }
  }

  @Test("libcsv strict mode rejects a quote inside an unquoted field")
  func strayQuote() {
    #expect(throws: CSVError.malformed(line: 3, reason: Self.strayQuote)) {
      try read("a,b\nc,d\nx,a\"b\n")
    }
  }

  @Test("libcsv strict mode rejects text, or a second quote, after a closing quote")
  func textAfterClosingQuote() {
    #expect(throws: CSVError.malformed(line: 1, reason: Self.textAfterQuote)) {
      try read("\"a\"b,c\n")
    }
    #expect(throws: CSVError.malformed(line: 2, reason: Self.quoteAfterQuote)) {
      try read("ok\n\"a\" \"b\"\n")
    }
  }

  @Test("an error after a field with a line break names the right line")
  func errorAfterMultilineField() {
    #expect(throws: CSVError.malformed(line: 3, reason: Self.strayQuote)) {
      try read("\"multi\nline\",x\nok,a\"b\n")
    }
    // The stray quote is on the line where the multi-line field ends, not where it starts.
    #expect(throws: CSVError.malformed(line: 3, reason: Self.strayQuote)) {
      try read("h\n\"multi\nline\",x\"y\n")
    }
  }

  @Test("invalid UTF-8 is an error, not repaired")
  func invalidUTF8() {
    #expect(throws: CSVError.invalidUTF8(line: 2)) {
      try CSVReader.records(in: utf8("ok\n\"") + [0xFF] + utf8("\"\n"))
    }
    // A truncated two-byte sequence at the end of the input.
    #expect(throws: CSVError.invalidUTF8(line: 1)) {
      try CSVReader.records(in: utf8("a,") + [0xC3])
    }
    // A surrogate encoded in UTF-8 (CESU) and an overlong slash.
    #expect(throws: CSVError.invalidUTF8(line: 1)) {
      try CSVReader.records(in: [0xED, 0xA0, 0x80])
    }
    #expect(throws: CSVError.invalidUTF8(line: 1)) { try CSVReader.records(in: [0xC0, 0xAF]) }
    // A lone continuation byte among valid multi-byte text.
    #expect(throws: CSVError.invalidUTF8(line: 1)) {
      try CSVReader.records(in: utf8("Füzuli") + [0x80] + utf8("Понедельник"))
    }
  }

  @Test("a literal replacement character is valid text, not mistaken for a repair")
  func replacementCharacter() throws {
    #expect(fields(try read("a\u{FFFD}b,\u{FFFD}\n")) == [["a\u{FFFD}b", "\u{FFFD}"]])
  }

  @Test("a field over the cap is an error; one at the cap is not")
  func fieldCap() throws {
    let options = CSVReaderOptions(maxFieldBytes: 8)
    #expect(fields(try read("12345678,x\n", options: options)) == [["12345678", "x"]])
    // Eight quotes, doubled, take 18 bytes of input but are an 8-byte field.
    let quotes = "\"" + String(repeating: "\"\"", count: 8) + "\"   \n"
    #expect(fields(try read(quotes, options: options)) == [[String(repeating: "\"", count: 8)]])
    #expect(throws: CSVError.fieldTooLarge(line: 2, limit: 8)) {
      try read("ok\n123456789\n", options: options)
    }
    #expect(throws: CSVError.fieldTooLarge(line: 1, limit: 8)) {
      try read("\"12345\n6789\"", options: options)
    }
  }

  @Test("a runaway quoted field fails early, long before the input ends")
  func runawayField() throws {
    var reader = CSVReader()
    #expect(try reader.feed(utf8("a,b\nc,\"")) == [CSVRecord(fields: ["a", "b"], line: 1)])
    let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 16)
    var fed = 0
    var failure: CSVError?
    // Up to 100 MB of input, but it must fail just after the 1 MiB cap.
    while fed < 100 << 20 {
      do {
        _ = try reader.feed(chunk)
        fed += chunk.count
      } catch {
        failure = error
        break
      }
    }
    #expect(failure == .fieldTooLarge(line: 2, limit: 1 << 20))
    #expect(fed <= (1 << 20) + (1 << 16))
    #expect(fed >= (1 << 20) - (1 << 16))
  }

  @Test("after an error, the reader keeps failing with the same error")
  func stickyError() throws {
    var reader = CSVReader()
    #expect(throws: CSVError.malformed(line: 1, reason: Self.strayQuote)) {
      try reader.feed(utf8("a\"b\n"))
    }
    #expect(throws: CSVError.malformed(line: 1, reason: Self.strayQuote)) {
      try reader.feed(utf8("c\n"))
    }
    #expect(throws: CSVError.malformed(line: 1, reason: Self.strayQuote)) { try reader.finish() }
  }
}
