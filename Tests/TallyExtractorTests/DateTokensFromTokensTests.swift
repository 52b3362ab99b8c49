import Foundation
import Testing

@testable import TallyExtractor

/// The date pass takes its tokens from the extractor's own (`DateTokenizer.tokens(_:from:_:base:)`);
/// they must be exactly the date tokenizer's, on every kind of text.
@Suite struct DateTokensFromTokensTests {
  static let lexicon = (try? Vocabulary.standard().lexicon) ?? Lexicon()

  /// Both token lists of `text`, whole.
  static func both(_ text: String) -> (derived: [DateToken], direct: [DateToken]) {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { p in
      var tokens: [Token] = []
      Tokenizer.tokenize(p, from: 0, to: p.count, lexicon: lexicon, into: &tokens)
      // The date pass only runs over spans of the extractor's tokens.
      guard !tokens.isEmpty else { return ([], []) }
      let first = Int(tokens[0].start)
      let span = UnsafeBufferPointer(rebasing: p[first..<Int(tokens[tokens.count - 1].end)])
      let derived = DateTokenizer.tokens(span, from: tokens, 0...(tokens.count - 1), base: first)
      return (derived, DateTokenizer.tokens(span))
    }
  }

  @Test(arguments: [
    "On Monday, 5 October 2020, at 10:54 GMT the ministry said 1,200 people had fled.",
    "Russia's army; the U.S. envoy; rock'n'roll; a 45-year-old; $5 million; €3; 12th; 1990's; 1990s.",
    "Thirty\u{00A0}000 troops\u{2028}\nleft on 4\u{00A0}October.\u{0085}\n\nNext: “Sunday” — «mid-July» 3rd–4th.",
    "Café résumé СЕНТЯБРЯ 28 сентября 2020 г. Понедельник, 28 Сен, 2020",
    "x\u{0001}y\u{007F}z\tA\rB 1 200 1.5 9.30am 9 a.m. 3pm 10-15 5/10/2020 2020-10-04",
    "  leading blanks, trailing blanks   \n\n",
    "’tis the ’90s; d’Ivoire’s; O’Neill ’s; \"quoted\" 'single'",
  ])
  func sameTokensOnTrickyText(_ text: String) {
    let (derived, direct) = Self.both(text)
    #expect(derived == direct)
  }

  /// Random text from pieces that sit at the tokenizers' edges, seeded so that a failure repeats.
  @Test func sameTokensOnRandomText() {
    let pieces = [
      " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{00A0}", "\u{2009}", "\u{2028}", "\u{0085}", "a", "Z", "ab", "May",
      "monday", "July", "SEPT", "ago", "1", "12", "2020", "999999999999", "'", "'s", "’", "’s", "-", "–", "—", ".",
      ",", ":", "/", "(", ")", "\"", "“", "”", "$", "€", "%", "é", "É", "ж", "Ж", "12th", "3rd", "1990s", "U.S.",
      "a.m.", "x1", "\u{0001}", "\u{007F}", "\u{FEFF}", "🙂", "«", "»", "·", "°",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    var failures = 0
    for _ in 0..<20000 {
      var text = ""
      for _ in 0..<(1 + next() % 24) { text += pieces[next() % pieces.count] }
      let (derived, direct) = Self.both(text)
      if derived != direct {
        failures += 1
        if failures <= 3 { Issue.record("differ on \(text.debugDescription)") }
      }
    }
    #expect(failures == 0)
  }
}
