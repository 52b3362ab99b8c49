import Foundation
import Testing

/// `tally report` through the binary: exact bytes, the import round trip, atomic writing, bad folders.
@Suite(.serialized) struct ReportEndToEndTests {
  static let files = ["chart.svg", "claims.csv", "compare.csv", "daily.csv", "findings.csv", "summary.txt"]

  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func claimsAndDailyByteForByte(bom: Bool, hxl: Bool) throws {
    let folder = try ReportFixture.ledger()
    let flags = (bom ? ["--bom"] : []) + (hxl ? ["--hxl"] : [])
    let result = try Tally.run(["report", "--db", "l.sqlite", "--out", "out"] + flags, in: folder.url)
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "wrote out: claims.csv (7 rows), daily.csv (8 rows), compare.csv (5 rows), findings.csv (3 rows), summary.txt, chart.svg\n"
    )
    #expect(ReportFixture.names(folder.path("out")) == Self.files)
    #expect(
      try ReportFixture.bytes(folder, "out/claims.csv")
        == ReportFixture.expected(ReportFixture.claimsCSV, hxl: ReportFixture.claimsHXL, bom: bom, hxl: hxl))
    #expect(
      try ReportFixture.bytes(folder, "out/daily.csv")
        == ReportFixture.expected(ReportFixture.dailyCSV, hxl: ReportFixture.dailyHXL, bom: bom, hxl: hxl))
    // compare.csv and findings.csv follow the same options.
    for name in ["compare.csv", "findings.csv"] {
      let bytes = try ReportFixture.bytes(folder, "out/\(name)")
      #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == bom)
      let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
      #expect(lines[1].hasPrefix("#") == hxl, "\(name)")
    }
  }

  @Test(arguments: [(false, false), (true, true)])
  func exportImportExportGivesTheSameFile(bom: Bool, hxl: Bool) throws {
    let folder = try ReportFixture.ledger()
    let flags = (bom ? ["--bom"] : []) + (hxl ? ["--hxl"] : [])
    #expect(try Tally.run(["report", "--db", "l.sqlite", "--out", "one"] + flags, in: folder.url).exitCode == 0)
    let imported = try Tally.run(["import", "--db", "fresh.sqlite", "one/claims.csv"], in: folder.url)
    #expect(imported.stdout == "imported 7 figures from one/claims.csv (6 new claims)\n", "\(imported.stderr)")
    #expect(try Tally.run(["report", "--db", "fresh.sqlite", "--out", "two"] + flags, in: folder.url).exitCode == 0)
    #expect(try ReportFixture.bytes(folder, "two/claims.csv") == ReportFixture.bytes(folder, "one/claims.csv"))
    #expect(try ReportFixture.bytes(folder, "two/daily.csv") == ReportFixture.bytes(folder, "one/daily.csv"))
  }

  @Test func roundTripOfTheSampleArticles() throws {
    let folder = try TempFolder()
    let articles = Tally.packageRoot.appendingPathComponent("data/articles").path
    #expect(try Tally.run(["ingest", "--db", "l.sqlite", articles], in: folder.url).exitCode == 0)
    #expect(try Tally.run(["report", "--db", "l.sqlite", "--out", "one", "--hxl"], in: folder.url).exitCode == 0)
    let imported = try Tally.run(["import", "--db", "fresh.sqlite", "one/claims.csv"], in: folder.url)
    #expect(imported.exitCode == 0, "\(imported.stderr)")
    #expect(try Tally.run(["report", "--db", "fresh.sqlite", "--out", "two", "--hxl"], in: folder.url).exitCode == 0)
    let first = try ReportFixture.bytes(folder, "one/claims.csv")
    #expect(try ReportFixture.bytes(folder, "two/claims.csv") == first)
    // One row per sighting: the syndicated figures appear once per document, each with `sightings` 2.
    let lines = String(decoding: first, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lines.filter { $0.contains(",209,209,209,exact,2020-10-04,") }.allSatisfy { $0.hasSuffix(",2") })
    #expect(lines.filter { $0.contains(",209,209,209,exact,2020-10-04,") }.count == 2)
  }

  @Test func fromAndToLimitOnlyTheDailyTallies() throws {
    let folder = try ReportFixture.ledger()
    let result = try Tally.run(
      ["report", "--db", "l.sqlite", "--out", "out", "--from", "2020-10-03", "--to", "2020-10-03"], in: folder.url)
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(try ReportFixture.bytes(folder, "out/claims.csv") == Array(ReportFixture.claimsCSV.utf8))
    let daily = String(decoding: try ReportFixture.bytes(folder, "out/daily.csv"), as: UTF8.self)
    let lines = ReportFixture.dailyCSV.components(separatedBy: "\r\n")
    #expect(daily == ([lines[0]] + lines.filter { $0.hasPrefix("2020-10-03,") }).joined(separator: "\r\n") + "\r\n")
    let bad = try Tally.run(["report", "--db", "l.sqlite", "--from", "yesterday"], in: folder.url)
    #expect(bad.exitCode == 1)
    #expect(bad.stderr.hasPrefix("Error: --from yesterday: not a date; use YYYY-MM-DD, YYYY-MM or YYYY\n"))
  }

  @Test func anEmptyLedgerGivesHeadersAndASummary() throws {
    let folder = try TempFolder()
    try folder.write("header.csv", ReportFixture.importCSV.components(separatedBy: "\r\n")[0] + "\r\n")
    let created = try Tally.run(["import", "--db", "empty.sqlite", "header.csv"], in: folder.url)
    #expect(created.stdout == "imported 0 figures from header.csv (0 new claims)\n")
    let result = try Tally.run(["report", "--db", "empty.sqlite", "--hxl"], in: folder.url)
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "wrote reports: claims.csv (0 rows), daily.csv (0 rows), compare.csv (0 rows), findings.csv (0 rows), summary.txt, chart.svg\n"
    )
    #expect(ReportFixture.names(folder.path("reports")) == Self.files)
    #expect(
      try ReportFixture.bytes(folder, "reports/claims.csv")
        == Array((ReportFixture.claimsCSV.components(separatedBy: "\r\n")[0] + "\r\n" + ReportFixture.claimsHXL).utf8))
    #expect(
      try ReportFixture.bytes(folder, "reports/daily.csv")
        == Array(("date,party,category,subject,claimant,value,low,high,change,status,sources\r\n" + ReportFixture.dailyHXL).utf8))
    for name in ["compare.csv", "findings.csv"] {
      let lines = String(decoding: try ReportFixture.bytes(folder, "reports/\(name)"), as: UTF8.self)
        .components(separatedBy: "\r\n")
      #expect(lines.count == 3 && lines[1].hasPrefix("#") && lines[2].isEmpty, "\(name)")
    }
    let summary = String(decoding: try ReportFixture.bytes(folder, "reports/summary.txt"), as: UTF8.self)
    #expect(summary.contains("\nNo figures in the ledger yet. Run tally ingest on some articles first.\n"), "\(summary)")
  }

  @Test func anOutputFolderUnderAFileIsRefused() throws {
    let folder = try ReportFixture.ledger()
    try folder.write("notes.txt", "not a folder\n")
    let result = try Tally.run(["report", "--db", "l.sqlite", "--out", "notes.txt/reports"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(
      result.stderr
        == "Error: notes.txt/reports: cannot create the report folder: notes.txt is a file, not a folder; choose another --out\n")
    #expect(result.stdout.isEmpty)
    #expect(ReportFixture.names(folder.path("")) == ["fixture.csv", "l.sqlite", "notes.txt"])
    let file = try Tally.run(["report", "--db", "l.sqlite", "--out", "notes.txt"], in: folder.url)
    #expect(file.exitCode == 1)
    #expect(file.stderr == "Error: notes.txt: cannot create the report folder: notes.txt is a file, not a folder; choose another --out\n")
  }

  @Test func anOutputFolderUnderProcIsRefused() throws {
    let folder = try ReportFixture.ledger()
    let result = try Tally.run(["report", "--db", "l.sqlite", "--out", "/proc/tally-reports/out"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(result.stderr.hasPrefix("Error: /proc/tally-reports/out: cannot create the report folder: "))
    #expect(result.stderr.hasSuffix("; choose another --out\n"))
    #expect(!FileManager.default.fileExists(atPath: "/proc/tally-reports"))
    // A folder that exists but takes no files: /proc itself.
    let proc = try Tally.run(["report", "--db", "l.sqlite", "--out", "/proc"], in: folder.url)
    #expect(proc.exitCode == 1)
    #expect(proc.stderr.hasPrefix("Error: /proc: cannot write claims.csv: "), "\(proc.stderr)")
    #expect(!FileManager.default.fileExists(atPath: "/proc/claims.csv"))
  }

  @Test func aFailedRunLeavesThePreviousReportsUntouched() throws {
    let folder = try ReportFixture.ledger()
    #expect(try Tally.run(["report", "--db", "l.sqlite", "--out", "out"], in: folder.url).exitCode == 0)
    let before = try Self.files.map { try ReportFixture.bytes(folder, "out/\($0)") }
    // More figures, then a run that fails on its last file: a folder squats the name chart.svg.
    try folder.write("more.csv", ReportFixture.importCSV.replacingOccurrences(of: "bulletin-", with: "digest-")
      .replacingOccurrences(of: ",16,16,16,", with: ",17,17,17,"))
    #expect(try Tally.run(["import", "--db", "l.sqlite", "more.csv"], in: folder.url).exitCode == 0)
    try FileManager.default.removeItem(atPath: folder.path("out/chart.svg"))
    try FileManager.default.createDirectory(atPath: folder.path("out/chart.svg"), withIntermediateDirectories: false)
    let result = try Tally.run(["report", "--db", "l.sqlite", "--out", "out"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(
      result.stderr
        == "Error: out: cannot write chart.svg: a folder has that name; no report was changed, choose another --out or fix the folder\n"
    )
    #expect(ReportFixture.names(folder.path("out")) == Self.files)
    for (name, bytes) in zip(Self.files, before) where name != "chart.svg" {
      #expect(try ReportFixture.bytes(folder, "out/\(name)") == bytes, "\(name)")
    }
  }

  @Test func aMissingFolderIsCreated() throws {
    let folder = try ReportFixture.ledger()
    let result = try Tally.run(["report", "--db", "l.sqlite", "--out", "deep/er/reports"], in: folder.url)
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(ReportFixture.names(folder.path("deep/er/reports")) == Self.files)
  }
}
