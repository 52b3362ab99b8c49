import TallyCSV
import Testing

@Suite("CSVWriter: formula guard")
struct FormulaGuardTests {
  @Test(
    "text a spreadsheet would run gets a leading apostrophe",
    arguments: [
      ("=SUM(A1)", "'=SUM(A1)"),
      ("@x", "'@x"),
      ("+1", "'+1"),
      ("-14 killed", "'-14 killed"),
      ("-", "'-"),
      ("\tx", "'\tx"),
      ("\rx", "\"'\rx\""),
      ("=a,b", "\"'=a,b\""),
      ("=\"x\"", "\"'=\"\"x\"\"\""),
      ("'hello", "''hello"),
      ("'=x", "''=x"),
      ("'", "''"),
      ("x=1", "x=1"),
      ("a-b", "a-b"),
      (" =1", "\" =1\""),
    ])
  func guarded(text: String, expected: String) {
    #expect(CSVWriter.encode(rows: [[.text(text), "z"]]) == utf8(expected + ",z\r\n"))
  }

  @Test("a guarded lone field is not empty, so it needs no quotes")
  func guardedLoneField() {
    #expect(CSVWriter.encode(rows: [["="]]) == utf8("'=\r\n"))
  }

  @Test("with the guard off, text is written as is")
  func guardOff() {
    let options = CSVWriterOptions(guardsFormulas: false)
    let row: [CSVCell] = ["=SUM(A1)", "'hello", "\tx", "-14 killed"]
    #expect(
      CSVWriter.encode(rows: [row], options: options)
        == utf8("=SUM(A1),'hello,\"\tx\",-14 killed\r\n"))
  }

  @Test("header names are guarded too")
  func header() {
    var writer = CSVWriter()
    writer.writeHeader(["name", "=x"])
    #expect(writer.takeBytes() == utf8("name,'=x\r\n"))
  }
}
