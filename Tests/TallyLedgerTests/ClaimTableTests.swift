import Testing
import TallyExtractor
@testable import TallyLedger

@Suite struct ClaimTableTests {
  /// A ledger with two outlets carrying one figure, plus a document with two figures.
  func ledger(_ scratch: Scratch) throws -> Ledger {
    let ledger = try scratch.ledger()
    try Articles.ingest(try scratch.write("b/valley.txt", Articles.valleyHerald), into: ledger)
    try Articles.ingest(try scratch.write("a/harbour.txt", Articles.harbourPost), into: ledger)
    try Articles.ingest(
      try scratch.write(
        "delta.txt",
        """
        ---
        source: Delta Times
        published: 2021-04-02
        ---
        Sudan's army said 14 soldiers were killed and 30 wounded in clashes near Kadugli on Thursday.

        """), into: ledger)
    return ledger
  }

  @Test("a table loaded with details holds what SQL reads from the claimText view and the sightings, in SQL's order")
  func loadedTableMatchesSQL() throws {
    let scratch = try Scratch()
    let ledger = try ledger(scratch)
    let claims = try ledger.claimTable(details: true).claims()
    #expect(claims.contains { $0.sightings.count == 2 })
    let fields = try ledger.strings(
      sql: """
        SELECT id || '|' || coalesce(claimant, '-') || '|' || coalesce(party, '-') || '|' || category || '|' || subject
          || '|' || value || '|' || coalesce(low, '-') || '|' || coalesce(high, '-') || '|' || qualifier
          || '|' || coalesce(asOf, '-') || '|' || coalesce(location, '-')
        FROM claimText ORDER BY id
        """)
    #expect(
      claims.map { c in
        [String(c.id), c.claimant ?? "-", c.party ?? "-", c.category.rawValue, c.subject, String(c.value),
          c.low.map(String.init) ?? "-", c.high.map(String.init) ?? "-", c.qualifier.rawValue, c.asOf ?? "-",
          c.location ?? "-"].joined(separator: "|")
      } == fields)
    let sightings = try ledger.strings(
      sql: """
        SELECT s.claimId || '|' || s.documentId || '|' || d.name || '|' || coalesce(d.source, '-') || '|'
          || coalesce(d.published, '-') || '|' || s.quote || '|' || s.start || '|' || s."end"
        FROM sighting s JOIN document d ON d.id = s.documentId
        ORDER BY s.claimId, d.published IS NULL, d.published, d.name, s.start
        """)
    #expect(
      claims.flatMap { c in
        c.sightings.map { s in
          "\(c.id)|\(s.documentID)|\(s.document)|\(s.source ?? "-")|\(s.published ?? "-")|\(s.quote)|\(s.start)|\(s.end)"
        }
      } == sightings)
    for party in Set(claims.compactMap(\.party)) {
      #expect(try ledger.claimTable(party: party, details: true).claims() == claims.filter { $0.party == party })
    }
    #expect(try ledger.claimTable(category: .wounded, details: true).claims() == claims.filter { $0.category == .wounded })
  }

  @Test("without details the sightings have no quotes, and everything else is the same")
  func tableWithoutDetails() throws {
    let scratch = try Scratch()
    let ledger = try ledger(scratch)
    let table = try ledger.claimTable()
    #expect(!table.hasDetails)
    let stripped = try ledger.claims().map { claim in
      var claim = claim
      claim.sightings = claim.sightings.map { sighting in
        var sighting = sighting
        sighting.quote = ""
        sighting.end = sighting.start
        return sighting
      }
      return claim
    }
    #expect(table.claims() == stripped)
  }

  @Test("a table built from claims keeps their order, their sightings' order and their strings")
  func roundTrip() throws {
    let scratch = try Scratch()
    let claims = try ledger(scratch).claims().reversed().map { claim in
      var claim = claim
      claim.sightings.reverse()
      return claim
    }
    let table = ClaimTable(Array(claims))
    #expect(table.count == claims.count)
    #expect(table.hasDetails)
    #expect(table.claims() == Array(claims))
    #expect(Reconciliation(claims: Array(claims)).claims == Array(claims))
  }
}
