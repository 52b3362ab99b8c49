extension DateTokenizer {
  /// The date tokens of `text`, derived from the extractor's own tokens of the same bytes where
  /// that is exact, so that a document is not tokenized twice.
  ///
  /// `tokens[range]` are the ``Token``s of the extractor that cover `text`, with offsets `base`
  /// bytes before `text`'s. A plain ASCII word, a plain run of digits and an ASCII mark each make
  /// one date token directly (a word's lexicon entry is the one the tokenizer found). Anything
  /// else, up to the next blank (a hyphenated or accented word, `30,000`, `12th`, a curly quote,
  /// `Russia's`, a currency sign), goes through ``tokens(_:)``: the date tokenizer never looks
  /// across a blank, so cutting there gives exactly its tokens. The result is always equal to
  /// `tokens(text)` (checked in debug builds and by tests).
  static func tokens(_ text: UnsafeBufferPointer<UInt8>, from tokens: [Token], _ range: ClosedRange<Int>, base: Int)
    -> [DateToken]
  {
    // The tokens are written straight into the array's storage, sized for a quarter more date
    // tokens than extractor tokens; in the rare text that makes more, it is done again in twice
    // the room (every date token holds a byte, so the room ends up large enough).
    var capacity = range.count + range.count / 4 + 4
    while true {
      var complete = false
      let made = [DateToken](unsafeUninitializedCapacity: capacity) { buffer, count in
        var builder = DerivedTokens(text: text, out: buffer)
        builder.derive(from: tokens, range, base: base)
        count = builder.count
        complete = !builder.full
      }
      if complete { return made }
      capacity *= 2
    }
  }

  /// The state of ``tokens(_:from:_:base:)``: the tokens so far, and what lies between the last
  /// one and `position`, as the date tokenizer keeps it.
  private struct DerivedTokens {
    let text: UnsafeBufferPointer<UInt8>
    /// Where the tokens go; `count` of them are written.
    let out: UnsafeMutableBufferPointer<DateToken>
    var count = 0
    /// A token did not fit in `out`: the result is incomplete.
    var full = false
    var space = true
    var newlines = 0
    /// Bytes before this are tokenized.
    var position = 0
    /// The tokens of the part being tokenized by ``fallback(from:)``, kept for its capacity.
    var part: [DateToken] = []

    init(text: UnsafeBufferPointer<UInt8>, out: UnsafeMutableBufferPointer<DateToken>) {
      self.text = text
      self.out = out
    }

    /// The date tokens of `text` from `tokens[range]` (see ``DateTokenizer/tokens(_:from:_:base:)``).
    mutating func derive(from tokens: [Token], _ range: ClosedRange<Int>, base: Int) {
      guard let outBase = out.baseAddress else {
        full = true
        return
      }
      // The state is kept in locals for the loop (written back around `fallback(from:)`, which
      // reads and sets it), so that it stays in registers.
      var count = self.count
      var space = self.space
      var newlines = self.newlines
      var position = self.position
      let text = self.text
      let capacity = out.count
      tokens.withUnsafeBufferPointer { tokens in
        var k = range.lowerBound
        func fallback(from start: Int) -> Int {
          self.count = count
          self.space = space
          self.newlines = newlines
          self.position = position
          let end = self.fallback(from: start)
          count = self.count
          space = self.space
          newlines = self.newlines
          position = self.position
          return end
        }
        while !full {
          // The blanks before the next token (or the end).
          let next = k <= range.upperBound ? Int(tokens[k].start) - base : text.count
          var blanksOnly = true
          while position < next {
            let b = text[position]
            if b == 0x0A {
              space = true
              newlines += 1
            } else if b == 0x20 || b == 0x09 || b == 0x0D {
              space = true
            } else {
              blanksOnly = false
              break
            }
            position += 1
          }
          if !blanksOnly {
            let end = fallback(from: position)
            while k <= range.upperBound && Int(tokens[k].start) - base < end { k += 1 }
            continue
          }
          guard k <= range.upperBound else { break }
          let t = tokens[k]
          let start = Int(t.start) - base
          let end = Int(t.end) - base
          var made: DateToken?
          switch t.kind {
          case .word:
            made = t.has(.lettersOnly) ? DateTokenizer.plainWord(t, start, end) : nil
          case .number:
            made = t.has(.glued) ? nil : DateTokenizer.plainNumber(text, start, end)
          case .punct, .openQuote, .closeQuote, .dash:
            let b = text[start]
            if end - start == 1, b > 0x20, b < 0x7F, !Tokenizer.isASCIILetter(b), !Tokenizer.isDigit(b) {
              made = DateToken(kind: .symbol, traits: [], digits: 0, start: start, end: end, value: Int(b))
            }
          }
          if var made {
            // As `emit(_:)` does.
            if space { made.traits.insert(.spaceBefore) }
            if newlines >= 2 { made.traits.insert(.paragraphBefore) }
            guard count < capacity else {
              full = true
              break
            }
            (outBase + count).initialize(to: made)
            count += 1
            space = false
            newlines = 0
            position = end
            k += 1
          } else {
            let stop = fallback(from: start)
            while k <= range.upperBound && Int(tokens[k].start) - base < stop { k += 1 }
          }
        }
      }
      self.count = count
      self.space = space
      self.newlines = newlines
      self.position = position
    }

    /// Writes a token after the others, or marks the result incomplete when there is no room.
    @inline(__always)
    mutating func put(_ token: DateToken) {
      guard count < out.count, let base = out.baseAddress else {
        full = true
        return
      }
      (base + count).initialize(to: token)
      count += 1
    }

    /// Tokenizes `text[start...]` up to the next blank with the date tokenizer itself; returns
    /// where it stopped.
    mutating func fallback(from start: Int) -> Int {
      var end = start
      while end < text.count, !DateTokenizer.isBlank(text[end]) { end += 1 }
      part.removeAll(keepingCapacity: true)
      DateTokenizer.append(UnsafeBufferPointer(rebasing: text[start..<end]), offset: start, into: &part)
      // The part began with the tokenizer's own state; what came before it is ours, plus any
      // spaces beyond ASCII (a no-break space) that lead the part.
      let firstStart = part.isEmpty ? end : part[0].start
      if firstStart > start { space = true }
      newlines += DateTokenizer.newlineCount(text, start, firstStart)
      if !part.isEmpty {
        part[0].traits.remove([.spaceBefore, .paragraphBefore])
        if space { part[0].traits.insert(.spaceBefore) }
        if newlines >= 2 { part[0].traits.insert(.paragraphBefore) }
        space = false
        newlines = 0
        // Spaces and line separators beyond ASCII after the part's last token.
        let tailStart = part[part.count - 1].end
        if tailStart < end {
          space = true
          newlines += DateTokenizer.newlineCount(text, tailStart, end)
        }
        for token in part { put(token) }
      }
      position = end
      return end
    }
  }

  /// The line breaks among the bytes `text[from..<to]`, which hold no date token: U+0085, U+2028
  /// and U+2029 (an ASCII line feed never stands inside a part).
  fileprivate static func newlineCount(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
    var n = 0
    var i = from
    while i < to {
      if text[i] == 0xC2, i + 1 < to, text[i + 1] == 0x85 {
        n += 1
      } else if text[i] == 0xE2, i + 2 < to, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 {
        n += 1
      }
      i += 1
    }
    return n
  }

  @inline(__always)
  fileprivate static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

  /// The date token of a ``Token/Flags/lettersOnly`` word `t`, at `start..<end` of the text,
  /// from what the tokenizer found: its case and its ``DateLexicon`` entry.
  @inline(__always)
  private static func plainWord(_ t: Token, _ start: Int, _ end: Int) -> DateToken {
    var traits: DateToken.Traits = []
    if t.has(.capitalized) { traits.insert(.capitalized) }
    // The tokenizer's all-capitals words have two letters or more.
    if t.has(.allCaps) || (t.has(.capitalized) && end - start == 1) { traits.insert(.allCaps) }
    return DateToken(kind: .word, traits: traits, digits: 0, start: start, end: end, value: Int(t.dateWord))
  }

  /// The date token of a run of ASCII digits only, or nil for any other number.
  @inline(__always)
  private static func plainNumber(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> DateToken? {
    var value = 0
    for i in start..<end {
      let b = text[i]
      guard b >= 0x30 && b <= 0x39 else { return nil }
      value = min(value * 10 + Int(b - 0x30), 999_999_999)
    }
    return DateToken(kind: .number, traits: [], digits: end - start, start: start, end: end, value: value)
  }
}
