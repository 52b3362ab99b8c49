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

  @Test("a table loaded with details gives back exactly the claims of Ledger.claims()")
  func loadedTableMatchesClaims() throws {
    let scratch = try Scratch()
    let ledger = try ledger(scratch)
    let claims = try ledger.claims()
    #expect(claims.contains { $0.sightings.count == 2 })
    #expect(try ledger.claimTable(details: true).claims() == claims)
    for party in Set(claims.compactMap(\.party)) {
      #expect(try ledger.claimTable(party: party, details: true).claims() == ledger.claims(party: party))
    }
    #expect(try ledger.claimTable(category: .wounded, details: true).claims() == ledger.claims(category: .wounded))
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
