import Testing
import TallyExtractor
@testable import TallyLedger

@Suite struct ClaimKeyHashTests {
  @Test("Two claims sharing a key hash stay two claims, and each copy finds its own")
  func sharedHash() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    let first = Claim(
      document: "a", claimant: "X", party: "Y", category: .killed, subject: "military", value: 5, low: 5, high: 5,
      qualifier: .exact, asOf: "2021-01-01", quote: "5", start: 0, end: 1)
    var second = first
    second.value = 6
    second.quote = "6"
    func result(_ claims: [Claim], sha: String) -> DocumentResult {
      DocumentResult(claims: claims, metadata: DocumentMetadata(), byteCount: 1, sha256: sha)
    }
    try ledger.ingest(result([first], sha: "1"), name: "a.txt", path: nil)
    // The first claim now has the second's hash, as a collision would give it.
    try ledger.execute(sql: "UPDATE claim SET keyHash = \(ClaimKey.hash(ClaimKey.make(second)))")
    #expect(try ledger.ingest(result([second], sha: "2"), name: "b.txt", path: nil) == .new(claims: 1))
    // Copies of both: the look-up of the shared hash gives both claims, told apart by their fields.
    #expect(try ledger.ingest(result([second, first], sha: "3"), name: "c.txt", path: nil) == .new(claims: 0))
    let claims = try ledger.claims()
    #expect(claims.map(\.value) == [5, 6])
    #expect(claims.map { $0.sightings.map(\.document) } == [["a.txt", "c.txt"], ["b.txt", "c.txt"]])
  }

  @Test("The key hash computed field by field is the hash of the key text, for every kind of field")
  func hashOfClaimMatchesKeyText() {
    let base = Claim(
      document: "a", claimant: "Armenia Defence Ministry", party: "Armenia", category: .killed, subject: "military",
      value: 209, low: 209, high: 209, qualifier: .exact, asOf: "2020-10-04", quote: "209", start: 0, end: 3)
    var claims = [base]
    for (claimant, party) in [(nil, nil), ("", ""), ("Füzuli’s mayor", "Azərbaycan"), ("e\u{301}", "\u{E9}"), ("a\0b", "\0")] {
      var claim = base
      claim.claimant = claimant
      claim.party = party
      claims.append(claim)
    }
    for (value, low, high) in [(0, nil, nil), (-14, -20, nil), (Int64.max, nil, Int64.max), (Int64.min, Int64.min, 7)] as [(Int64, Int64?, Int64?)] {
      var claim = base
      claim.value = value
      claim.low = low
      claim.high = high
      claim.qualifier = .range
      claim.location = "Ganja"
      claim.asOf = nil
      claim.subject = ""
      claims.append(claim)
    }
    for claim in claims {
      #expect(ClaimKey.hash(of: claim) == ClaimKey.hash(ClaimKey.make(claim)), "\(ClaimKey.make(claim))")
    }
  }
}
