/// A number found in text, before it is known whether it is a claim.

struct NumberExpression: Sendable {
  /// The first and last token of the number itself (`a dozen`, `1.2 million`, `twenty-one`).
  var first: Int
  var last: Int
  var value: Int64
  /// For vague plurals (`hundreds`): the smallest plausible amount is `value`.
  var isVague = false
  /// True for `one`..`ninety-nine` written in words, which need a noun to count.
  var isWords = false
}

extension DocumentAnalysis {
  /// The value of a single number word or hyphenated compound (`seven`, `twenty-one`).
  func wordValue(_ index: Int) -> Int64? {
    let t = tokens[index]
    guard t.kind == .word else { return nil }
    if let n = lexicon.entry(t)?.number { return n }
    guard t.has(.hyphenated), let base = p.baseAddress else { return nil }
    // twenty-one, forty-two
    var parts: [Int64] = []
    var start = Int(t.start)
    let end = Int(t.end)
    var i = start
    while i <= end {
      if i == end || p[i] == 0x2D {
        guard let id = lexicon.words.find(base + start, i - start, lowercased: true),
          let n = lexicon.entries[Int(id)].number
        else { return nil }
        parts.append(n)
        start = i + 1
      }
      i += 1
    }
    guard parts.count == 2, parts[0] >= 20, parts[0] <= 90, parts[0] % 10 == 0, parts[1] >= 1, parts[1] <= 9 else {
      return nil
    }
    return parts[0] + parts[1]
  }

  /// Parses the number that starts at token `i`, if one does.
  func numberExpression(at i: Int, unitEnd: Int) -> NumberExpression? {
    let t = tokens[i]
    if t.kind == .number {
      return digitExpression(at: i, unitEnd: unitEnd)
    }
    guard t.kind == .word else { return nil }
    let word = lexicon.word(t)
    switch word {
    case .dozens: return vague(i, i, 24)
    case .scores: return vague(i, i, 40)
    case .hundreds:
      if i + 2 < unitEnd, lexicon.word(tokens[i + 1]) == .of, lexicon.word(tokens[i + 2]) == .thousands {
        return vague(i, i + 2, 200_000)
      }
      return vague(i, i, 200)
    case .thousands: return vague(i, i, 2000)
    case .millions: return vague(i, i, 2_000_000)
    case .tens:
      if i + 2 < unitEnd, lexicon.word(tokens[i + 1]) == .of, lexicon.word(tokens[i + 2]) == .thousands {
        return vague(i, i + 2, 20_000)
      }
      return nil
    case .a, .an:
      // a dozen, a hundred, a thousand, a couple of, a single
      guard i + 1 < unitEnd else { return nil }
      let next = lexicon.word(tokens[i + 1])
      if next == .couple, i + 2 < unitEnd, lexicon.word(tokens[i + 2]) == .of {
        return NumberExpression(first: i, last: i + 1, value: 2, isWords: true)
      }
      if next == .single { return NumberExpression(first: i, last: i + 1, value: 1, isWords: true) }
      if next == .dozen || next == .hundred || next == .thousand || next == .million {
        // "a hundred and twenty" continues as words
        if var rest = wordsExpression(at: i + 1, unitEnd: unitEnd) {
          rest.first = i
          return rest
        }
      }
      return nil
    default:
      return wordsExpression(at: i, unitEnd: unitEnd)
    }
  }

  private func vague(_ first: Int, _ last: Int, _ value: Int64) -> NumberExpression {
    NumberExpression(first: first, last: last, value: value, isVague: true, isWords: true)
  }

  /// `twenty-one`, `one hundred and twenty`, `nine hundred ninety-nine thousand`, `two dozen`.
  private func wordsExpression(at start: Int, unitEnd: Int) -> NumberExpression? {
    guard wordValue(start) != nil else { return nil }
    var total: Int64 = 0
    var current: Int64 = 0
    var i = start
    var last = start
    var previous: Int64 = 0
    while i < unitEnd {
      let t = tokens[i]
      if t.kind == .word, let n = wordValue(i) {
        if i > start && tokens[i].has(.lineStart) { break }
        switch n {
        case 100:
          current = (current == 0 ? 1 : current) * 100
        case 1000, 1_000_000, 1_000_000_000:
          total += (current == 0 ? 1 : current) * n
          current = 0
        case 12 where lexicon.word(t) == .dozen:
          current = (current == 0 ? 1 : current) * 12
        default:
          // Two small numbers in a row ("two three") are not one number.
          if previous > 0 && previous < 100 && !(previous >= 20 && previous % 10 == 0 && n < 10) { break }
          current += n
        }
        previous = n
        last = i
        i += 1
        continue
      }
      // "one hundred and twenty"
      if lexicon.word(t) == .and, previous >= 100, i + 1 < unitEnd, let n = wordValue(i + 1), n < 100 {
        i += 1
        continue
      }
      break
    }
    let value = total + current
    return NumberExpression(first: start, last: last, value: value, isWords: true)
  }

  /// `209`, `30,000`, `1.2 million`, `3 thousand`.
  private func digitExpression(at i: Int, unitEnd: Int) -> NumberExpression? {
    let t = tokens[i]
    guard t.value != Int64.max else { return nil }
    var expression = NumberExpression(first: i, last: i, value: t.value)
    if i + 1 < unitEnd, let scale = scaleWord(i + 1) {
      let (scaled, overflow) = t.value.multipliedReportingOverflow(by: scale)
      guard !overflow else { return nil }
      var divisor: Int64 = 1
      for _ in 0..<Int(t.scale) { divisor *= 10 }
      expression.value = scaled / divisor
      expression.last = i + 1
      return expression
    }
    if t.has(.decimal) { return nil }
    return expression
  }

  private func scaleWord(_ i: Int) -> Int64? {
    switch lexicon.word(tokens[i]) {
    case .thousand: 1000
    case .million, .mln, .m: 1_000_000
    case .billion, .bn: 1_000_000_000
    default: nil
    }
  }
}
