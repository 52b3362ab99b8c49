/// Who asserts a figure, as found in the text.
struct Attribution {
  /// The normalised claimant (`Azerbaijan Defense Ministry`, `Ilham Aliyev`, `Azertac`).
  var claimant: String?
  /// The gazetteer entry of the claimant's side, if known (`Azerbaijan` for its ministry or president).
  var affiliation: Int32?
  /// The attribution verb is a denial (`denied`): the figure is nobody's claim.
  var isDenial = false
  /// The claimant was a pronoun (`it said`), resolved from earlier sentences.
  var fromPronoun = false
}

extension DocumentAnalysis {
  /// Whether token `k` is a verb of attribution (`said`, `reported`, `according to`).
  func isAttributionVerb(_ k: Int) -> Bool {
    guard let w = word(k) else { return false }
    // Most words are no such verb at all: they are answered before what follows them is read.
    switch w {
    case .said, .says, .say, .announced, .announces, .claimed, .claims, .stated, .told, .tells, .added, .adds,
      .wrote, .writes, .tweeted, .posted, .declared, .insisted, .alleged, .noted, .acknowledged, .admitted,
      .estimates, .estimate, .counted, .recorded, .documented, .indicated, .showed, .shows, .reports, .denied, .denies,
      .reported, .confirmed, .estimated, .published, .updated, .released:
      break
    default:
      return false
    }
    // "declared independence", "claimed responsibility": a verb with a plain object reports nothing.
    if w != .said && w != .says && w != .say && w != .told && w != .tells, k + 1 < tokens.count {
      let next = tokens[k + 1]
      if next.kind == .word && !next.has(.capitalized) && mentionAt[k + 1] < 0 {
        let n = word(k + 1)
        let opens: Bool
        switch n {
        case .that, .on, .in_, .at, .later, .earlier, .a, .an, .the, .its, .their, .it, .some(Word.some), .more, .over, .about,
          .around, .nearly, .almost, .up, .as_, .no, .not, .also, .this, .yesterday, .today, .late, .last, .what,
          .how, .there, .only, .just, .he, .she, .they, .we:
          opens = true
        default:
          opens = lexicon.entry(next)?.number != nil || n == .dozens || n == .hundreds || n == .thousands
            || n == .scores || n == .tens || n == .millions
        }
        if !opens { return false }
      }
      // "claimed 30,000 lives": the verb of the figure itself
      if w == .claimed || w == .claims || w == .claim {
        var j = k + 1
        while j < min(k + 5, tokens.count) {
          if lexicon.entry(tokens[j])?.category == .killed { return false }
          j += 1
        }
      }
    }
    switch w {
    case .said, .says, .say, .announced, .announces, .claimed, .claims, .stated, .told, .tells, .added, .adds,
      .wrote, .writes, .tweeted, .posted, .declared, .insisted, .alleged, .noted, .acknowledged, .admitted,
      .estimates, .estimate, .counted, .recorded, .documented, .indicated, .showed, .shows, .reports, .denied, .denies:
      return true
    case .reported, .confirmed, .estimated, .published, .updated, .released:
      // "were reported killed", "confirmed dead", "an estimated 200": not attribution
      if let e = entry(k + 1), e.category != nil, e.role == .verb || e.role == .state { return false }
      if let previous = word(k - 1), previous == .were || previous == .was || previous == .been || previous == .an || previous == .is_ || previous == .are { return false }
      return !(w == .estimated && (word(k + 1) == .at || tokens[min(k + 1, tokens.count - 1)].kind == .number))
    default:
      return false
    }
  }

  /// What a sentence offers every figure in it for attribution, found once per sentence:
  /// the noun phrase after its first `according to`, and its attribution verbs outside quotations.
  struct Clues {
    var according: Range<Int>?
    /// The verbs' tokens, in order of position (kept inline: a sentence has few).
    var verbs = TokenList()
  }

  /// The attribution clues of a sentence.
  func clues(in unit: Range<Int>) -> Clues {
    var clues = Clues()
    var k = unit.lowerBound
    while k + 2 < unit.upperBound {
      if word(k) == .according, word(k + 1) == .to, quoteAt[k] < 0,
        let np = nounPhrase(startingAt: k + 2, in: unit)
      {
        clues.according = np
        break
      }
      k += 1
    }
    if clues.according == nil {
      for k in unit where quoteAt[k] < 0 && isAttributionVerb(k) { clues.verbs.append(k) }
    }
    return clues
  }

  /// The attribution of the figure that starts at token `first`.
  func attribution(forFigureAt first: Int, in unit: Range<Int>, clues: Clues, history: [Attribution]) -> Attribution? {
    // Inside a quotation: the speaker stands after the closing or before the opening quote.
    if quoteAt[first] >= 0 {
      let quote = quotes[Int(quoteAt[first])]
      if let found = speaker(afterQuote: quote.close, in: unit, history: history) { return found }
      if let found = speaker(beforeQuote: quote.open, in: unit, history: history) { return found }
    }
    // "according to X"
    if let np = clues.according { return normalise(np, history: history) }
    // The nearest attribution verb outside quotations, before the figure first (the verbs are in
    // order of position).
    let verbs = clues.verbs
    var before = 0
    while before < verbs.count && verbs[before] < first { before += 1 }
    var after = before
    while after < verbs.count && verbs[after] <= first { after += 1 }
    var pronounFallback: Attribution?
    for position in stride(from: before - 1, through: 0, by: -1) {
      if let found = claimant(ofVerb: verbs[position], in: unit, history: history, pronounFallback: &pronounFallback) {
        return found
      }
    }
    for position in after..<verbs.count {
      if let found = claimant(ofVerb: verbs[position], in: unit, history: history, pronounFallback: &pronounFallback) {
        return found
      }
    }
    return pronounFallback
  }

  /// The claimant of the attribution verb `v`: its subject, or else the noun phrase after it.
  /// A claimant resolved from a pronoun is kept in `pronounFallback` (the first one only) instead.
  private func claimant(
    ofVerb v: Int, in unit: Range<Int>, history: [Attribution], pronounFallback: inout Attribution?
  ) -> Attribution? {
    var found: Attribution?
    if let np = subject(ofVerb: v, in: unit) {
      found = normalise(np, history: history)
    } else if let np = nounPhrase(startingAt: v + 1, in: unit) {
      found = normalise(np, history: history)
    }
    guard var found else { return nil }
    if word(v) == .denied || word(v) == .denies { found.isDenial = true }
    // "Armenia said that it had recorded ...": the pronoun is the sentence's own subject.
    if found.fromPronoun {
      pronounFallback = pronounFallback ?? found
      return nil
    }
    return found
  }

  private func speaker(afterQuote close: Int, in unit: Range<Int>, history: [Attribution]) -> Attribution? {
    var k = close + 1
    if k < unit.upperBound, isPunct(k, 0x2C) { k += 1 }
    guard k < unit.upperBound else { return nil }
    if isAttributionVerb(k) {
      if let np = nounPhrase(startingAt: k + 1, in: unit) { return normalise(np, history: history) }
      return nil
    }
    // "..." the ministry said / Hajiyev said
    var end = k
    while end < unit.upperBound, end - k < 8, !isAttributionVerb(end), !isBoundary(end) { end += 1 }
    if end < unit.upperBound, isAttributionVerb(end), end > k {
      return normalise(k..<end, history: history)
    }
    return nil
  }

  private func speaker(beforeQuote open: Int, in unit: Range<Int>, history: [Attribution]) -> Attribution? {
    var k = open - 1
    if k >= unit.lowerBound, isPunct(k, 0x3A) || isPunct(k, 0x2C) { k -= 1 }
    guard k >= unit.lowerBound else { return nil }
    var v = k
    // X said: "..." / X told reporters: "..."
    while v >= unit.lowerBound, k - v < 3, !isAttributionVerb(v) { v -= 1 }
    guard v >= unit.lowerBound, isAttributionVerb(v), let np = subject(ofVerb: v, in: unit) else { return nil }
    return normalise(np, history: history)
  }

  /// The noun phrase before a verb that is its subject, skipping auxiliaries and time phrases.
  func subject(ofVerb v: Int, in unit: Range<Int>) -> Range<Int>? {
    var k = v - 1
    // skip "has", "also", "on Sunday", "later", "in a statement"
    while k >= unit.lowerBound {
      if dateAt[k] != -1 || word(k) == .on && dateAt[min(k + 1, tokens.count - 1)] != -1 {
        k -= 1
        continue
      }
      if let w = word(k) {
        switch w {
        case .has, .have, .had, .also, .later, .officially, .reportedly, .further, .then, .earlier, .had_,
          .separately, .previously:
          k -= 1
          continue
        default: break
        }
      }
      break
    }
    // "Yerevan denied ... and said": the subject is the sentence's
    if k >= unit.lowerBound, word(k) == .and {
      return nounPhrase(startingAt: unit.lowerBound, in: unit)
    }
    // A relative clause: "The General Staff, which has published a daily tally since 2022, also claimed"
    if k >= unit.lowerBound, isPunct(k, 0x2C) {
      var j = k - 1
      while j > unit.lowerBound, k - j < 40, !(isPunct(j, 0x2C) && (word(j + 1) == .which || word(j + 1) == .who)) { j -= 1 }
      if j > unit.lowerBound, isPunct(j, 0x2C), word(j + 1) == .which || word(j + 1) == .who { k = j - 1 }
    }
    // An appositive between commas: "Hikmet Hajiyev, a senior adviser to Aliyev, said",
    // "Azertac, Azerbaijan's state news agency, reported", "A Houthi spokesman, Ahmed al-Mahbashi, said"
    if k >= unit.lowerBound, isPunct(k, 0x2C) {
      var j = k - 1
      while j >= unit.lowerBound, !isPunct(j, 0x2C), !isBoundary(j), k - j < 14 { j -= 1 }
      guard j >= unit.lowerBound, isPunct(j, 0x2C), j + 1 < k else { return nil }
      let inner = (j + 1)..<k
      let isName = inner.allSatisfy { tokens[$0].has(.capitalized) || mentionAt[$0] >= 0 || tokens[$0].has(.hyphenated) }
        && inner.allSatisfy { mentionAt[$0] < 0 || gazetteer.entries[Int(mentions[Int(mentionAt[$0])].entry)].kind == .organization }
      if isName { return inner }
      k = j - 1
    }
    guard k >= unit.lowerBound else { return nil }
    let end = k + 1
    var start = end
    var j = k
    while j >= unit.lowerBound && end - j <= 9 {
      let t = tokens[j]
      guard t.kind == .word else { break }
      if isSubjectWord(j) {
        start = j
        j -= 1
        continue
      }
      break
    }
    return start < end ? start..<end : nil
  }

  /// A noun phrase that starts at `k` (after `said` or `according to`): up to a comma or a verb.
  func nounPhrase(startingAt k: Int, in unit: Range<Int>) -> Range<Int>? {
    var j = k
    while j < unit.upperBound && j - k < 9 {
      let t = tokens[j]
      guard t.kind == .word, isSubjectWord(j) else { break }
      if j > k && dateAt[j] != -1 { break }
      j += 1
    }
    return j > k ? k..<j : nil
  }

  /// Words that can be part of a claimant's noun phrase.
  private func isSubjectWord(_ j: Int) -> Bool {
    let t = tokens[j]
    if mentionAt[j] >= 0 { return true }
    if let e = lexicon.entry(t) {
      if let w = e.word {
        switch w {
        case .the, .of, .president, .minister, .prime, .spokesman, .spokeswoman, .spokesperson, .aide, .adviser,
          .advisor, .general, .gen, .colonel, .col, .lieutenant, .lt, .major, .maj, .captain, .capt, .governor,
          .mayor, .senator, .mr, .mrs, .ms, .dr, .secretary, .commander, .chief, .head, .leader, .deputy,
          .ambassador, .envoy, .representative, .official, .officials, .authorities, .government, .sources,
          .witnesses, .medics, .source, .foreign, .defense, .defence, .interior, .health, .ministry, .army, .forces,
          .force, .staff, .office, .agency, .service, .committee, .council, .he, .she, .they, .it, .we, .statement,
          .state, .local, .military, .news, .air, .navy, .national, .press, .emergency, .emergencies, .armed,
          .residents, .people:
          return true
        default:
          return t.has(.capitalized) && dateAt[j] == -1 && !isAttributionVerb(j)
        }
      }
      if e.role == .modifier { return true }
      return t.has(.capitalized) && e.category == nil
    }
    if t.has(.capitalized) && dateAt[j] == -1 { return true }
    // "Organization for Migration", "Observatory for Human Rights": connectors inside a name
    if spells(j, "for") || spells(j, "of") || spells(j, "and") {
      return j > 0 && j + 1 < tokens.count && tokens[j - 1].has(.capitalized) && tokens[j + 1].has(.capitalized)
    }
    // lower-case nouns that head an organisation's name: "the CSP-DPA alliance", "the aid group"
    switch t.end - t.start {
    case 5: return spells(j, "group") || spells(j, "union")
    case 6: return spells(j, "agency") || spells(j, "office")
    case 7: return spells(j, "mission") || spells(j, "network") || spells(j, "monitor")
    case 8: return spells(j, "alliance") || spells(j, "movement")
    case 9: return spells(j, "coalition") || spells(j, "committee")
    case 10: return spells(j, "commission")
    case 11: return spells(j, "observatory") || spells(j, "association")
    case 12: return spells(j, "organisation") || spells(j, "organization")
    default: return false
    }
  }

  /// Whether token `j` is spelt exactly `word` (ASCII, case kept), compared in place.
  @inline(__always)
  func spells(_ j: Int, _ word: StaticString) -> Bool {
    let t = tokens[j]
    let n = word.utf8CodeUnitCount
    return Int(t.end - t.start) == n && bytesMatch(Int(t.start), word.utf8Start, n, folded: false)
  }

  /// Whether token `j`, lowercased, is `word`: compared in place for ASCII tokens (the common
  /// case), through `String.lowercased()` for others.
  func lowercasedEquals(_ j: Int, _ word: String) -> Bool {
    guard isASCII(j) else { return text(tokens: j, j).lowercased() == word }
    let t = tokens[j]
    var word = word
    return word.withUTF8 { w in
      guard let base = w.baseAddress, w.count == Int(t.end - t.start) else { return w.isEmpty && t.end == t.start }
      return bytesMatch(Int(t.start), base, w.count, folded: true)
    }
  }

  /// Whether token `j`, lowercased, ends with `suffix` (lower-case ASCII).
  func lowercasedHasSuffix(_ j: Int, _ suffix: StaticString) -> Bool {
    guard isASCII(j) else { return text(tokens: j, j).lowercased().hasSuffix(suffix.description) }
    let t = tokens[j]
    let m = suffix.utf8CodeUnitCount
    return m <= Int(t.end - t.start) && bytesMatch(Int(t.end) - m, suffix.utf8Start, m, folded: true)
  }

  /// Whether token `j` is ASCII only.
  func isASCII(_ j: Int) -> Bool {
    for i in tokens[j].range where p[i] >= 0x80 { return false }
    return true
  }

  /// Whether the `count` document bytes at `start` are `word`'s, ASCII upper case folded first
  /// when `folded` (then `word` is lower case).
  @inline(__always)
  private func bytesMatch(_ start: Int, _ word: UnsafePointer<UInt8>, _ count: Int, folded: Bool) -> Bool {
    for i in 0..<count {
      var b = p[start + i]
      if folded && b >= 0x41 && b <= 0x5A { b |= 0x20 }
      if b != word[i] { return false }
    }
    return true
  }
}
