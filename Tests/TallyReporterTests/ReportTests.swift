import Foundation
import TallyCSV
import TallyExtractor
import TallyLedger
import TallyReporter
import Testing

@Suite("Reports: CSV, JSON and text")
struct ReportTests {
  static func sighting(_ id: Int64, _ name: String, _ source: String?, _ published: String?) -> Sighting {
    Sighting(documentID: id, document: name, source: source, published: published, quote: "q", start: 0, end: 1)
  }

  /// Armenia Defense Ministry: 16 killed as of 27 September, 84 as of 29 September in two documents.
  static let claims = [
    LedgerClaim(
      id: 1, claimant: "Armenia Defense Ministry", party: "Armenia", category: .killed, subject: "military", value: 16,
      low: 16, high: 16, qualifier: .exact, asOf: "2020-09-27", location: nil,
      sightings: [sighting(1, "reuters.txt", "Reuters", "2020-09-27")]),
    LedgerClaim(
      id: 2, claimant: "Armenia Defense Ministry", party: "Armenia", category: .killed, subject: "military", value: 84,
      low: 84, high: 84, qualifier: .exact, asOf: "2020-09-29", location: nil,
      sightings: [
        sighting(2, "armenpress.txt", "Armenpress", "2020-09-29"), sighting(3, "tass.txt", "TASS", "2020-09-30"),
      ]),
    LedgerClaim(
      id: 3, claimant: "Azerbaijan Defense Ministry", party: "Azerbaijan", category: .population, subject: "",
      value: 330_000, low: 330_001, high: nil, qualifier: .moreThan, asOf: "2020-10-04", location: "Ganja",
      sightings: [sighting(4, "presstv.txt", "Press TV", "2020-10-04")]),
    LedgerClaim(
      id: 4, claimant: "Hikmet Hajiyev", party: "Azerbaijan", category: .population, subject: "", value: 500_000,
      low: 500_001, high: nil, qualifier: .moreThan, asOf: "2020-10-05", location: "Ganja",
      sightings: [sighting(5, "windowofworld.txt", "Windowofworld.com", "2020-10-05")]),
  ]

  static let dailyRows = Reconciliation(claims: claims).daily(DailyFilter(to: PartialDate(iso: "2020-09-29")))

  @Test func dailyCSVBytes() {
    let bytes = Report.csv(Self.dailyRows)
    let expected =
      "date,party,category,subject,claimant,value,low,high,change,status,sources\r\n"
      + "2020-09-27,Armenia,killed,military,Armenia Defense Ministry,16,16,16,,reported,1\r\n"
      + "2020-09-28,Armenia,killed,military,Armenia Defense Ministry,16,16,16,0,carried,1\r\n"
      + "2020-09-29,Armenia,killed,military,Armenia Defense Ministry,84,84,84,68,reported,2\r\n"
    #expect(bytes == Array(expected.utf8))
    #expect(Report.render(Self.dailyRows, as: .csv) == bytes)
    #expect(
      Report.csv([DailyRow]())
        == Array("date,party,category,subject,claimant,value,low,high,change,status,sources\r\n".utf8))
  }

  @Test func dailyCSVCells() {
    #expect(
      Self.dailyRows[0].csvCells == [
        .text("2020-09-27"), .text("Armenia"), .text("killed"), .text("military"), .text("Armenia Defense Ministry"),
        .integer(16), .integer(16), .integer(16), .empty, .text("reported"), .integer(1),
      ])
  }

  @Test func dailyJSONParsesWithKeysInColumnOrder() throws {
    let text = Report.json(Self.dailyRows)
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    let objects = try #require(parsed as? [[String: Any]])
    #expect(objects.count == 3)
    #expect(objects[0]["date"] as? String == "2020-09-27")
    #expect(objects[0]["change"] is NSNull)
    #expect(objects[2]["change"] as? Int == 68)
    #expect(objects[2]["sources"] as? Int == 2)
    #expect(objects[1]["status"] as? String == "carried")
    expectKeysInOrder(text: Self.dailyRows[0].json, keys: DailyRow.columns)
    #expect(
      Self.dailyRows[0].json
        == "{\"date\":\"2020-09-27\",\"party\":\"Armenia\",\"category\":\"killed\",\"subject\":\"military\","
        + "\"claimant\":\"Armenia Defense Ministry\",\"value\":16,\"low\":16,\"high\":16,\"change\":null,"
        + "\"status\":\"reported\",\"sources\":1}")
    #expect(Report.json([DailyRow]()) == "[]\n")
    #expect(text.hasPrefix("[\n  {") && text.hasSuffix("}\n]\n"))
  }

  @Test func dailyTextTable() {
    let text = String(decoding: Report.render(Self.dailyRows, as: .text), as: UTF8.self)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[0].split(separator: " ").map(String.init) == DailyRow.columns)
    #expect(
      lines[2].contains("2020-09-28") && lines[2].contains("carried") && lines[2].contains("Armenia Defense Ministry"))
    #expect(lines[3].split(separator: " ").suffix(4) == ["84", "68", "reported", "2"])
    #expect(lines[4] == "3 rows")
  }

  @Test func compareCSVAndJSON() throws {
    let rows = Reconciliation(claims: Self.claims).compare()
    let csv = String(decoding: Report.csv(rows), as: UTF8.self)
    let lines = csv.components(separatedBy: "\r\n")
    #expect(
      lines[0]
        == "party,category,subject,location,claimant,value,low,high,qualifier,as_of,counts_as,sources,outlets,documents,"
        + "group_low,best,group_high,spread,basis,historical")
    #expect(
      lines[1]
        == "Armenia,killed,military,,Armenia Defense Ministry,84,84,84,exact,2020-09-29,84,2,Armenpress; TASS,"
        + "armenpress.txt; tass.txt,84,84,84,1.00,own,false")
    #expect(
      lines[2]
        == "Azerbaijan,population,,Ganja,Azerbaijan Defense Ministry,330000,330001,,more_than,2020-10-04,330001,1,"
        + "Press TV,presstv.txt,330001,330001,500001,1.52,median,false")
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(Report.json(rows).utf8)) as? [[String: Any]])
    #expect(objects.count == 3)
    #expect(objects[1]["spread"] as? Double == 1.52)
    #expect(objects[1]["historical"] as? Bool == false)
    #expect(objects[1]["high"] is NSNull)
    #expect(objects[1]["subject"] is NSNull)
    #expect(objects[0]["documents"] as? [String] == ["armenpress.txt", "tass.txt"])
    expectKeysInOrder(text: rows[0].json, keys: CompareRow.columns)
    let text = String(decoding: Report.render(rows, as: .text), as: UTF8.self)
    #expect(text.contains("more than 500,000"))
    #expect(text.contains("Hikmet Hajiyev"))
    #expect(text.hasSuffix("3 rows\n"))
  }

  @Test func findingsInEveryFormat() throws {
    let findings = Reconciliation(claims: Self.claims).findings()
    #expect(findings.map(\.kind) == [.conflict])
    let message =
      "Sources disagree on the population of Ganja: more than 330,000 (Press TV, 2020-10-04) vs "
      + "more than 500,000 (Windowofworld.com, 2020-10-05)."
    let csv = String(decoding: Report.render(findings, as: .csv), as: UTF8.self)
    #expect(
      csv
        == "kind,party,category,subject,location,claimant,figures,documents,message\r\n"
        + "conflict,Azerbaijan,population,,Ganja,Azerbaijan Defense Ministry; Hikmet Hajiyev,"
        + "more than 330,000 (Press TV, 2020-10-04) vs more than 500,000 (Windowofworld.com, 2020-10-05)"
        .quotedForCSV + ",presstv.txt; windowofworld.txt," + message.quotedForCSV + "\r\n")
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(Report.json(findings).utf8)) as? [[String: Any]])
    #expect(objects.first?["message"] as? String == message)
    #expect(objects.first?["documents"] as? [String] == ["presstv.txt", "windowofworld.txt"])
    #expect(objects.first?["subject"] is NSNull)
    expectKeysInOrder(text: findings[0].json, keys: Finding.columns)
    let text = String(decoding: Report.render(findings, as: .text), as: UTF8.self)
    #expect(
      text
        == "conflict: Azerbaijan, population, Ganja, Azerbaijan Defense Ministry; Hikmet Hajiyev\n  \(message)\n"
        + "  documents: presstv.txt, windowofworld.txt\n1 finding\n")
  }

  /// Checks that each key appears once, in the given order, as `"key":`.
  func expectKeysInOrder(text: String, keys: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    var position = text.startIndex
    for key in keys {
      guard let range = text.range(of: "\"\(key)\":", range: position..<text.endIndex) else {
        Issue.record("key \(key) missing or out of order in \(text)", sourceLocation: sourceLocation)
        return
      }
      position = range.upperBound
    }
  }
}

extension String {
  /// The text as a quoted CSV field.
  var quotedForCSV: String { "\"" + replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
