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
}
