import Foundation
import TallyCSV
import TallyExtractor
import TallyLedger
import TallyReporter
import Testing

@Suite("The report set: claims rows, HXL tags, cell types, atomic writing")
struct ReportSetTests {
  static func claim(
    _ id: Int64, asOf: String?, party: String?, category: Category = .killed, claimant: String?, value: Int64,
    sightings: [Sighting]
  ) -> LedgerClaim {
    LedgerClaim(
      id: id, claimant: claimant, party: party, category: category, subject: "military", value: value, low: value,
      high: value, qualifier: .exact, asOf: asOf, location: nil, sightings: sightings)
  }

  static func sighting(_ document: String, _ start: Int, id: Int64 = 1) -> Sighting {
    Sighting(documentID: id, document: document, source: nil, published: nil, quote: "q", start: start, end: start + 1)
  }

  @Test func claimRowsAreOneSightingEachInContentOrder() {
    let claims = [
      Self.claim(1, asOf: nil, party: "Chad", claimant: nil, value: 4, sightings: [Self.sighting("a.txt", 0)]),
      Self.claim(
        2, asOf: "2021-03-02", party: "Chad", claimant: "Army", value: 9,
        sightings: [Self.sighting("z.txt", 5, id: 2), Self.sighting("b.txt", 7, id: 3), Self.sighting("b.txt", 2, id: 3)]),
      Self.claim(3, asOf: "2021-03-01", party: nil, claimant: "Army", value: 1, sightings: [Self.sighting("c.txt", 0)]),
      Self.claim(
        4, asOf: "2021-03-01", party: "Chad", category: .wounded, claimant: "Army", value: 2,
        sightings: [Self.sighting("d.txt", 0)]),
      Self.claim(5, asOf: "2021-03-01", party: "Chad", claimant: "Army", value: 3, sightings: [Self.sighting("e.txt", 0)]),
    ]
    let rows = ClaimRow.rows(claims)
    // as_of (unknown last), party (unknown last), category in list order, …, document, start.
    #expect(rows.map(\.claimID) == [5, 4, 3, 2, 2, 2, 1])
    #expect(rows.map(\.claim.document) == ["e.txt", "d.txt", "c.txt", "b.txt", "b.txt", "z.txt", "a.txt"])
    #expect(rows.map(\.claim.start) == [0, 0, 0, 2, 7, 5, 0])
    // Sightings count documents, not sightings: two in b.txt and one in z.txt are 2 documents.
    #expect(rows.map(\.sightings) == [1, 1, 1, 2, 2, 2, 1])
    // The order does not depend on the input order or the ids.
    let renumbered = claims.reversed().enumerated().map { index, claim in
      var copy = claim
      copy.id = Int64(100 + index)
      return copy
    }
    #expect(ClaimRow.rows(renumbered).map(\.claim) == rows.map(\.claim))
  }

  @Test func claimRowCellsAreExtractCellsAndTheSightingCount() {
    let row = ClaimRow.rows([
      Self.claim(1, asOf: "2021-03-01", party: "Chad", claimant: nil, value: 4, sightings: [Self.sighting("a.txt", 0)])
    ])[0]
    #expect(ClaimRow.columns == Claim.columns + ["sightings"])
    #expect(row.csvCells == row.claim.csvCells + [.integer(1)])
    #expect(row.json.hasSuffix(",\"end\":1,\"sightings\":1}"))
    #expect(
      String(decoding: Report.csv([row]), as: UTF8.self)
        == "document,source,published,claimant,party,category,subject,value,low,high,qualifier,as_of,location,quote,start,end,sightings\r\n"
        + "a.txt,,,,Chad,killed,military,4,4,4,exact,2021-03-01,,q,0,1,1\r\n")
  }

  @Test func everyColumnHasOneValidHXLTag() {
    let tables: [(String, [String], [String])] = [
      ("claims", ClaimRow.columns, ClaimRow.hxlTags), ("daily", DailyRow.columns, DailyRow.hxlTags),
      ("compare", CompareRow.columns, CompareRow.hxlTags), ("findings", Finding.columns, Finding.hxlTags),
    ]
    for (name, columns, tags) in tables {
      #expect(columns.count == tags.count, "\(name)")
      // HXL: `#tag` then `+attribute`s, lower-case letters, digits and underscores.
      #expect(tags.allSatisfy { $0.wholeMatch(of: /#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*/) != nil }, "\(name)")
    }
  }

  /// The cell-type audit: every number is an integer cell, every date and word a text cell.
  @Test func numbersAreIntegerCellsAndUnknownsAreEmpty() throws {
    let claims = [
      LedgerClaim(
        id: 1, claimant: nil, party: nil, category: .killed, subject: "civilian", value: 30, low: nil, high: nil,
        qualifier: .about, asOf: "2021-03-01", location: nil,
        sightings: [Sighting(documentID: 1, document: "a.txt", source: nil, published: "2021-03-01", quote: "-30", start: 0, end: 3)]),
      LedgerClaim(
        id: 2, claimant: nil, party: nil, category: .killed, subject: "civilian", value: 16, low: 16, high: 16,
        qualifier: .exact, asOf: "2021-03-02", location: nil,
        sightings: [Sighting(documentID: 2, document: "b.txt", source: nil, published: "2021-03-02", quote: "16", start: 0, end: 2)]),
    ]
    let reconciliation = Reconciliation(claims: claims)
    let claimCells = ClaimRow.rows(claims)[0].csvCells
    #expect(claimCells == [
      .text("a.txt"), .empty, .text("2021-03-01"), .empty, .empty, .text("killed"), .text("civilian"), .integer(30),
      .empty, .empty, .text("about"), .text("2021-03-01"), .empty, .text("-30"), .integer(0), .integer(3), .integer(1),
    ])
    let daily = reconciliation.daily()
    #expect(daily.map(\.csvCells) == [
      [.text("2021-03-01"), .empty, .text("killed"), .text("civilian"), .empty, .integer(30), .empty, .empty, .empty, .text("reported"), .integer(1)],
      [.text("2021-03-02"), .empty, .text("killed"), .text("civilian"), .empty, .integer(16), .integer(16), .integer(16), .integer(-14), .text("reported"), .integer(1)],
    ])
    // The negative change is bare, the text `-30` is guarded.
    let bytes = String(decoding: Report.csv(daily) + Report.csv(ClaimRow.rows(claims)), as: UTF8.self)
    #expect(bytes.contains(",16,16,16,-14,reported,1\r\n"))
    #expect(bytes.contains(",'-30,0,3,1\r\n"))
    // compare: numbers are integers; spread is a bare decimal numeral (never negative, so never guarded).
    let compare = reconciliation.compare()[0].csvCells
    #expect(compare[5] == .integer(16) && compare[10] == .integer(16) && compare[11] == .integer(1))
    #expect(compare[14] == .integer(16) && compare[15] == .integer(16) && compare[16] == .integer(16))
    #expect(compare[17] == .text("1.00"))
    #expect(String(decoding: Report.csv(reconciliation.compare()), as: UTF8.self).contains(",16,16,16,1.00,median,false\r\n"))
  }

  @Test func theSixFilesInOrderWithTheOptions() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tally-report-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let report = ReportSet(Reconciliation(claims: []), options: ReportOptions(byteOrderMark: true, hxl: true))
    #expect(report.files.map(\.name) == ReportSet.fileNames)
    let written = try report.write(to: root)
    #expect(written == WrittenReport(folder: root, names: ReportSet.fileNames, rows: [0, 0, 0, 0, nil, nil]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ReportSet.fileNames.sorted())
    #expect(FileManager.default.contents(atPath: root + "/daily.csv") == Data([0xEF, 0xBB, 0xBF] + Array(
      ("date,party,category,subject,claimant,value,low,high,change,status,sources\r\n"
        + "#date,#group+party,#indicator+category,#indicator+subject,#org+claimant,#affected+num,#affected+num+min,"
        + "#affected+num+max,#affected+num+change,#status,#meta+sources\r\n").utf8)))
    #expect(
      FileManager.default.contents(atPath: root + "/summary.txt")
        == Data(Brief.text(Reconciliation(claims: []), from: nil, to: nil).utf8))
    #expect(
      FileManager.default.contents(atPath: root + "/chart.svg")
        == Data(Chart.svg(Reconciliation(claims: []), from: nil, to: nil).utf8))
    #expect(
      WrittenReport(folder: "out", names: ReportSet.fileNames, rows: [0, 1, 2, 0, nil, nil]).summary
        == "wrote out: claims.csv (0 rows), daily.csv (1 row), compare.csv (2 rows), findings.csv (0 rows), summary.txt, chart.svg")
  }

  /// A CSV whose rows fail half way (the disk is full): no file of the report is replaced.
  @Test func aFailingFileReplacesNothing() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tally-report-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try ReportWriter.write([ReportFile(name: "one.txt") { "old\n" }], to: root)
    let failing = [
      ReportFile(name: "one.txt") { "new\n" },
      ReportFile(name: "two.csv", csv: CSVWriterOptions()) { output throws(CSVError) in
        try output.writeHeader(["n"])
        throw CSVError.cannotWrite(path: "two.csv.tmp", reason: "No space left on device")
      },
    ]
    #expect(throws: ReportError.cannotWrite(folder: root, file: "two.csv", reason: "No space left on device")) {
      try ReportWriter.write(failing, to: root)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["one.txt"])
    #expect(FileManager.default.contents(atPath: root + "/one.txt") == Data("old\n".utf8))
  }

  @Test func writerReplacesAllOrNothing() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tally-report-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let out = root + "/a/b"
    let files = [
      ReportFile(name: "one.csv", csv: CSVWriterOptions()) { output throws(CSVError) in
        try output.writeRow([.integer(1)])
        return 1
      },
      ReportFile(name: "two.txt") { "2\n" },
    ]
    #expect(try ReportWriter.write(files, to: out) == WrittenReport(folder: out, names: ["one.csv", "two.txt"], rows: [1, nil]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["one.csv", "two.txt"])
    #expect(FileManager.default.contents(atPath: out + "/one.csv") == Data("1\r\n".utf8))

    // A folder named like the second file: nothing is replaced, no temporary file stays.
    try FileManager.default.removeItem(atPath: out + "/two.txt")
    try FileManager.default.createDirectory(atPath: out + "/two.txt", withIntermediateDirectories: false)
    let newer = files.map { file in ReportFile(name: file.name) { "new\n" } }
    #expect(throws: ReportError.cannotWrite(folder: out, file: "two.txt", reason: "a folder has that name")) {
      try ReportWriter.write(newer, to: out)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["one.csv", "two.txt"])
    #expect(FileManager.default.contents(atPath: out + "/one.csv") == Data("1\r\n".utf8))

    // A folder that cannot be created: the parents created on the way are removed again.
    try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/file"))
    let long = root + "/new/" + String(repeating: "n", count: 300)
    #expect(throws: ReportError.cannotCreateFolder(path: long, reason: "File name too long")) {
      try ReportWriter.write(files, to: long)
    }
    #expect(throws: ReportError.cannotCreateFolder(path: root + "/file/x", reason: "\(root)/file is a file, not a folder")) {
      try ReportWriter.write(files, to: root + "/file/x")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["a", "file"])
    #expect(
      ReportError.cannotCreateFolder(path: "/proc/x", reason: "No such file or directory").description
        == "/proc/x: cannot create the report folder: No such file or directory; choose another --out")
  }
}
