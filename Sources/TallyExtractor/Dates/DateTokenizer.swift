/// One token of the date scanner: a run of letters, a run of ASCII digits, or one symbol.
///
/// For example, `Oct. 4th, 2020` gives the word `Oct`, the symbol `.`, the number `4` (with
/// its ordinal suffix), the symbol `,` and the number `2020`.
struct DateToken: Sendable, Equatable {
  enum Kind: UInt8, Sendable {
    case word, number, symbol
  }

  struct Traits: OptionSet, Sendable {
    let rawValue: UInt8
    /// Whitespace separates this token from the one before.
    static let spaceBefore = Traits(rawValue: 1 << 0)
    /// A word whose first letter is upper case.
    static let capitalized = Traits(rawValue: 1 << 1)
    /// A word with upper-case letters only.
    static let allCaps = Traits(rawValue: 1 << 2)
    /// A number with an ordinal suffix: `4th`, `1st`, `22nd`, `3rd`, `1er`.
    static let ordinal = Traits(rawValue: 1 << 3)
    /// A number with a plural `s`: `1990s`.
    static let plural = Traits(rawValue: 1 << 4)
    /// A blank line (two or more line breaks) separates this token from the one before.
    static let paragraphBefore = Traits(rawValue: 1 << 5)
  }

  var kind: Kind
  var traits: Traits
  /// The number of digits of a number (the suffix excluded).
  var digits: Int
  /// The first byte.
  var start: Int
  /// Just past the last byte, suffix included.
  var end: Int
  /// A number's value (saturating at 999,999,999), a symbol's scalar, or a word's index in
  /// ``DateLexicon`` (-1 when the word is not there).
  var value: Int
}

/// Splits UTF-8 text into ``DateToken``s.
///
/// Letters are ASCII letters and every non-ASCII scalar that is not a space or a symbol, so
/// Cyrillic and accented words are words. Letters are lowercased (ASCII, Latin-1, Cyrillic) and
/// hashed on the fly for the lexicon lookup.
///
/// - Complexity: O(n) in the number of bytes.
enum DateTokenizer {
  private enum CharacterClass {
    case space, newline, letter, digit, symbol
  }

  /// The tokens of `text`, in order.
  static func tokens(_ text: UnsafeBufferPointer<UInt8>) -> [DateToken] {
    var tokens: [DateToken] = []
    tokens.reserveCapacity(text.count / 5 + 1)
    append(text, offset: 0, into: &tokens)
    return tokens
  }

  /// Appends the tokens of `text` to `tokens`, their offsets moved by `offset`.
  static func append(_ text: UnsafeBufferPointer<UInt8>, offset: Int, into tokens: inout [DateToken]) {
    let lexicon = DateLexicon.shared
    var position = 0
    var space = true
    var newlines = 0
    let count = text.count

    func emit(_ token: DateToken) {
      var token = token
      token.start += offset
      token.end += offset
      if space { token.traits.insert(.spaceBefore) }
      if newlines >= 2 { token.traits.insert(.paragraphBefore) }
      tokens.append(token)
      space = false
      newlines = 0
    }

    while position < count {
      let lead = text[position]
      let (scalar, length) = lead < 0x80 ? (UInt32(lead), 1) : decode(text, position)
      switch lead < 0x80 ? classifyASCII(lead) : classify(scalar) {
      case .space:
        space = true
        position += length
      case .newline:
        space = true
        newlines += 1
        position += length
      case .digit:
        let start = position
        var value = 0
        while position < count, text[position] >= 0x30, text[position] <= 0x39 {
          value = min(value * 10 + Int(text[position] - 0x30), 999_999_999)
          position += 1
        }
        var token = DateToken(
          kind: .number, traits: [], digits: position - start, start: start, end: position,
          value: value)
        var suffixEnd = position
        while suffixEnd < count, suffixEnd - position < 3, isASCIILetter(text[suffixEnd]) {
          suffixEnd += 1
        }
        let endsWord =
          suffixEnd >= count || classify(decode(text, suffixEnd).scalar) != .letter
        if suffixEnd > position, endsWord {
          let first = text[position] | 0x20
          let second = suffixEnd - position == 2 ? text[position + 1] | 0x20 : 0
          let suffix = suffixEnd - position
          if suffix == 1, first == UInt8(ascii: "s") {
            token.traits.insert(.plural)
            token.end = suffixEnd
            position = suffixEnd
          } else if suffix == 2,
            [
              (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
              (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")),
              (UInt8(ascii: "e"), UInt8(ascii: "r")),
            ].contains(where: { $0 == (first, second) })
          {
            token.traits.insert(.ordinal)
            token.end = suffixEnd
            position = suffixEnd
          }
        }
        emit(token)
      case .letter:
        let start = position
        var hash = DateLexicon.hashSeed
        var first = true
        var traits: DateToken.Traits = []
        var allCaps = true
        var cased = false
        // The ASCII letters the word starts with, the common case, in a tight loop.
        var upper = 0
        while position < count, isASCIILetter(text[position]) {
          let byte = text[position]
          if byte <= 0x5A { upper &+= 1 }
          hash = DateLexicon.hash(hash, byte | 0x20)
          position += 1
        }
        if position > start {
          if text[start] <= 0x5A { traits.insert(.capitalized) }
          if upper > 0 { cased = true }
          if upper < position - start { allCaps = false }
          first = false
        }
        while position < count {
          let byte = text[position]
          if byte < 0x80 {
            // ASCII, the common case: fold case and hash the byte directly.
            guard isASCIILetter(byte) else { break }
            if byte <= 0x5A {
              cased = true
              if first { traits.insert(.capitalized) }
            } else {
              allCaps = false
            }
            hash = DateLexicon.hash(hash, byte | 0x20)
            first = false
            position += 1
            continue
          }
          let (scalar, length) = decode(text, position)
          guard classify(scalar) == .letter else { break }
          let lower = lowercased(scalar)
          if lower != scalar {
            cased = true
            if first { traits.insert(.capitalized) }
          } else if isLowercase(scalar) {
            allCaps = false
          }
          hash = feed(hash, lower)
          first = false
          position += length
        }
        if cased, allCaps { traits.insert(.allCaps) }
        var index = -1
        if let candidate = lexicon.candidate(hash: hash),
          equalsLowercased(text, start, position, lexicon.spellings[candidate])
        {
          index = candidate
        }
        emit(
          DateToken(
            kind: .word, traits: traits, digits: 0, start: start, end: position, value: index))
      case .symbol:
        emit(
          DateToken(
            kind: .symbol, traits: [], digits: 0, start: position, end: position + length,
            value: Int(scalar)))
        position += length
      }
    }
  }

  /// Decodes the scalar at `position`; invalid UTF-8 decodes as U+FFFD of length 1.
  @inline(__always)
  static func decode(_ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> (
    scalar: UInt32, length: Int
  ) {
    let lead = text[position]
    if lead < 0x80 { return (UInt32(lead), 1) }
    func continuation(_ offset: Int) -> UInt32? {
      let index = position + offset
      guard index < text.count, text[index] & 0xC0 == 0x80 else { return nil }
      return UInt32(text[index] & 0x3F)
    }
    if lead >= 0xC2, lead < 0xE0, let c1 = continuation(1) {
      return (UInt32(lead & 0x1F) << 6 | c1, 2)
    }
    if lead >= 0xE0, lead < 0xF0, let c1 = continuation(1), let c2 = continuation(2) {
      let scalar = UInt32(lead & 0x0F) << 12 | c1 << 6 | c2
      if scalar >= 0x800 { return (scalar, 3) }
    }
    if lead >= 0xF0, lead < 0xF5, let c1 = continuation(1), let c2 = continuation(2),
      let c3 = continuation(3)
    {
      let scalar = UInt32(lead & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
      if scalar >= 0x10000, scalar <= 0x10FFFF { return (scalar, 4) }
    }
    return (0xFFFD, 1)
  }

  @inline(__always)
  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }

  /// ``classify(_:)`` for an ASCII byte, without the range switch.
  @inline(__always)
  private static func classifyASCII(_ byte: UInt8) -> CharacterClass {
    if isASCIILetter(byte) { return .letter }
    if byte &- 0x30 < 10 { return .digit }
    if byte == 0x0A { return .newline }
    if byte <= 0x20 || byte == 0x7F { return .space }
    return .symbol
  }

  private static func classify(_ scalar: UInt32) -> CharacterClass {
    switch scalar {
    case 0x0A, 0x85, 0x2028, 0x2029: return .newline
    case 0x00...0x20, 0x7F, 0xA0, 0x1680, 0x2000...0x200D, 0x202F, 0x205F, 0x2060, 0x3000,
      0xFEFF:
      return .space
    case 0x30...0x39: return .digit
    case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA: return .letter
    case 0x21...0x7E, 0x80...0xBF, 0xD7, 0xF7, 0x2010...0x2BFF, 0x3001...0x303F, 0xFE10...0xFE6F,
      0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFFFD, 0x1F000...0x1FAFF:
      return .symbol
    default: return .letter
    }
  }

  @inline(__always)
  private static func lowercased(_ scalar: UInt32) -> UInt32 {
    switch scalar {
    case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x410...0x42F: return scalar + 0x20
    case 0x400...0x40F: return scalar + 0x50
    default: return scalar
    }
  }

  @inline(__always)
  private static func isLowercase(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF, 0x430...0x45F: return true
    default: return false
    }
  }

  /// Folds the UTF-8 encoding of `scalar` into an FNV-1a hash.
  @inline(__always)
  private static func feed(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
    var hash = hash
    encode(scalar) { hash = DateLexicon.hash(hash, $0) }
    return hash
  }

  @inline(__always)
  private static func encode(_ scalar: UInt32, _ body: (UInt8) -> Void) {
    switch scalar {
    case 0..<0x80:
      body(UInt8(scalar))
    case 0x80..<0x800:
      body(UInt8(0xC0 | scalar >> 6))
      body(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      body(UInt8(0xE0 | scalar >> 12))
      body(UInt8(0x80 | scalar >> 6 & 0x3F))
      body(UInt8(0x80 | scalar & 0x3F))
    default:
      body(UInt8(0xF0 | scalar >> 18))
      body(UInt8(0x80 | scalar >> 12 & 0x3F))
      body(UInt8(0x80 | scalar >> 6 & 0x3F))
      body(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// Whether the lowercased bytes of `text[start..<end]` equal `spelling`.
  private static func equalsLowercased(
    _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ spelling: [UInt8]
  ) -> Bool {
    var position = start
    var offset = 0
    var equal = true
    while position < end, equal {
      let (scalar, length) = decode(text, position)
      encode(lowercased(scalar)) { byte in
        if offset < spelling.count, spelling[offset] == byte { offset += 1 } else { equal = false }
      }
      position += length
    }
    return equal && offset == spelling.count
  }
}
