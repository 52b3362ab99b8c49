import Testing

@testable import TallyExtractor

/// The byte-level shortcuts of the vocabulary loader give what the character-level code gives.
@Suite struct VocabularyTextTests {
  /// Pieces of gazetteer fields: ASCII, accents, combining marks, and `|` in every position.
  static let pieces = ["|", "a", "B", " ", "\t", "\u{301}", "é", "Ω", "\u{200D}", "\r\n", "\u{600}", "ß", "-"]

  @Test func barSplitMatchesCharacterSplit() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let count = Int.random(in: 0...8, using: &generator)
      let s = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      guard s.barsStandAlone else { continue }
      let bytes = s.utf8.split(separator: 0x7C).map { String(decoding: $0, as: UTF8.self) }
      let characters = s.split(separator: "|").map(String.init)
      #expect(bytes == characters, "\(Array(s.unicodeScalars))")
    }
  }

  @Test func barsNextToOtherScriptsAreNotStandAlone() {
    #expect("a|b".barsStandAlone)
    #expect(!"a|\u{301}b".barsStandAlone)
    #expect(!"\u{600}|b".barsStandAlone)
  }

  @Test func trimmingBlanksTrimsOnlyEnds() {
    #expect(" a b\t".trimmingBlanks() == "a b")
    #expect("ab".trimmingBlanks() == "ab")
    #expect("".trimmingBlanks() == "")
    #expect(" \n".trimmingBlanks() == "")
  }
}
