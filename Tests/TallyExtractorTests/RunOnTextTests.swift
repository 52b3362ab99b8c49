import Foundation
import TallyExtractor
import Testing

/// Regression test for a hang found while building the hostile-input suite: a figure looks across
/// its whole sentence (attribution, party, dates), so a text with no sentence end cost its length
/// squared (20 KB took 5 s, 200 KB more than 7 minutes in a debug build). Sentences are now cut at
/// 256 tokens; 60 KB of run-on text takes a few seconds.
@Suite struct RunOnTextTests {
  @Test(.timeLimit(.minutes(1))) func runOnTextIsLinear() throws {
    let extractor = Extractor(vocabulary: try Vocabulary.standard())
    let phrase = "and 12 civilians were wounded "
    let text = String(repeating: phrase, count: 2000)
    let claims = extractor.claims(in: text, document: "run-on.txt")
    // A figure split by a cut is lost: one in about fifty phrases (256 tokens hold 51 phrases).
    #expect(claims.count == 1976)
    for claim in claims {
      #expect(claim.quote == "12 civilians were wounded")
      #expect(claim.value == 12)
      #expect((claim.start - 4) % phrase.utf8.count == 0)
    }
  }
}
