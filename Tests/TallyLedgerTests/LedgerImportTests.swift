import Foundation
import TallyExtractor
import Testing

@testable import TallyLedger

@Suite("Ledger import")
struct LedgerImportTests {
  static let header =
    "document,source,published,claimant,party,category,subject,value,low,high,qualifier,as_of,location,quote,start,end\n"

  @Test("Good rows: one import document per document value, deduplicated claims, imported figures")
  func goodRows() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let csv = try scratch.write(
      "manual.csv",
      Self.header
        + "manual,Analyst Desk,2021-03-20,South Sudan Health Ministry,South Sudan,killed,civilian,37,37,37,exact,2021-03-13,,37 civilians were killed,,\n"
        + "manual,Analyst Desk,2021-03-20,UNHCR,South Sudan,displaced,unspecified,12000,12001,,more_than,2021-03,,\"more than 12,000 people, \"\"mostly\"\" women\",10,52\n"
        + "field-notes,,,,Ganja,population,,330000,330001,,more_than,2020,Ganja,'=a city of more than 330000,0,28\n")
    let outcome = try ledger.importFigures(path: csv)
    #expect(outcome == ImportOutcome(figures: 3, newClaims: 3, newDocuments: 2))
    #expect(outcome.line(file: "manual.csv") == "imported 3 figures from manual.csv (3 new claims)")
    let documents = try ledger.documents()
    #expect(documents.map(\.name) == ["manual", "field-notes"])
    #expect(documents.map(\.kind) == ["import", "import"])
    #expect(documents.map(\.source) == ["Analyst Desk", nil])
    #expect(documents.map(\.published) == ["2021-03-20", nil])
    #expect(documents[0].sha256 == SHA256.hex(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: csv)))))
    let claims = try ledger.claims()
    #expect(claims.map(\.value) == [37, 12000, 330000])
    #expect(claims[1].qualifier == .moreThan)
    #expect(claims[1].low == 12001)
    #expect(claims[1].high == nil)
    #expect(claims[1].asOf == "2021-03")
    #expect(claims[1].sightings.map(\.quote) == ["more than 12,000 people, \"mostly\" women"])
    #expect(claims[1].sightings.map(\.start) == [10])
    #expect(claims[2].claimant == nil)
    #expect(claims[2].subject == "")
    #expect(claims[2].location == "Ganja")
    // The spreadsheet guard `'=` is stripped.
    #expect(claims[2].sightings.map(\.quote) == ["=a city of more than 330000"])
    #expect(claims[0].sightings.map(\.start) == [0])
    #expect(try ledger.importedFigureCount() == 3)

    // The same file again: nothing new.
    #expect(try ledger.importFigures(path: csv) == ImportOutcome(figures: 3, newClaims: 0, newDocuments: 0))
    #expect(try ledger.claimCount() == 3)
    #expect(try ledger.sightingCount() == 3)
    #expect(try ledger.importedFigureCount() == 3)
    #expect(try ledger.documentCount() == 2)
  }

  @Test("An imported figure equal to an ingested one is the same claim, with a second sighting")
  func importMeetsIngest() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let post = try scratch.write("post.txt", Articles.harbourPost)
    try Articles.ingest(post, into: ledger)
    let csv = try scratch.write(
      "manual.csv",
      Self.header
        + "manual,,2021-03-20,South Sudan Health Ministry,South Sudan,killed,civilian,37,37,37,exact,2021-03-13,,,,\n")
    #expect(try ledger.importFigures(path: csv).newClaims == 0)
    let claims = try ledger.claims()
    #expect(claims.count == 1)
    #expect(claims[0].sightings.map(\.document) == ["post.txt", "manual"])
    // An edit of the article that drops the figure keeps the claim: an analyst vouches for it.
    try scratch.write("post.txt", "The port was quiet.\n")
    #expect(try Articles.ingest(post, into: ledger) == .updated(claims: 0))
    #expect(try ledger.claims().map(\.value) == [37])
  }

  @Test("One bad row rejects the whole file, with its line number")
  func oneBadRow() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let csv = try scratch.write(
      "manual.csv",
      Self.header
        + "manual,,,,Armenia,killed,military,209,209,209,exact,2020-10-04,,,,\n"
        + "manual,,,,Armenia,kiled,military,210,210,210,exact,2020-10-05,,,,\n"
        + "manual,,,,Armenia,killed,military,211,211,211,exact,2020-10-06,,,,\n")
    #expect(throws: ImportError.badRows(path: csv, rows: [.init(line: 3, reason: "category `kiled` is not one of killed, wounded, casualties, missing, captured, displaced, population, destroyed, seized")])) {
      try ledger.importFigures(path: csv)
    }
    do {
      try ledger.importFigures(path: csv)
    } catch {
      #expect(
        "\(error)"
          == "\(csv): 1 bad row, nothing imported; fix it and import the file again:\n"
          + "line 3: category `kiled` is not one of killed, wounded, casualties, missing, captured, displaced, population, destroyed, seized")
    }
    #expect(try ledger.documentCount() == 0)
    #expect(try ledger.claimCount() == 0)
    #expect(try ledger.importedFigureCount() == 0)
  }

  @Test("Every bad row and every reason is reported")
  func everyReason() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let csv = try scratch.write(
      "bad.csv",
      Self.header
        + ",,2020-02-30,,,killed,,x,,,exactly,2020-13,,,,\n"
        + "m,,,,,killed,,99999999999999999999,20,10,exact,,,,9,3\n"
        + "m,,,,,killed,,-5,,,exact,2020-1,,,1.5,\n"
        + "m,,,,,killed,,5\n"
        + "m,,,,,killed,,5,,,exact,2019-02-29,,,,\n")
    #expect(throws: ImportError.badRows(path: csv, rows: [
      .init(line: 2, reason: "document is empty; name the figures' document, e.g. manual; published `2020-02-30` is not a valid YYYY-MM-DD date; value `x` is not a whole number (digits only); qualifier `exactly` is not one of exact, more_than, at_least, up_to, about, range, vague; as_of `2020-13` is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)"),
      .init(line: 3, reason: "value `99999999999999999999` is larger than 9223372036854775807; low 20 is greater than high 10; start 9 is after end 3"),
      .init(line: 4, reason: "value `-5` is not a whole number (digits only); as_of `2020-1` is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY); start `1.5` is not a whole number (digits only)"),
      .init(line: 5, reason: "expected 16 fields, found 8"),
      .init(line: 6, reason: "as_of `2019-02-29` is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ])) {
      try ledger.importFigures(path: csv)
    }
    #expect(try ledger.documentCount() == 0)
  }

  @Test("A wrong header, a stray quote, a missing file")
  func fileErrors() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let wrong = try scratch.write("wrong.csv", "doc,value\nm,5\n")
    #expect(throws: ImportError.malformed(path: wrong, reason: "line 1: expected header `\(Claim.columns.joined(separator: ","))`, found `doc,value`")) {
      try ledger.importFigures(path: wrong)
    }
    let stray = try scratch.write("stray.csv", Self.header + "m,a\"b,,,,killed,,5,,,exact,,,,,\n")
    #expect(throws: ImportError.self) { try ledger.importFigures(path: stray) }
    #expect(throws: ImportError.cannotRead(path: scratch.path("none.csv"), reason: "no such file")) {
      try ledger.importFigures(path: scratch.path("none.csv"))
    }
  }

  @Test("A document name taken by an ingested article is refused")
  func nameTakenByArticle() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    try Articles.ingest(try scratch.write("post.txt", Articles.harbourPost), into: ledger)
    let csv = try scratch.write("m.csv", Self.header + "post.txt,,,,,killed,,5,,,exact,,,,,\n")
    #expect(throws: ImportError.badRows(path: csv, rows: [.init(line: 2, reason: "document `post.txt` is an ingested article; give imported figures a document name of their own")])) {
      try ledger.importFigures(path: csv)
    }
    #expect(try ledger.claimCount() == 1)
  }

  @Test("The claims.csv of a report: a trailing sightings column (recounted) and an HXL row (skipped)")
  func reportClaimsFile() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let header = String(Self.header.dropLast()) + ",sightings\n"
    let hxl =
      "#meta+document,#meta+source,#date+published,#org+claimant,#group+party,#indicator+category,#indicator+subject,"
      + "#affected+num,#affected+num+min,#affected+num+max,#meta+qualifier,#date+occurred,#loc+name,#description+quote,"
      + "#meta+offset+start,#meta+offset+end,#meta+sightings\n"
    let csv = try scratch.write(
      "claims.csv",
      "\u{FEFF}" + header + hxl
        + "a.txt,Wire,2021-03-20,,Chad,killed,civilian,12,12,12,exact,2021-03-19,,12 killed,3,11,7\n"
        + "b.txt,Post,2021-03-21,,Chad,killed,civilian,12,12,12,exact,2021-03-19,,twelve killed,0,13,\n")
    #expect(try ledger.importFigures(path: csv) == ImportOutcome(figures: 2, newClaims: 1, newDocuments: 2))
    let claims = try ledger.claims()
    #expect(claims.count == 1)
    #expect(claims[0].sightings.map(\.document) == ["a.txt", "b.txt"])
    #expect(claims[0].sightings.map(\.start) == [3, 0])
    // A 17-field row needs the sightings header; a 16-field row under it is one field short.
    let short = try scratch.write("short.csv", header + "c.txt,,,,Chad,killed,civilian,1,,,exact,,,one,0,3\n")
    #expect(throws: ImportError.badRows(path: short, rows: [.init(line: 2, reason: "expected 17 fields, found 16")])) {
      try ledger.importFigures(path: short)
    }
    // A second row that is only partly hashtags is a figure row, checked as such.
    let mixed = try scratch.write("mixed.csv", Self.header + "#d,,,,Chad,killed,civilian,1,,,exact,,,one,0,3\n")
    #expect(try ledger.importFigures(path: mixed) == ImportOutcome(figures: 1, newClaims: 1, newDocuments: 1))
  }
}
