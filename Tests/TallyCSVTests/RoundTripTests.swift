import TallyCSV
import Testing

@Suite("Round trips: CSVWriter then CSVReader")
struct RoundTripTests {
  static let tricky: [[String]] = [
    ["plain", "a,b", "say \"hi\"", "line\nbreak", "crlf\r\nbreak", "cr\ronly"],
    [" lead", "trail ", "\tx", "x\t", "   ", ""],
    ["'hello", "'=x", "'", "''", "=SUM(A1)", "@x"],
    ["+1", "-14 killed", "-", "\r", "\t", "\u{FEFF}bom"],
    ["Füzuli", "Понедельник", "日本語", "emoji 🇦🇿", "\"", "\"\""],
    [""],
    ["   "],
    ["'"],
    ["", ""],
  ]

  @Test("a tricky table survives a round trip", arguments: ["\r\n", "\n"], [false, true])
  func trickyTable(lineEnding: String, byteOrderMark: Bool) throws {
    let options = CSVWriterOptions(lineEnding: lineEnding, byteOrderMark: byteOrderMark)
    let bytes = CSVWriter.encode(rows: Self.tricky.map { $0.map(CSVCell.text) }, options: options)
    let records = try CSVReader.records(
      in: bytes, options: CSVReaderOptions(stripsFormulaGuard: true))
    #expect(fields(records) == Self.tricky)
  }

  @Test("integers and empty cells come back as text")
  func mixedCells() throws {
    let rows: [[CSVCell]] = [[.integer(-14), .empty, "x", .integer(.min)], [.empty]]
    let records = try CSVReader.records(in: CSVWriter.encode(rows: rows))
    #expect(fields(records) == [["-14", "", "x", "-9223372036854775808"], [""]])
    #expect(lines(records) == [1, 2])
  }

  @Test("line numbers match the written line breaks")
  func lineNumbers() throws {
    let rows: [[CSVCell]] = [["a\nb"], ["c"], ["d\r\ne\nf"], ["g"]]
    let records = try CSVReader.records(in: CSVWriter.encode(rows: rows))
    #expect(lines(records) == [1, 3, 4, 7])
  }

  @Test("random tables from tricky characters survive a round trip", arguments: 1...20)
  func randomTables(seed: UInt64) throws {
    var generator = SeededGenerator(state: seed)
    let alphabet: [String] = [
      "a", "Z", "0", " ", "\t", ",", "\"", "'", "=", "+", "-", "@", "\r", "\n", "ü", "П", "🇦🇿",
      "\u{FEFF}",
    ]
    var table: [[String]] = []
    for _ in 0..<Int.random(in: 1...30, using: &generator) {
      var row: [String] = []
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        let length = Int.random(in: 0...8, using: &generator)
        row.append(
          (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined())
      }
      table.append(row)
    }
    let bytes = CSVWriter.encode(rows: table.map { $0.map(CSVCell.text) })
    let records = try readInChunks(
      bytes, size: Int.random(in: 1...50, using: &generator),
      options: CSVReaderOptions(stripsFormulaGuard: true))
    #expect(fields(records) == table)
  }
}
