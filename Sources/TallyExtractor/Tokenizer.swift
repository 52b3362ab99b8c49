/// Splits UTF-8 text into tokens in one pass over its bytes.
///
/// Words keep internal hyphens and apostrophes (`air-defense`, `d'Ivoire`), drop a
/// possessive `'s` into a flag, and keep dotted abbreviations whole (`U.S.`). Numbers keep
/// their thousands separators (`30,000`, `1 200`) and decimal point (`1.2`). Curly and straight
/// quotes, dashes and line breaks are recorded, because attribution and sentence limits depend on them.

enum Tokenizer {
  @inline(__always)
  static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
  @inline(__always)
  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// The length of a multi-byte punctuation or space sequence at `i`, and its class, if any.
  /// Classes: 1 space, 2 open quote, 3 close quote, 4 dash, 5 apostrophe, 6 other punctuation.
  @inline(__always)
  static func special(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (length: Int, kind: UInt8)? {
    let b = p[i]
    if b == 0xC2, i + 1 < p.count {
      switch p[i + 1] {
      case 0xA0: return (2, 1)  // no-break space
      case 0xAB: return (2, 2)  // «
      case 0xBB: return (2, 3)  // »
      case 0xA9, 0xAE, 0xB0, 0xB7, 0xA3, 0xA5, 0xA7, 0xB6: return (2, 6)  // © ® ° · £ ¥ § ¶
      default: return nil
      }
    }
    if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80 {
      switch p[i + 2] {
      case 0x80...0x8B, 0xAF: return (3, 1)  // spaces, thin space, narrow no-break space
      case 0x9C, 0x9E: return (3, 2)  // “ „
      case 0x9D: return (3, 3)  // ”
      case 0x98: return (3, 5)  // ‘ (used as an opening single quote or apostrophe)
      case 0x99: return (3, 5)  // ’
      case 0x90, 0x91: return (3, 7)  // hyphen, non-breaking hyphen
      case 0x92...0x95: return (3, 4)  // figure dash, en dash, em dash, horizontal bar
      case 0xA2, 0xA6, 0xB2, 0xB3: return (3, 6)  // bullet, ellipsis, primes
      default: return (3, 6)
      }
    }
    if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x82, p[i + 2] == 0xAC { return (3, 8) }  // €
    return nil
  }

  /// Tokenizes `p[from..<to]`, appending to `tokens`; every word is looked up in `lexicon`, and
  /// every word of ASCII letters only in ``DateLexicon`` too.
  static func tokenize(
    _ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, lexicon: Lexicon, into tokens: inout [Token]
  ) {
    var state = ScanState(position: from, startsText: tokens.isEmpty)
    while state.position < to {
      // Tokens are written straight into a new array's storage, sized for about one token in
      // four bytes (prose has one in five or six), so that most texts take one array, filled
      // without the uniqueness and capacity checks of an `append` per token, and never copied.
      let room = (to - state.position) / 4 + 16
      let part = [Token](unsafeUninitializedCapacity: room) { buffer, count in
        count = scan(p, from: from, to: to, lexicon: lexicon, state: &state, into: buffer)
      }
      if tokens.isEmpty { tokens = part } else { tokens.append(contentsOf: part) }
    }
  }

  /// Where ``scan(_:from:to:lexicon:state:into:)`` stands between two calls.
  struct ScanState {
    var position: Int
    /// No token has been made yet, and the next one starts the text.
    var startsText: Bool
    var newlines = 0
    var blankBefore = true
    var currency = false
  }

  /// Tokenizes from `state.position` until `to` or until `out` is full; returns the number of
  /// tokens written at the start of `out`.
  private static func scan(
    _ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, lexicon: Lexicon, state: inout ScanState,
    into out: UnsafeMutableBufferPointer<Token>
  ) -> Int {
    let dates = DateLexicon.shared
    guard let base = out.baseAddress else { return 0 }
    var count = 0
    var startsText = state.startsText
    var i = state.position
    var newlines = state.newlines
    var blankBefore = state.blankBefore
    var currency = state.currency
    defer {
      state = ScanState(
        position: i, startsText: startsText, newlines: newlines, blankBefore: blankBefore, currency: currency)
    }
    @inline(__always) func emit(_ t: Token) {
      (base + count).initialize(to: t)
      count &+= 1
      startsText = false
    }
    while i < to && count < out.count {
      let b = p[i]
      // Blanks and line breaks
      if b == 0x20 || b == 0x09 || b == 0x0D {
        blankBefore = true
        i += 1
        continue
      }
      if b == 0x0A {
        newlines += 1
        blankBefore = true
        i += 1
        continue
      }
      var flags: Token.Flags = []
      if !blankBefore { flags.insert(.attached) }
      if newlines > 0 { flags.insert(.lineStart) }
      if newlines > 1 { flags.insert(.paragraphStart) }
      if startsText { flags.formUnion([.lineStart, .paragraphStart]) }

      if isDigit(b) {
        var t = scanNumber(p, i, to)
        t.flags.formUnion(flags)
        if currency { t.flags.insert(.currency) }
        currency = false
        i = Int(t.end)
        emit(t)
        newlines = 0
        blankBefore = false
        continue
      }
      if isASCIILetter(b) {
        // Most words are ASCII letters and end at a blank or a mark that cannot continue them:
        // those are made here, with what `scanWord` would find, without calling it.
        var j = i
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        while j < to {
          let lower = p[j] | 0x20
          guard lower &- 0x61 < 26 else { break }
          h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
          j &+= 1
        }
        if j == to || endsPlainWord(p, j, to, length: j - i) {
          var t = Token(start: i, end: j, kind: .word)
          var wordFlags = flags
          wordFlags.insert(.lettersOnly)
          if b < 0x61 { wordFlags.insert(.capitalized) }
          // All capitals (two letters or more): looked at only for a word that starts with two.
          if j - i >= 2 && b < 0x61 && p[i + 1] < 0x61 && allUpperCase(p, i + 2, j) { wordFlags.insert(.allCaps) }
          t.flags = wordFlags
          lookUpLetters(&t, p, lexicon, dates, hash: h)
          i = j
          emit(t)
          newlines = 0
          blankBefore = false
          currency = false
          continue
        }
      }
      if isASCIILetter(b) || (b >= 0x80 && special(p, i) == nil) {
        var (t, hash) = scanWord(p, i, to)
        t.flags.formUnion(flags)
        lookUp(&t, p, lexicon, dates, hash: hash)
        i = Int(t.end) + (t.has(.possessive) ? possessiveLength(p, Int(t.end)) : 0)
        emit(t)
        newlines = 0
        blankBefore = false
        currency = false
        continue
      }
      // Punctuation
      var length = 1
      var kind = Token.Kind.punct
      var byte = b
      if b >= 0x80 {
        if let s = special(p, i) {
          length = s.length
          switch s.kind {
          case 1:
            blankBefore = true
            i += length
            continue
          case 2: kind = .openQuote
          case 3: kind = .closeQuote
          case 4: kind = .dash
          case 5: byte = 0x27
          case 7: byte = 0x2D
          case 8:
            currency = true
            i += length
            continue
          default: byte = 0
          }
        } else {
          // Stray continuation byte; treat as punctuation of its own.
          byte = 0
        }
      } else if b == 0x22 {
        // Straight double quote: open when it starts a word, close when it ends one.
        let before = i == from ? 0x20 : p[i - 1]
        let after = i + 1 < to ? p[i + 1] : 0x20
        let opensAfterBlank = before == 0x20 || before == 0x0A || before == 0x09 || before == 0x28
        let closesBeforeBlank = after == 0x20 || after == 0x0A || after == 0x0D || after == 0x2C || after == 0x2E
        kind = opensAfterBlank && !closesBeforeBlank ? .openQuote : (closesBeforeBlank ? .closeQuote : .openQuote)
      } else if b == 0x24 {
        currency = true
        i += 1
        continue
      }
      var t = Token(start: i, end: i + length, kind: kind)
      t.byte = byte
      t.flags = flags
      emit(t)
      i += length
      newlines = 0
      blankBefore = false
      if kind != .punct || b != 0x28 { currency = false }
    }
    return count
  }

  
  static func possessiveLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    if p[i] == 0x27 { return 2 }
    return 4  // ’s
  }

  /// Whether the ASCII letters `p[from..<to]` are all upper case.
  @inline(__always)
  static func allUpperCase(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
    var k = from
    while k < to {
      if p[k] >= 0x61 { return false }
      k += 1
    }
    return true
  }

  /// Whether a word of `length` ASCII letters ending before `p[j]` (`j < to`) ends there for
  /// ``scanWord(_:_:_:)`` too: `p[j]` is no digit, no byte beyond ASCII, and no apostrophe,
  /// hyphen or period that would carry the word on (`d'Ivoire`, `air-defense`, `U.S.`).
  @inline(__always)
  static func endsPlainWord(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ to: Int, length: Int) -> Bool {
    let c = p[j]
    if c >= 0x80 || isDigit(c) { return false }
    switch c {
    case 0x27: return !(j + 1 < to && isASCIILetter(p[j + 1]))
    case 0x2D: return !(j + 1 < to && (isASCIILetter(p[j + 1]) || isDigit(p[j + 1]) || p[j + 1] >= 0xC3))
    case 0x2E: return !(j + 2 < to && isASCIILetter(p[j + 1]) && p[j + 2] == 0x2E && length <= 2)
    default: return true
    }
  }

  /// FNV-1a of one byte, ASCII upper case folded: ``ByteTable/hash(_:_:lowercased:)`` byte by byte.
  @inline(__always)
  static func fold(_ h: UInt64, _ b: UInt8) -> UInt64 {
    let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    return (h ^ UInt64(lower)) &* 0x100_0000_01b3
  }

  /// Scans a word starting at `i`; also returns the lexicon hash of its bytes, folded as it
  /// reads them, so that the lookup does not read the word again.
  @inline(__always)
  static func scanWord(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ to: Int) -> (token: Token, hash: UInt64) {
    var i = start
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var flags: Token.Flags = []
    let first = p[start]
    if (first >= 0x41 && first <= 0x5A) || (first == 0xC3 && start + 1 < to && p[start + 1] >= 0x80 && p[start + 1] <= 0x9E)
      || (first == 0xD0 && start + 1 < to && p[start + 1] >= 0x80 && p[start + 1] <= 0xAF)
    {
      flags.insert(.capitalized)
    }
    var upper = 0
    // The common case first: the run of ASCII letters a word starts with (most words are only
    // that), in a loop that checks nothing else. `b | 0x20` is a letter's lower case.
    while i < to {
      let b = p[i]
      let lower = b | 0x20
      guard lower &- 0x61 < 26 else { break }
      if b < 0x61 { upper &+= 1 }
      h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
      i &+= 1
    }
    // For `allCaps`, digits and bytes beyond ASCII count as letters too (marks do not).
    var asciiLetters = i - start
    var otherLetters = 0
    while i < to {
      let b = p[i]
      // ASCII letters and digits, most of the bytes: `b | 0x20` is a letter's lower case.
      let lower = b | 0x20
      if lower &- 0x61 < 26 {
        asciiLetters &+= 1
        if b < 0x61 { upper &+= 1 }
        h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
        i += 1
        continue
      }
      if b &- 0x30 < 10 {
        otherLetters &+= 1
        h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        i += 1
        continue
      }
      if b >= 0x80 {
        if let s = special(p, i) {
          // ’ inside a word: an apostrophe (d’Ivoire) or a possessive (’s)
          if s.kind == 5 && p[i + 2] == 0x99 && i + 3 < to && isASCIILetter(p[i + 3]) {
            if (p[i + 3] | 0x20) == 0x73 && (i + 4 >= to || !isWordByte(p[i + 4])) {
              flags.insert(.possessive)
              break
            }
            h = fold(fold(fold(h, b), p[i + 1]), p[i + 2])
            i += 3
            continue
          }
          if s.kind == 7, i + 3 < to, isASCIILetter(p[i + 3]) {
            flags.insert(.hyphenated)
            h = fold(fold(fold(h, b), p[i + 1]), p[i + 2])
            i += 3
            continue
          }
          break
        }
        otherLetters += 1
        h = fold(h, b)
        i += 1
        continue
      }
      if b == 0x27, i + 1 < to, isASCIILetter(p[i + 1]) {
        if (p[i + 1] | 0x20) == 0x73 && (i + 2 >= to || !isWordByte(p[i + 2])) {
          flags.insert(.possessive)
          break
        }
        h = fold(h, b)
        i += 1
        continue
      }
      if b == 0x2D, i + 1 < to, isASCIILetter(p[i + 1]) || isDigit(p[i + 1]) || p[i + 1] >= 0xC3 {
        flags.insert(.hyphenated)
        h = fold(h, b)
        i += 1
        continue
      }
      // Dotted abbreviations: U.S., U.N., a.m.
      if b == 0x2E, i + 2 < to, isASCIILetter(p[i + 1]), p[i + 2] == 0x2E, i - start <= 2 {
        h = fold(fold(fold(h, b), p[i + 1]), p[i + 2])
        i += 3
        flags.insert(.abbreviation)
        continue
      }
      if b == 0x2E, flags.contains(.abbreviation) {
        h = fold(h, b)
        i += 1
        continue
      }
      break
    }
    if upper >= 2 && upper == asciiLetters + otherLetters { flags.insert(.allCaps) }
    if asciiLetters == i - start { flags.insert(.lettersOnly) }
    var t = Token(start: start, end: i, kind: .word)
    t.flags = flags
    return (t, h)
  }

  @inline(__always)
  static func isWordByte(_ b: UInt8) -> Bool { isASCIILetter(b) || isDigit(b) || b >= 0x80 }

  /// Scans a number starting at `i`: `209`, `30,000`, `1 200`, `1.2`, `12th`, `45%`.
  
  static func scanNumber(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ to: Int) -> Token {
    var i = start
    var value: Int64 = 0
    var digits = 0
    var groupDigits = 0
    var scale: Int8 = 0
    var decimal = false
    var separators = false
    var overflow = false
    func add(_ b: UInt8) {
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(Int64(b - 0x30))
      if o1 || o2 { overflow = true } else { value = s }
      digits += 1
    }
    while i < to {
      let b = p[i]
      if isDigit(b) {
        add(b)
        groupDigits += 1
        if decimal { scale += 1 }
        i += 1
        continue
      }
      // Thousands separator: ',' then exactly three digits
      if b == 0x2C, !decimal, groupDigits <= 3, i + 3 < to + 1, threeDigitsThenBoundary(p, i + 1, to) {
        separators = true
        groupDigits = 0
        i += 1
        continue
      }
      // Space thousands separator (also no-break and thin spaces), first group of 1-3 digits
      if !decimal, groupDigits >= 1, groupDigits <= 3, digits - groupDigits == 0 || separators {
        var sep = 0
        if b == 0x20 { sep = 1 } else if b >= 0x80, let s = special(p, i), s.kind == 1 { sep = s.length }
        if sep > 0, threeDigitsThenBoundary(p, i + sep, to) {
          separators = true
          groupDigits = 0
          i += sep
          continue
        }
      }
      if b == 0x2E, !decimal, !separators || groupDigits == 3, i + 1 < to, isDigit(p[i + 1]) {
        decimal = true
        i += 1
        continue
      }
      break
    }
    var t = Token(start: start, end: i, kind: .number)
    t.value = overflow ? Int64.max : value
    t.scale = scale
    if decimal { t.flags.insert(.decimal) }
    if digits == 4 && !separators && !decimal { t.flags.insert(.plainFourDigits) }
    if i < to {
      let b = p[i]
      if isASCIILetter(b) || b == 0x25 || (b >= 0x80 && special(p, i) == nil) { t.flags.insert(.glued) }
    }
    return t
  }

  
  static func threeDigitsThenBoundary(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Bool {
    guard i + 3 <= to, isDigit(p[i]), isDigit(p[i + 1]), isDigit(p[i + 2]) else { return false }
    if i + 3 == to { return true }
    let b = p[i + 3]
    return !isDigit(b)
  }

  /// ``lookUp(_:_:_:_:hash:)`` for a word of ASCII letters only: its lexicon entry is found
  /// comparing up to eight letters at a time (``ByteTable/findLetters(_:_:hash:readable:)``).
  @inline(__always)
  static func lookUpLetters(
    _ t: inout Token, _ p: UnsafeBufferPointer<UInt8>, _ lexicon: Lexicon, _ dates: DateLexicon, hash: UInt64
  ) {
    guard let base = p.baseAddress else { return }
    let start = Int(t.start)
    let count = Int(t.end) - start
    if count <= 40, let entry = lexicon.words.findLetters(base + start, count, hash: hash, readable: p.count - start) {
      t.lex = entry
      t.word = lexicon.wordCodes[Int(entry)]
      t.dateWord = lexicon.dateWords[Int(entry)]
      return
    }
    t.dateWord = dates.entry(asciiLetters: base + start, count: count, hash: hash)
  }

  /// Attaches the lexicon entry (and for ASCII letters only, the ``DateLexicon`` entry) of a word
  /// token, given the hash of its bytes from ``scanWord(_:_:_:)``.
  @inline(__always)
  static func lookUp(
    _ t: inout Token, _ p: UnsafeBufferPointer<UInt8>, _ lexicon: Lexicon, _ dates: DateLexicon, hash: UInt64
  ) {
    guard let base = p.baseAddress else { return }
    let count = Int(t.end - t.start)
    if count <= 40 {
      assert(hash == ByteTable.hash(base + Int(t.start), count, lowercased: true), "scanWord's hash is the table's")
      if let entry = lexicon.words.find(base + Int(t.start), count, lowercased: true, hash: hash) {
        t.lex = entry
        t.word = lexicon.wordCodes[Int(entry)]
        // Its spelling is the word's, folded: the date lexicon's answer for it is known already.
        if t.has(.lettersOnly) { t.dateWord = lexicon.dateWords[Int(entry)] }
        return
      }
    }
    if t.has(.lettersOnly) {
      // Folding ASCII letters to lower case is what the date lexicon hashes, so the hash is its own.
      t.dateWord = dates.entry(asciiLetters: base + Int(t.start), count: count, hash: hash)
    }
  }

}
