import Testing
import TallyExtractor
@testable import TallyLedger

@Suite struct IngestBatchTests {
  /// A one-byte document named `name` with one claim.
  func document(_ number: Int) -> (DocumentResult, InputFile) {
    let claim = Claim(
      document: "d\(number).txt", claimant: "Officials", party: "Sudan", category: .killed, subject: "military",
      value: Int64(number), low: Int64(number), high: Int64(number), qualifier: .exact, asOf: "2021-04-01",
      quote: "\(number) killed", start: 0, end: 8)
    let result = DocumentResult(claims: [claim], metadata: DocumentMetadata(), byteCount: 1, sha256: "sha-\(number)")
    return (result, .file("/corpus/d\(number).txt"))
  }

  @Test("Batches start small and double up to the cap; every document is stored once, in order")
  func batchesGrow() throws {
    let scratch = try Scratch()
    let ledger = try scratch.ledger()
    var batch = IngestBatch(ledger: ledger)
    batch.firstBatchBytes = 1
    batch.maxBytes = 4
    batch.maxDelay = 3600
    var returned: [Int] = []
    var stored: [String] = []
    for number in 1...10 {
      let (result, input) = document(number)
      let done = try batch.add(result, from: input)
      returned.append(done.count)
      stored += done.map(\.input.documentName)
    }
    // Batches of 1, 2 and 4 documents (one byte each) are started at the 1st, 3rd and 7th; each
    // is handed back when the next one starts, the rest by flush.
    #expect(returned == [0, 0, 1, 0, 0, 0, 2, 0, 0, 0])
    let flushed = try batch.flush()
    #expect(flushed.map(\.outcome) == Array(repeating: .new(claims: 1), count: 7))
    stored += flushed.map(\.input.documentName)
    #expect(stored == (1...10).map { "d\($0).txt" })
    #expect(try ledger.documents().map(\.name) == stored)
    #expect(try ledger.claims().map(\.value) == Array(1...10))
  }
}

@Suite struct AbsolutePathsTests {
  @Test("Paths standardized once per folder are those standardized whole", arguments: [
    "x.txt", "./x.txt", "a/../x.txt", "/tmp/x.txt", "/tmp//x.txt", "a/b/./c/x.txt", "../x.txt", "/x.txt",
    "a/.", "a/..", "a/", "/", "a//b/../../x.txt", "dir.d/x y.txt", "/tmp/./../tmp/x.txt", "Füzuli/ünï.txt",
  ])
  func sameAsWhole(_ path: String) {
    var paths = AbsolutePaths()
    #expect(paths.path(of: .file(path)) == Ledger.absolutePath(of: .file(path)))
    // Again from the cache of its folder.
    #expect(paths.path(of: .file(path)) == Ledger.absolutePath(of: .file(path)))
  }

  @Test("Standard input has no path")
  func standardInput() {
    var paths = AbsolutePaths()
    #expect(paths.path(of: .standardInput) == nil)
  }
}
