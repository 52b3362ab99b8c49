import TallyCSV
import Testing

@Suite("CSVHeader and error messages")
struct CSVHeaderTests {
  let header = CSVHeader(expected: ["a", "b", "c"])

  @Test("a matching header passes")
  func matches() throws {
    try header.validate(CSVRecord(fields: ["a", "b", "c"], line: 1))
    let records = try read("a,b,c\n1,2,3\n")
    try header.validate(records.first)
  }

  @Test("a different header names what was expected and what was found")
  func mismatch() {
    let record = CSVRecord(fields: ["a", "c"], line: 1)
    #expect(
      throws: CSVError.unexpectedHeader(line: 1, expected: ["a", "b", "c"], found: ["a", "c"])
    ) {
      try header.validate(record)
    }
    #expect(
      CSVError.unexpectedHeader(line: 1, expected: ["a", "b", "c"], found: ["a", "c"]).description
        == "line 1: expected header `a,b,c`, found `a,c`")
    #expect(
      throws: CSVError.unexpectedHeader(
        line: 1, expected: ["a", "b", "c"], found: ["a", "b", "c", "d"])
    ) {
      try header.validate(CSVRecord(fields: ["a", "b", "c", "d"], line: 1))
    }
  }

  @Test("an empty input has no header")
  func empty() {
    #expect(throws: CSVError.unexpectedHeader(line: 1, expected: ["a", "b", "c"], found: [])) {
      try header.validate(nil)
    }
    #expect(
      CSVError.unexpectedHeader(line: 1, expected: ["a"], found: []).description
        == "line 1: expected header `a`, found no header (the input is empty)")
  }

  @Test("every error renders as one actionable line")
  func descriptions() {
    let cases: [(CSVError, String)] = [
      (
        .malformed(
          line: 7, reason: "unclosed quote; add the closing quote or remove the stray one"),
        "line 7: unclosed quote; add the closing quote or remove the stray one"
      ),
      (
        .fieldTooLarge(line: 2, limit: 1024),
        "line 2: a field is longer than 1024 bytes; look for an unclosed quote, or raise the field size limit"
      ),
      (.invalidUTF8(line: 3), "line 3: text is not valid UTF-8; save the file as UTF-8"),
      (
        .cannotRead(path: "in.csv", reason: "Permission denied"),
        "cannot read in.csv: Permission denied"
      ),
      (
        .invalidUTF8(line: 3).located(in: "data.csv"),
        "data.csv line 3: text is not valid UTF-8; save the file as UTF-8"
      ),
    ]
    for (error, text) in cases {
      #expect(error.description == text)
      #expect(error.errorDescription == text)
      #expect(!text.contains("\n"))
    }
    let located = CSVError.cannotRead(path: "a", reason: "b").located(in: "c")
    #expect(located == .cannotRead(path: "a", reason: "b"))
    #expect(located.line == nil)
  }
}
