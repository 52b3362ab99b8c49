import Foundation
import TallyExtractor
import Testing

@testable import TallyLedger

@Suite("Ledger ingest")
struct LedgerIngestTests {
  static let sudanArmy = """
    ---
    source: Delta Times
    published: 2021-04-02
    ---
    Fighting spread to the northern farms on Thursday. The Sudanese army said on Thursday that 14 soldiers were killed and 30 were wounded near Kadugli.

    """

  @Test("A new document, then the same bytes again: unchanged, nothing written")
  func idempotentReingest() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let path = try scratch.write("delta.txt", Self.sudanArmy)
    #expect(try Articles.ingest(path, into: ledger) == .new(claims: 2))
    let documents = try ledger.documents()
    #expect(try Articles.ingest(path, into: ledger) == .unchanged)
    #expect(try ledger.documentCount() == 1)
    #expect(try ledger.claimCount() == 2)
    #expect(try ledger.sightingCount() == 2)
    #expect(try ledger.documents() == documents)
  }

  @Test("The document row: name, SHA-256 of the bytes, absolute path, metadata, kind, size, UTC time")
  func documentRow() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let path = try scratch.write("delta.txt", Self.sudanArmy)
    try Articles.ingest(path, into: ledger)
    let document = try #require(try ledger.documents().first)
    #expect(document.name == "delta.txt")
    #expect(document.sha256 == SHA256.hex(of: Array(Self.sudanArmy.utf8)))
    #expect(document.path == URL(fileURLWithPath: path).standardizedFileURL.path)
    #expect(document.source == "Delta Times")
    #expect(document.published == "2021-04-02")
    #expect(document.url == nil)
    #expect(document.kind == "article")
    #expect(document.byteCount == Int64(Self.sudanArmy.utf8.count))
    #expect(document.ingestedAt.count == 20 && document.ingestedAt.hasSuffix("Z"))
  }

  @Test("An edited document replaces its claims; a figure it keeps keeps its claim id")
  func editedDocument() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let path = try scratch.write("delta.txt", Self.sudanArmy)
    try Articles.ingest(path, into: ledger)
    let before = try ledger.claims()
    #expect(before.map(\.value) == [14, 30])

    try scratch.write("delta.txt", Self.sudanArmy.replacingOccurrences(of: "14 soldiers", with: "19 soldiers"))
    #expect(try Articles.ingest(path, into: ledger) == .updated(claims: 1))
    let after = try ledger.claims()
    #expect(after.map(\.value) == [30, 19])
    #expect(after[0].id == before[1].id)
    #expect(after[1].sightings.map(\.quote) == ["19 soldiers were killed"])
    #expect(try ledger.documentCount() == 1)
    #expect(try ledger.sightingCount() == 2)
  }

  @Test("An edit that drops a figure another outlet still carries keeps that claim")
  func editKeepsSharedClaim() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let post = try scratch.write("post.txt", Articles.harbourPost)
    let herald = try scratch.write("herald.txt", Articles.valleyHerald)
    try Articles.ingest(post, into: ledger)
    try Articles.ingest(herald, into: ledger)
    try scratch.write("post.txt", "---\nsource: Harbour Post\n---\nThe port was quiet on Sunday.\n")
    #expect(try Articles.ingest(post, into: ledger) == .updated(claims: 0))
    let claims = try ledger.claims()
    #expect(claims.count == 1)
    #expect(claims[0].sightings.map(\.document) == ["herald.txt"])
  }

  @Test("Syndicated copies: one claim, two sightings, oldest publication first")
  func syndication() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    // Ingest the later outlet first: sightings are still ordered by publication date.
    let herald = try scratch.write("herald.txt", Articles.valleyHerald)
    let post = try scratch.write("post.txt", Articles.harbourPost)
    #expect(try Articles.ingest(herald, into: ledger) == .new(claims: 1))
    #expect(try Articles.ingest(post, into: ledger) == .new(claims: 0))
    let claims = try ledger.claims()
    #expect(claims.count == 1)
    let claim = try #require(claims.first)
    #expect(claim.claimant == "South Sudan Health Ministry")
    #expect(claim.party == "South Sudan")
    #expect(claim.category == .killed)
    #expect(claim.subject == "civilian")
    #expect(claim.value == 37)
    #expect(claim.low == 37)
    #expect(claim.high == 37)
    #expect(claim.qualifier == .exact)
    #expect(claim.asOf == "2021-03-13")
    #expect(claim.location == nil)
    #expect(claim.sightings.map(\.document) == ["post.txt", "herald.txt"])
    #expect(claim.sightings.map(\.source) == ["Harbour Post", "Valley Herald"])
    #expect(claim.sightings.map(\.published) == ["2021-03-14", "2021-03-15"])
    #expect(claim.sightings.map(\.quote) == ["37 civilians were killed", "37 civilians were killed"])
    let postBytes = Array(Articles.harbourPost.utf8)
    let first = claim.sightings[0]
    #expect(String(decoding: postBytes[first.start..<first.end], as: UTF8.self) == "37 civilians were killed")
  }

  @Test("A different as-of date or qualifier is a different claim")
  func keyFields() {
    let base = Claim(
      document: "a", claimant: "X", party: "Y", category: .killed, subject: "military", value: 5, low: 5, high: 5,
      qualifier: .exact, asOf: "2021-01-01", quote: "5", start: 0, end: 1)
    var otherDay = base
    otherDay.asOf = "2021-01-02"
    var otherQualifier = base
    otherQualifier.qualifier = .about
    var otherQuote = base
    otherQuote.quote = "five"
    otherQuote.document = "b"
    otherQuote.source = "Z"
    #expect(ClaimKey.make(base) == "X\u{1F}Y\u{1F}killed\u{1F}military\u{1F}\u{1F}2021-01-01\u{1F}5\u{1F}5\u{1F}5\u{1F}exact")
    #expect(ClaimKey.make(base) != ClaimKey.make(otherDay))
    #expect(ClaimKey.make(base) != ClaimKey.make(otherQualifier))
    #expect(ClaimKey.make(base) == ClaimKey.make(otherQuote))
  }

  @Test("claims(party:category:) filters, in id order; the sample articles round-trip")
  func filters() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let folder = root.appendingPathComponent("data/articles").path
    var corpus = CorpusReader(reader: Articles.reader)
    var extracted: [Claim] = []
    let errors = try corpus.read([folder]) { input, result in
      extracted += result.claims
      try ledger.ingest(result, from: input)
    }
    #expect(errors.isEmpty)
    let all = try ledger.claims()
    #expect(all.map(\.id) == all.map(\.id).sorted())
    #expect(all.reduce(0) { $0 + $1.sightings.count } == extracted.count)
    #expect(Set(all.map { ClaimKey.make(claimant: $0.claimant, party: $0.party, category: $0.category, subject: $0.subject, location: $0.location, asOf: $0.asOf, value: $0.value, low: $0.low, high: $0.high, qualifier: $0.qualifier) }) == Set(extracted.map(ClaimKey.make)))
    let armeniaKilled = try ledger.claims(party: "Armenia", category: .killed)
    #expect(!armeniaKilled.isEmpty)
    #expect(armeniaKilled == all.filter { $0.party == "Armenia" && $0.category == .killed })
    #expect(try ledger.claims(category: .population) == all.filter { $0.category == .population })
    #expect(try ledger.claims(party: "Atlantis").isEmpty)
  }

  @Test("Standard input is named stdin- and the first 12 hex digits of its SHA-256")
  func standardInputName() {
    let sha = "0123456789abcdef" + String(repeating: "0", count: 48)
    #expect(Ledger.documentName(for: .standardInput, sha256: sha) == "stdin-0123456789ab")
    #expect(Ledger.documentName(for: .file("a/b/report.txt"), sha256: sha) == "report.txt")
  }

  @Test("The schema: named migrations, WAL, foreign keys, integrity")
  func schema() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    #expect(try ledger.strings(sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
      == ["v1-documents-claims-sightings", "v1-imported-figures", "v2-claim-key-hash", "v3-labels"])
    #expect(try ledger.strings(sql: "PRAGMA journal_mode") == ["wal"])
    #expect(try ledger.strings(sql: "PRAGMA foreign_keys") == ["1"])
    #expect(try ledger.strings(sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      == ["claim_on_keyHash", "claim_on_party_category", "importedFigure_on_claimId", "sighting_on_documentId"])
    #expect(try ledger.integrityCheck() == "ok")
  }

  @Test("The summary line")
  func summaryLine() {
    var summary = IngestSummary()
    summary.add(.new(claims: 3))
    summary.add(.unchanged)
    summary.add(.updated(claims: 2))
    summary.failed = 1
    #expect(summary.line == "ingested 4 documents: 1 new, 1 unchanged, 1 updated, 1 failed; 5 claims added")
    var one = IngestSummary()
    one.add(.new(claims: 1))
    #expect(one.line == "ingested 1 document: 1 new, 0 unchanged, 0 updated, 0 failed; 1 claim added")
  }

  @Test("Ledger location: --db, then TALLY_DB, then data/ledger.sqlite")
  func location() {
    #expect(LedgerLocation.resolve(db: "x.sqlite", environment: ["TALLY_DB": "y.sqlite"]) == "x.sqlite")
    #expect(LedgerLocation.resolve(db: nil, environment: ["TALLY_DB": "y.sqlite"]) == "y.sqlite")
    #expect(LedgerLocation.resolve(db: nil, environment: ["TALLY_DB": ""]) == "data/ledger.sqlite")
    #expect(LedgerLocation.resolve(db: nil, environment: [:]) == "data/ledger.sqlite")
  }
}
