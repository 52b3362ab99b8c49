extension DateScanner {
  /// The clock times in the text, so that number extraction can skip them.
  ///
  /// A time is `H:MM` or `H:MM:SS` (hour up to 24), an hour with `am`/`pm`/`a.m.`/`p.m.`
  /// (`9 a.m.`, `3pm`, `9.30am`), or a four-digit `HHMM` before a time zone (`1054 GMT`). The
  /// range extends over a meridiem, a time zone with an offset (`GMT`, `UTC+4`), and
  /// `local time` or `<Place> time`. For example:
  ///
  /// ```swift
  /// DateScanner.timeRanges(in: "at 14:00 local time and 9 a.m.")  // [3..<19, 24..<30]
  /// ```
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func timeRanges(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    TimeMatcher(tokens: DateTokenizer.tokens(text)).ranges()
  }

  /// The date mentions and the clock times of the text, from one pass of the tokenizer: the
  /// same as ``mentions(in:)-(UnsafeBufferPointer<UInt8>)`` and
  /// ``timeRanges(in:)-(UnsafeBufferPointer<UInt8>)`` at half the cost.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func scan(_ text: UnsafeBufferPointer<UInt8>) -> (mentions: [DateMention], times: [Range<Int>]) {
    scan(text, tokens: DateTokenizer.tokens(text))
  }

  /// ``scan(_:)`` over date tokens already made (see ``DateTokenizer/tokens(_:from:_:base:)``).
  static func scan(_ text: UnsafeBufferPointer<UInt8>, tokens: [DateToken]) -> (
    mentions: [DateMention], times: [Range<Int>]
  ) {
    var matcher = DateMatcher(text: text, tokens: tokens)
    return (matcher.mentions(), TimeMatcher(tokens: tokens).ranges())
  }

  /// The clock times in `text`, as UTF-8 byte ranges into `text.utf8`.
  ///
  /// For example, `DateScanner.timeRanges(in: "10:54 GMT")` is `[0..<9]`.
  public static func timeRanges(in text: String) -> [Range<Int>] {
    withUTF8(text) { timeRanges(in: $0) }
  }
}

/// The pattern matching behind ``DateScanner/timeRanges(in:)-(UnsafeBufferPointer<UInt8>)``.
private struct TimeMatcher {
  let tokens: [DateToken]
  let lexicon = DateLexicon.shared

  func ranges() -> [Range<Int>] {
    var result: [Range<Int>] = []
    var index = 0
    while index < tokens.count {
      // A time starts at a number only.
      guard tokens[index].kind == .number else {
        index += 1
        continue
      }
      if let next = time(at: index) {
        result.append(tokens[index].start..<tokens[next - 1].end)
        index = next
      } else {
        index += 1
      }
    }
    return result
  }

  /// The token index after a time starting at `index`.
  private func time(at index: Int) -> Int? {
    let token = tokens[index]
    guard token.kind == .number, token.traits.isDisjoint(with: [.ordinal, .plural]) else {
      return nil
    }
    if index >= 1, !spaced(index),
      tokens[index - 1].kind == .number
        || (isSymbol(index - 1, ":") && index >= 2 && tokens[index - 2].kind == .number)
    {
      return nil
    }
    var cursor = index + 1
    var clock = false
    if token.digits <= 2, token.value <= 24, isSymbol(cursor, ":") || isSymbol(cursor, "."),
      !spaced(cursor), minutes(cursor + 1)
    {
      clock = isSymbol(cursor, ":")
      cursor += 2
      if clock, isSymbol(cursor, ":"), !spaced(cursor), minutes(cursor + 1) { cursor += 2 }
      if cursor < tokens.count, !spaced(cursor), tokens[cursor].kind == .number { return nil }
      if !clock {
        // `9.30` is a time only with a meridiem.
        guard let after = meridiem(cursor) else { return nil }
        return zone(after)
      }
    } else if token.digits <= 2, (1...12).contains(token.value) {
      guard let after = meridiem(cursor) else { return nil }
      return zone(after)
    } else if token.digits == 4, token.value / 100 <= 23, token.value % 100 <= 59 {
      guard let after = zoneName(cursor) else { return nil }
      return zone(after, named: true)
    } else {
      return nil
    }
    if let after = meridiem(cursor) { cursor = after }
    return zone(cursor)
  }

  /// Whether the token at `index` is two adjacent digits 00...59.
  private func minutes(_ index: Int) -> Bool {
    index < tokens.count && tokens[index].kind == .number && tokens[index].digits == 2
      && tokens[index].value <= 59 && !spaced(index)
      && tokens[index].traits.isDisjoint(with: [.ordinal, .plural])
  }

  /// The index after `am`, `pm`, `a.m.` or `p.m.` at `index`.
  private func meridiem(_ index: Int) -> Int? {
    if has(index, .am) || has(index, .pm) { return index + 1 }
    guard has(index, .meridiemA) || has(index, .meridiemP), isSymbol(index + 1, "."),
      !spaced(index + 1), has(index + 2, .meridiemM), !spaced(index + 2)
    else { return nil }
    return isSymbol(index + 3, ".") && !spaced(index + 3) ? index + 4 : index + 3
  }

  /// The index after a time zone name at `index` (`GMT`, `UTC+4`, `GMT+03:00`).
  private func zoneName(_ index: Int) -> Int? {
    guard has(index, .timeZone) else { return nil }
    var cursor = index + 1
    if isSymbol(cursor, "+") || isSymbol(cursor, "-") || isSymbol(cursor, "\u{2212}"),
      !spaced(cursor), cursor + 1 < tokens.count, tokens[cursor + 1].kind == .number,
      !spaced(cursor + 1)
    {
      cursor += 2
      if isSymbol(cursor, ":"), !spaced(cursor), minutes(cursor + 1) { cursor += 2 }
    }
    return cursor
  }

  /// The index after an optional zone and `local time` / `Baku time` following a time.
  private func zone(_ index: Int, named: Bool = false) -> Int {
    var cursor = index
    if !named, let after = zoneName(cursor) { cursor = after }
    if has(cursor, .local), has(cursor + 1, .time) { return cursor + 2 }
    if cursor < tokens.count, tokens[cursor].kind == .word,
      tokens[cursor].traits.contains(.capitalized), has(cursor + 1, .time)
    {
      return cursor + 2
    }
    if isSymbol(cursor, "("),
      has(cursor + 1, .local)
        || tokens.indices.contains(cursor + 1)
          && tokens[cursor + 1].traits.contains(.capitalized),
      has(cursor + 2, .time),
      isSymbol(cursor + 3, ")")
    {
      return cursor + 4
    }
    return cursor
  }

  private func has(_ index: Int, _ role: DateWord.Roles) -> Bool {
    guard index < tokens.count, tokens[index].kind == .word, tokens[index].value >= 0 else {
      return false
    }
    return lexicon.words[tokens[index].value].roles.contains(role)
  }

  private func isSymbol(_ index: Int, _ symbol: Unicode.Scalar) -> Bool {
    index >= 0 && index < tokens.count && tokens[index].kind == .symbol
      && tokens[index].value == Int(symbol.value)
  }

  private func spaced(_ index: Int) -> Bool {
    index >= tokens.count || tokens[index].traits.contains(.spaceBefore)
  }
}
