/// One token of a document: a word, a number or a punctuation mark, by UTF-8 byte offsets.

struct Token: Sendable {
  /// The kinds of token.
  enum Kind: UInt8, Sendable {
    case word, number, punct, openQuote, closeQuote, dash
  }

  /// Facts about a token found while scanning.
  struct Flags: OptionSet, Sendable {
    var rawValue: UInt16
    init(rawValue: UInt16) { self.rawValue = rawValue }
    /// Starts with an upper-case letter.
    static let capitalized = Flags(rawValue: 1 << 0)
    /// Ends in `'s` or `’s` (not part of the token's range).
    static let possessive = Flags(rawValue: 1 << 1)
    /// A number with letters or a sign glued to it (`12th`, `5km`, `45%`, `$5`).
    static let glued = Flags(rawValue: 1 << 2)
    /// Contains a hyphen (`air-defense`, `twenty-one`).
    static let hyphenated = Flags(rawValue: 1 << 3)
    /// No blank between this token and the one before.
    static let attached = Flags(rawValue: 1 << 4)
    /// A number written with a decimal point.
    static let decimal = Flags(rawValue: 1 << 5)
    /// A line break comes before this token.
    static let lineStart = Flags(rawValue: 1 << 6)
    /// A blank line comes before this token.
    static let paragraphStart = Flags(rawValue: 1 << 7)
    /// A four-digit number written without separators (a possible year).
    static let plainFourDigits = Flags(rawValue: 1 << 8)
    /// Preceded by a currency sign (`$`, `€`, `£`).
    static let currency = Flags(rawValue: 1 << 9)
    /// An abbreviation ending in a period (`U.S.`, `Gen.`), so the period ends no sentence.
    static let abbreviation = Flags(rawValue: 1 << 10)
    /// Written all in capitals (`AFP`, `UN`).
    static let allCaps = Flags(rawValue: 1 << 11)
    /// A word of ASCII letters only (no digit, mark or non-ASCII byte inside).
    static let lettersOnly = Flags(rawValue: 1 << 12)
  }

  // Stored properties are laid out in declaration order: widest first, so that a token takes
  // 32 bytes (it took 40 in the order of its meaning), and a document's tokens fewer cache lines.

  /// For numbers: all digits as an integer (`1.25` -> 125); see `scale`.
  var value: Int64
  var start: Int32
  var end: Int32
  /// The lexicon entry of a word, or -1.
  var lex: Int32
  /// For ``Flags/lettersOnly`` words: the word's index in ``DateLexicon``, or -1.
  var dateWord: Int32
  var flags: Flags
  /// The closed-class ``Word`` of the token, as its position in `Word.allCases` plus one; 0 for none.
  var word: UInt16
  var kind: Kind
  /// The punctuation byte for `.punct` tokens (ASCII), else 0.
  var byte: UInt8
  /// For decimal numbers: the count of digits after the point.
  var scale: Int8

  init(start: Int, end: Int, kind: Kind) {
    self.start = Int32(truncatingIfNeeded: start)
    self.end = Int32(truncatingIfNeeded: end)
    self.kind = kind
    self.flags = []
    self.byte = 0
    self.lex = -1
    self.value = 0
    self.scale = 0
    self.word = 0
    self.dateWord = -1
  }

  var range: Range<Int> { Int(start)..<Int(end) }
  func has(_ flag: Flags) -> Bool { flags.contains(flag) }
}
