import Foundation
import FoundationXML
import TallyExtractor
import TallyLedger
import TallyReporter
import Testing

@Suite("The chart: chart.svg")
struct ChartTests {
  /// The chart parsed as XML, with a helper to find elements by name whatever their namespace.
  struct Parsed {
    let document: XMLDocument

    init(_ svg: String) throws {
      document = try XMLDocument(xmlString: svg, options: [])
    }

    func elements(_ name: String) throws -> [XMLElement] {
      try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }

    func texts(class className: String) throws -> [String] {
      try elements("text").filter { $0.value("class") == className }.map { $0.stringValue ?? "" }
    }
  }

  @Test func rootIs1000By600() throws {
    let root = try #require(
      try Parsed(Chart.svg(SampleLedger.reconciliation, from: nil, to: nil)).document.rootElement())
    #expect(root.name == "svg")
    #expect(root.value("viewBox") == "0 0 1000 600")
    #expect(root.value("width") == "1000")
    #expect(root.value("height") == "600")
  }

  /// The worked example: four series over four days, with axes, legend, title and source count.
  @Test func workedExampleStructure() throws {
    let svg = Chart.svg(Reconciliation(claims: WorkedExample.claims), from: nil, to: nil)
    let parsed = try Parsed(svg)
    let lines = try parsed.elements("polyline")
    #expect(lines.count == 4)
    #expect(try parsed.elements("path").isEmpty)
    // Each series passes through every day from its first: 4, 1, 1 and 3 points.
    let points = lines.map { ($0.value("points") ?? "").split(separator: " ").count }
    #expect(points == [4, 1, 1, 3])
    #expect(Set(lines.compactMap { $0.value("stroke") }).count == 4)
    #expect(try parsed.texts(class: "date-label") == ["2020-09-27", "2020-09-28", "2020-09-29", "2020-09-30"])
    #expect(try parsed.texts(class: "value-label") == ["0", "1,000", "2,000", "3,000", "4,000", "5,000"])
    #expect(
      try parsed.texts(class: "legend") == [
        "Armenia, killed, military: Armenia Defense Ministry", "Armenia, killed, military: Azerbaijan Defense Ministry",
        "Armenia, killed, military: Ilham Aliyev", "Armenia, wounded, civilian: Armenia",
      ])
    #expect(try parsed.texts(class: "end-label").sorted() == ["2,300", "35", "5,000", "84"])
    let texts = try parsed.elements("text").map { $0.stringValue ?? "" }
    #expect(texts.contains("Reported killed and wounded, cumulative"))
    #expect(texts.contains("4 documents from 4 outlets"))
    // A marker on each reported day: 27 and 29, 30, 30, 28 and 30.
    let markers = try parsed.elements("circle").filter { $0.value("class") == "marker" }
    #expect(markers.count == 6)
  }

  /// The sample articles report killed figures for one day only: points, one per series.
  @Test func singleDayDrawsPoints() throws {
    let parsed = try Parsed(Chart.svg(SampleLedger.reconciliation, from: nil, to: nil))
    #expect(try parsed.elements("polyline").count == 3)
    let markers = try parsed.elements("circle").filter { $0.value("class") == "marker" }
    #expect(markers.count == 3)
    #expect(markers.allSatisfy { $0.value("r") == "6" })
    #expect(Set(markers.compactMap { $0.value("cx") }) == ["508.0"])  // the middle of the plot, 96 to 920
    #expect(try parsed.texts(class: "date-label") == ["2020-10-04"])
    #expect(try parsed.texts(class: "value-label") == ["0", "50", "100", "150", "200", "250"])
    #expect(
      try parsed.texts(class: "legend") == [
        "Armenia, killed, civilian: Armenia", "Armenia, killed, military: Armenia",
        "Azerbaijan, killed, civilian: Azerbaijan",
      ])
    #expect(try parsed.elements("text").contains { $0.stringValue == "2 documents from 2 outlets" })
  }

  @Test func fromAndToClipTheDays() throws {
    let svg = Chart.svg(
      Reconciliation(claims: WorkedExample.claims), from: PartialDate(iso: "2020-09-28"),
      to: PartialDate(iso: "2020-09-29"))
    let parsed = try Parsed(svg)
    #expect(try parsed.texts(class: "date-label") == ["2020-09-28", "2020-09-29"])
    #expect(try parsed.elements("polyline").count == 2)
  }

  @Test func noData() throws {
    for claims in [[], SampleLedger.claims.filter { $0.category != .killed }] {
      let parsed = try Parsed(Chart.svg(Reconciliation(claims: claims), from: nil, to: nil))
      #expect(try parsed.elements("polyline").isEmpty)
      #expect(try parsed.elements("text").contains { $0.stringValue == "No killed or wounded figures yet" })
      #expect(parsed.document.rootElement()?.value("viewBox") == "0 0 1000 600")
    }
  }

  /// Names are text, never markup.
  @Test func hostileNamesAreEscaped() throws {
    let document = FixtureDocument(id: 1, name: "<b>.txt", source: "<script>alert(1)</script>", published: "2020-10-04")
    var fixture = ClaimFixture()
    fixture.add(
      "<script>alert(1)</script>", .killed, "military", by: "Tom & Jerry \"Q\" 'x'", 5, asOf: "2020-10-03", in: document
    )
    fixture.add(
      "<script>alert(1)</script>", .killed, "military", by: "Tom & Jerry \"Q\" 'x'", 9, asOf: "2020-10-04", in: document
    )
    let svg = Chart.svg(Reconciliation(claims: fixture.claims), from: nil, to: nil)
    #expect(!svg.contains("<script"))
    #expect(
      svg.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt;, killed, military: Tom &amp; Jerry &quot;Q&quot; &apos;x&apos;"))
    let parsed = try Parsed(svg)
    #expect(try parsed.elements("script").isEmpty)
    #expect(try parsed.texts(class: "legend") == ["<script>alert(1)</script>, killed, military: Tom & Jerry \"Q\" 'x'"])
    let titles = try parsed.elements("title").compactMap(\.stringValue)
    #expect(titles.contains("<script>alert(1)</script>, killed, military: Tom & Jerry \"Q\" 'x': 9 on 2020-10-04"))
  }

  /// Many series: colours repeat with a dash after ten, and the legend stops at twelve entries.
  @Test func manySeries() throws {
    var fixture = ClaimFixture()
    let document = FixtureDocument(id: 1, name: "a.txt", source: "A", published: "2020-10-04")
    for index in 0..<14 {
      fixture.add(
        "Armenia", .killed, "military", by: "Claimant \(index + 10)", Int64(index + 1), asOf: "2020-10-04", in: document
      )
    }
    let parsed = try Parsed(Chart.svg(Reconciliation(claims: fixture.claims), from: nil, to: nil))
    let lines = try parsed.elements("polyline")
    #expect(lines.count == 14)
    #expect(lines.filter { $0.value("stroke-dasharray") != nil }.count == 4)
    let legend = try parsed.texts(class: "legend")
    #expect(legend.count == 12)
    #expect(legend.last == "and 3 more series")
  }

  /// The chart renders to a 1000×600 PNG with rsvg-convert (package librsvg2-bin).
  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert"),
      "needs /usr/bin/rsvg-convert (librsvg2-bin)"))
  func rendersToPNG() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-chart-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let svgURL = folder.appendingPathComponent("chart.svg")
    let pngURL = folder.appendingPathComponent("chart.png")
    try Data(Chart.svg(Reconciliation(claims: WorkedExample.claims), from: nil, to: nil).utf8).write(to: svgURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/rsvg-convert")
    process.arguments = ["--format", "png", "--output", pngURL.path, svgURL.path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let png = try [UInt8](Data(contentsOf: pngURL))
    try #require(png.count > 24)
    #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(Array(png[12..<16]) == Array("IHDR".utf8))
    func bigEndian(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    #expect(bigEndian(16) == 1000)
    #expect(bigEndian(20) == 600)
  }
}

extension XMLElement {
  /// The value of an attribute. (`attribute(forName:)` finds nothing on an element in the SVG
  /// namespace with swift-corelibs-foundation, so the attributes are searched by name.)
  func value(_ name: String) -> String? {
    attributes?.first { $0.name == name }?.stringValue
  }
}

@Suite("The chart, streamed")
struct ChartStreamTests {
  /// `writeSVG` hands over the text of `svg` in pieces, none held much beyond 64 KB.
  @Test func piecesMakeTheWholeChart() {
    var fixture = ClaimFixture()
    let document = FixtureDocument(id: 1, name: "a.txt", source: "A", published: "2020-10-30")
    for claimant in 0..<60 {
      for day in 1...30 {
        fixture.add(
          "Armenia", .killed, "military", by: "Claimant \(claimant)", Int64(day * 10 + claimant),
          asOf: "2020-10-\(day < 10 ? "0" : "")\(day)", in: document)
      }
    }
    let reconciliation = Reconciliation(claims: fixture.claims)
    var pieces: [String] = []
    Chart.writeSVG(reconciliation, from: nil, to: nil) { pieces.append($0) }
    #expect(pieces.count > 1)
    #expect(pieces.joined() == Chart.svg(reconciliation, from: nil, to: nil))
    #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 && $0.utf8.count < 1 << 17 })
  }
}
