import Foundation
import Testing

/// A real spreadsheet reads the report: LibreOffice Calc converts `claims.csv` and `daily.csv` to
/// `.xlsx`, and the cells of the converted sheets are checked for their types and text.
///
/// The test needs `soffice` (Debian package `libreoffice-calc-nogui`, installed by `.ci/run`);
/// without it the test is skipped with a note.
@Suite(.serialized) struct SpreadsheetTests {
  static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  @Test(
    .enabled(if: soffice != nil, "soffice (LibreOffice Calc) is not installed: apt-get install libreoffice-calc-nogui"),
    .timeLimit(.minutes(3)))
  func libreOfficeReadsClaimsAndDailyRight() throws {
    let soffice = try #require(Self.soffice)
    let folder = try ReportFixture.ledger()
    let report = try Tally.run(["report", "--db", "l.sqlite", "--out", "out", "--bom"], in: folder.url)
    #expect(report.exitCode == 0, "\(report.stderr)")
    // A control file proves that this LibreOffice does evaluate an unguarded `=` cell.
    try folder.write("out/control.csv", "text,number\r\n=1+1,2\r\n")

    let started = Date()
    let books = try Workbook.convert(
      ["claims.csv", "daily.csv", "control.csv"].map { folder.path("out/\($0)") }, soffice: soffice,
      into: folder.path("xlsx"), home: folder.path("home"))
    print("SpreadsheetTests: soffice converted 3 files in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")

    let control = try #require(books["control"])
    #expect(control.cell("A2")?.formula == "1+1", "the control `=1+1` should become a formula")

    // claims.csv: the header, then the rows in the order of ReportFixture.claimsCSV.
    let claims = try #require(books["claims"])
    #expect(claims.rowCount == 8)
    #expect(claims.cell("A1")?.string == "document", "the byte order mark is not part of the first name")
    #expect(claims.cell("Q1")?.string == "sightings")
    #expect(claims.cells.allSatisfy { $0.formula == nil }, "no cell of claims.csv may become a formula")
    // Numbers arrive as numbers.
    for (reference, value) in [("H2", 30.0), ("I2", 30), ("J2", 30), ("O2", 10), ("P2", 52), ("Q2", 2), ("H6", 12000)] {
      #expect(claims.cell(reference)?.number == value, "\(reference)")
    }
    // Dates arrive as dates: serial numbers with a date format (2020-10-01 is 44105).
    for (reference, serial) in [("C2", 44105.0), ("L2", 44105), ("L4", 44106), ("C6", 44107), ("L7", 44107)] {
      #expect(claims.cell(reference)?.number == serial, "\(reference)")
      #expect(claims.cell(reference)?.isDate == true, "\(reference) should have a date format")
    }
    // Unknown values are empty cells, not 0.
    for reference in ["C3", "B3", "I4", "J5", "I6", "J6", "M2"] {
      #expect(claims.cell(reference)?.isEmpty ?? true, "\(reference)")
    }
    // Text: a quote with quotes, commas and a line break in one cell, accents intact.
    #expect(claims.cell("B2")?.string == "Courier, Evening Edition")
    #expect(claims.cell("N2")?.string == "He said: \"30 servicemen, all conscripts,\nwere killed\"")
    #expect(claims.cell("N5")?.string == "Понедельник: more than 5 civilians died near Füzuli")
    #expect(claims.cell("M6")?.string == "Füzuli")
    #expect(claims.cell("D6")?.string == "Füzuli District Office")
    // Text that starts like a formula stays text, with its guard.
    #expect(claims.cell("N7")?.string == "'=16 after the correction")
    #expect(claims.cell("N8")?.string == "'-10 to 15 wounded")
    #expect(claims.cell("N6")?.string == "'+ about 12000 people live in Füzuli")
    #expect(claims.cell("N4")?.string == "'@ up to 3 soldiers captured")
    #expect(claims.cell("B6")?.string == "'@FrontlineDesk")

    // daily.csv: dates, numbers and a negative change.
    let daily = try #require(books["daily"])
    #expect(daily.rowCount == 9)
    #expect(daily.cells.allSatisfy { $0.formula == nil })
    for row in 2...9 {
      #expect(daily.cell("A\(row)")?.isDate == true, "A\(row)")
      #expect(daily.cell("F\(row)")?.number != nil, "F\(row)")
      #expect(daily.cell("K\(row)")?.number != nil, "K\(row)")
    }
    #expect(daily.cell("A2")?.number == 44105)
    #expect(daily.cell("A9")?.number == 44107)
    #expect(daily.cell("I6")?.number == -14, "the regression's change is the number -14")
    #expect(daily.cell("I2")?.isEmpty ?? true, "the first day has no change")
    #expect(daily.cell("I3")?.number == 0)
    #expect(daily.cell("J6")?.string == "reported")
    #expect(daily.cell("E5")?.isEmpty ?? true, "an unattributed figure has no claimant")
  }
}

/// One worksheet of a converted `.xlsx`, read from its XML.
struct Worksheet {
  struct Cell {
    var reference: String
    /// `t`: `s` (shared string), `str`, `inlineStr`, `n` or `nil` (a number), `b`, `e`.
    var type: String?
    var value: String?
    var formula: String?
    var string: String?
    var isDate: Bool

    var number: Double? { type == nil || type == "n" ? value.flatMap(Double.init) : nil }
    var isEmpty: Bool { value == nil && string == nil && formula == nil }
  }

  var cells: [Cell]

  func cell(_ reference: String) -> Cell? { cells.first { $0.reference == reference } }

  var rowCount: Int {
    cells.compactMap { Int($0.reference.drop { $0.isLetter }) }.max() ?? 0
  }
}

/// Converts CSV files with `soffice` and reads back their first sheets.
enum Workbook {
  /// Converts `paths` in one `soffice` run (serially, one process) and returns each sheet by file stem.
  static func convert(_ paths: [String], soffice: String, into folder: String, home: String) throws -> [String: Worksheet] {
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = the first line is the first row.
    let arguments = ["--headless", "--norestore", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", folder] + paths
    let log = try run(soffice, arguments, environment: ["HOME": home], timeout: 150)
    var books: [String: Worksheet] = [:]
    for path in paths {
      let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      let xlsx = folder + "/" + stem + ".xlsx"
      guard FileManager.default.fileExists(atPath: xlsx) else {
        Issue.record("soffice did not write \(xlsx): \(log)")
        continue
      }
      let sheet = String(decoding: try run("/usr/bin/unzip", ["-p", xlsx, "xl/worksheets/sheet1.xml"]), as: UTF8.self)
      let strings = String(decoding: try run("/usr/bin/unzip", ["-p", xlsx, "xl/sharedStrings.xml"]), as: UTF8.self)
      let styles = String(decoding: try run("/usr/bin/unzip", ["-p", xlsx, "xl/styles.xml"]), as: UTF8.self)
      books[stem] = parse(sheet: sheet, sharedStrings: sharedStrings(strings), dateStyles: dateStyles(styles))
    }
    return books
  }

  /// Runs a program and returns its standard output; standard error goes to a file that is returned on failure.
  static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:], timeout: Double = 60) throws -> [UInt8] {
    let scratch = try TempFolder()
    let outURL = URL(fileURLWithPath: try scratch.write("out", ""))
    let out = try FileHandle(forWritingTo: outURL)
    defer { try? out.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = out
    process.standardError = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      Issue.record("\(program) did not finish within \(Int(timeout)) s")
    }
    process.waitUntilExit()
    let bytes = [UInt8](try Data(contentsOf: outURL))
    if process.terminationStatus != 0 {
      Issue.record("\(program) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: bytes, as: UTF8.self))")
    }
    return bytes
  }

  /// The shared strings, in order; rich-text runs are joined.
  static func sharedStrings(_ xml: String) -> [String] {
    xml.matches(of: /<si>(.*?)<\/si>/.dotMatchesNewlines()).map { item in
      item.1.matches(of: /<t(?: [^>]*)?>(.*?)<\/t>/.dotMatchesNewlines()).map { unescape(String($0.1)) }.joined()
    }
  }

  /// The indices of the cell styles (`s`) whose number format is a date.
  static func dateStyles(_ xml: String) -> Set<Int> {
    var dateFormats: Set<Int> = Set(14...22)
    for format in xml.matches(of: /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/) {
      let code = format.2.lowercased()
      if code.contains("yy") || code.contains("dd") { dateFormats.insert(Int(format.1) ?? -1) }
    }
    guard let xfs = xml.firstMatch(of: /<cellXfs[^>]*>(.*?)<\/cellXfs>/.dotMatchesNewlines()) else { return [] }
    var styles: Set<Int> = []
    for (index, xf) in xfs.1.matches(of: /<xf [^>]*numFmtId="(\d+)"/).enumerated()
    where dateFormats.contains(Int(xf.1) ?? -1) {
      styles.insert(index)
    }
    return styles
  }

  static func parse(sheet xml: String, sharedStrings: [String], dateStyles: Set<Int>) -> Worksheet {
    var cells: [Worksheet.Cell] = []
    for match in xml.matches(of: /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/.dotMatchesNewlines()) {
      let attributes = String(match.2)
      let body = match.3.map(String.init) ?? ""
      let type = attributes.firstMatch(of: /t="(\w+)"/).map { String($0.1) }
      let style = attributes.firstMatch(of: /s="(\d+)"/).flatMap { Int($0.1) } ?? 0
      let value = body.firstMatch(of: /<v>(.*?)<\/v>/.dotMatchesNewlines()).map { unescape(String($0.1)) }
      let formula = body.firstMatch(of: /<f(?: [^>]*)?>(.*?)<\/f>/.dotMatchesNewlines()).map { unescape(String($0.1)) }
      var string: String?
      switch type {
      case "s": string = value.flatMap(Int.init).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil }
      case "str": string = value
      case "inlineStr":
        string = body.firstMatch(of: /<t(?: [^>]*)?>(.*?)<\/t>/.dotMatchesNewlines()).map { unescape(String($0.1)) }
      default: break
      }
      cells.append(
        Worksheet.Cell(
          reference: String(match.1), type: type, value: value, formula: formula, string: string,
          isDate: (type == nil || type == "n") && value != nil && dateStyles.contains(style)))
    }
    return Worksheet(cells: cells)
  }

  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacing(/&#(\d+);/) { match in
        UInt32(match.1).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? String(match.0)
      }
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
