import Foundation
import FoundationXML
import TallyCSV
import Testing

/// Nothing an article says runs in a spreadsheet or a browser: every CSV tally writes is checked
/// cell by cell, and the chart is parsed as XML, after reading articles whose outlet, document
/// names, parties and claimants start with formula characters or hold markup.
@Suite struct OutputSafetyTests {
  /// Parties named so that each formula trigger starts a cell, and one that is markup. (The
  /// gazetteer trims blanks from names, so tab and CR are tested through file names.)
  static let gazetteer = """
    entity,kind,parent,names,adjectives,capital
    =Evilstan,state,,Evilstan,Evilstani,
    +Bluestan,state,,Bluestan,Bluestani,
    -Redstan,state,,Redstan,Redstani,
    @Greystan,state,,Greystan,Greystani,
    "\tTabstan",state,,Tabstan,Tabstani,
    "\rCrstan",state,,Crstan,Crstani,
    <script>alert(1)</script>,state,,Scriptland,Scriptlandic,

    """

  static func article(source: String) -> String {
    """
    ---
    source: \(source)
    published: 2020-10-04
    ---
    Evilstan's army said on Sunday that 12 soldiers were killed. Bluestan's army said on Sunday that 13 soldiers were killed.
    Redstan's army said on Sunday that 14 soldiers were killed. Greystan's army said on Sunday that 15 soldiers were wounded.
    Tabstan's army said on Sunday that 16 soldiers were killed. Crstan's army said on Sunday that 17 soldiers were killed.
    Scriptland's army said on Sunday that 18 soldiers were killed.

    In Evilstan, 40 civilians were killed on Sunday.

    """
  }

  /// The formula triggers of OWASP's advice.
  static let triggers: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

  /// The cells of `csv` that start with a trigger and are not bare numbers (`-14`, `1.52`).
  static func unguardedCells(_ csv: [UInt8]) throws -> [String] {
    var bad: [String] = []
    for record in try CSVReader.records(in: csv) {
      for field in record.fields {
        guard let first = field.utf8.first, triggers.contains(first) else { continue }
        let body = field.utf8.dropFirst(first == 0x2D ? 1 : 0)
        let parts = body.split(separator: 0x2E, omittingEmptySubsequences: false)
        let isNumber = !body.isEmpty && parts.count <= 2
          && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if !isNumber { bad.append(field) }
      }
    }
    return bad
  }

  @Test func everyCSVCellIsGuardedAndTheChartIsText() throws {
    let folder = try TempFolder()
    try folder.write("gazetteer.csv", Self.gazetteer)
    let names = ["=1+1.txt", "+cmd.txt", "-x.txt", "@SUM(A1).txt", "\tx.txt", "\rx.txt", "<b>x.txt"]
    for (index, name) in names.enumerated() {
      let source = index == names.count - 1 ? "<script>alert(2)</script>" : "=HYPERLINK(\"http://x\")"
      try folder.write("hostile/" + name, Self.article(source: source))
    }

    var outputs: [(String, [UInt8])] = []
    let extract = try Tally.run(["extract", "--gazetteer", "gazetteer.csv", "hostile"], in: folder.url)
    #expect(extract.exitCode == 0)
    #expect(extract.stderr == "")
    outputs.append(("extract", extract.stdoutBytes))
    let ingest = try Tally.run(["ingest", "--db", "l.sqlite", "--gazetteer", "gazetteer.csv", "hostile"], in: folder.url)
    #expect(ingest.exitCode == 0)
    for command in ["daily", "compare", "findings"] {
      let result = try Tally.run([command, "--db", "l.sqlite"], in: folder.url)
      #expect(result.exitCode == 0, "\(command): \(result.stderr)")
      outputs.append((command, result.stdoutBytes))
    }
    for flags in [[], ["--bom", "--hxl"]] {
      let report = try Tally.run(["report", "--db", "l.sqlite", "--out", "r"] + flags, in: folder.url)
      #expect(report.exitCode == 0, "\(report.stderr)")
      for file in ["claims.csv", "daily.csv", "compare.csv", "findings.csv"] {
        outputs.append(("report \(flags) \(file)", try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.path("r/" + file))))))
      }
    }

    for (what, bytes) in outputs {
      #expect(bytes.count > 200, "\(what) is nearly empty: \(String(decoding: bytes, as: UTF8.self))")
      #expect(try Self.unguardedCells(bytes) == [], "\(what)")
    }
    // The hostile values did reach the files, guarded.
    let claims = try CSVReader.records(in: outputs[0].1)
    let cells = Set(claims.flatMap(\.fields))
    for expected in [
      "'=1+1.txt", "'+cmd.txt", "'-x.txt", "'@SUM(A1).txt", "'\tx.txt", "'\rx.txt", "'=HYPERLINK(\"http://x\")",
      "'=Evilstan", "'+Bluestan", "'-Redstan", "'@Greystan",
      "'=Evilstan Army", "'+Bluestan Army", "'-Redstan Army", "'@Greystan Army",
    ] {
      #expect(cells.contains(expected), "\(expected.debugDescription) not in the extract output")
    }

    // The chart: well-formed XML, no script element, the names kept as text.
    let svg = try String(contentsOfFile: folder.path("r/chart.svg"), encoding: .utf8)
    let document = try XMLDocument(xmlString: svg, options: [])
    #expect(try document.nodes(forXPath: "//*[local-name()='script']").isEmpty)
    let text = document.rootElement()?.stringValue ?? ""
    #expect(text.contains("<script>alert(1)</script>"))
    #expect(!svg.contains("<script"))
  }
}
