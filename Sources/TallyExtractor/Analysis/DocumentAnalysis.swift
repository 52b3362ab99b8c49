/// The working state of the extractor for one document: its tokens, the gazetteer names and
/// dates in it, and its sentences. Built, used and dropped per document.

struct DocumentAnalysis {
  let p: UnsafeBufferPointer<UInt8>
  let lexicon: Lexicon
  let gazetteer: Gazetteer
  let published: PartialDate?
  var tokens: [Token] = []
  var mentions: [Mention] = []
  /// For each token, the index of the gazetteer mention covering it, or -1.
  var mentionAt: [Int32] = []
  /// Sentences as token ranges; a quotation and its attribution stay in one sentence.
  var units: [Range<Int>] = []
  /// For each token, the index of the quotation it is inside, or -1.
  var quoteAt: [Int32] = []
  /// Quotations as (opening token, closing token) pairs.
  var quotes: [(open: Int, close: Int)] = []
  var dates: [DateMention] = []
  /// For each token, the index of the date mention covering it, or -1 (times are -2).
  var dateAt: [Int32] = []
  /// The first token of each date mention.
  var dateFirstToken: [Int] = []

  init(p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, vocabulary: Vocabulary, published: PartialDate?) {
    self.p = p
    self.lexicon = vocabulary.lexicon
    self.gazetteer = vocabulary.gazetteer
    self.published = published
    tokens.reserveCapacity((to - from) / 5)
    Tokenizer.tokenize(p, from: from, to: to, lexicon: lexicon, into: &tokens)
    gazetteer.mentions(tokens, p, into: &mentions)
    mentionAt = Array(repeating: -1, count: tokens.count)
    for (index, mention) in mentions.enumerated() {
      for k in mention.first...mention.last { mentionAt[k] = Int32(index) }
    }
    markDates(from: from, to: to)
    segment()
    dateline = findDateline()
  }

  /// The place of a dateline in capitals at the top of the text (`KHAN YOUNIS —`, `EL FASHER, Sudan —`).
  var dateline: Int32?

  private func findDateline() -> Int32? {
    var k = 0
    var words: [String] = []
    while k < min(tokens.count, 6), tokens[k].kind == .word, tokens[k].has(.allCaps) || tokens[k].has(.capitalized) {
      if !tokens[k].has(.allCaps) && Int(tokens[k].end - tokens[k].start) > 1 { break }
      words.append(text(tokens: k, k))
      k += 1
    }
    guard !words.isEmpty, k < tokens.count else { return nil }
    let next = tokens[k]
    guard next.kind == .dash || (next.kind == .punct && (next.byte == 0x2C || next.byte == 0x2D)) else { return nil }
    return gazetteer.byLowercasedName[words.joined(separator: " ").lowercased()]
  }

  // MARK: - Dates

  private mutating func markDates(from: Int, to: Int) {
    dateAt = Array(repeating: -1, count: tokens.count)
    guard !tokens.isEmpty else { return }
    let body = UnsafeBufferPointer(rebasing: p[from..<to])
    dates = DateScanner.mentions(in: body).map {
      var m = $0
      m.range = (m.range.lowerBound + from)..<(m.range.upperBound + from)
      return m
    }
    dateFirstToken = Array(repeating: -1, count: dates.count)
    var k = 0
    for (index, mention) in dates.enumerated() {
      while k < tokens.count && Int(tokens[k].end) <= mention.range.lowerBound { k += 1 }
      var j = k
      while j < tokens.count && Int(tokens[j].start) < mention.range.upperBound {
        dateAt[j] = Int32(index)
        if dateFirstToken[index] < 0 { dateFirstToken[index] = j }
        j += 1
      }
    }
    k = 0
    for time in DateScanner.timeRanges(in: body) {
      let range = (time.lowerBound + from)..<(time.upperBound + from)
      while k < tokens.count && Int(tokens[k].end) <= range.lowerBound { k += 1 }
      var j = k
      while j < tokens.count && Int(tokens[j].start) < range.upperBound {
        if dateAt[j] == -1 { dateAt[j] = -2 }
        j += 1
      }
    }
  }

  // MARK: - Sentences and quotations

  /// Abbreviations whose period ends no sentence.
  private func isAbbreviation(_ t: Token) -> Bool {
    if t.has(.abbreviation) { return true }
    let length = Int(t.end - t.start)
    if length == 1 && t.has(.capitalized) { return true }  // initials: J. Smith
    guard length <= 5, let word = lexicon.word(t) else {
      if length <= 4 {
        // Mr Mrs Ms Dr St Jr Sr No Lt Gen Col Sgt Capt Maj Rep Sen Gov Jan Feb Aug Sept Oct Nov Dec
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[t.range]), as: UTF8.self).lowercased()
        return ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "sgt", "rep", "sen", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "approx", "est", "mt", "ft"].contains(text)
      }
      return false
    }
    switch word {
    case .mr, .mrs, .ms, .dr, .gen, .col, .lt, .maj, .capt: return true
    default: return false
    }
  }

  private mutating func segment() {
    quoteAt = Array(repeating: -1, count: tokens.count)
    var start = 0
    var openQuote = -1
    var i = 0
    func closeUnit(_ end: Int, _ units: inout [Range<Int>]) {
      if end > start { units.append(start..<end) }
      start = end
    }
    while i < tokens.count {
      let t = tokens[i]
      if t.has(.paragraphStart) && i > start {
        if openQuote >= 0 { openQuote = -1 }
        closeUnit(i, &units)
      } else if t.has(.lineStart) && i > start && openQuote < 0 {
        // A single line break ends a sentence unless the text runs on in lower case.
        let first = p[Int(t.start)]
        let runsOn = (first >= 0x61 && first <= 0x7A) || (first >= 0x30 && first <= 0x39)
        let prev = tokens[i - 1]
        let prevEnds = prev.kind == .punct && (prev.byte == 0x2C || prev.byte == 0x28)
        if !runsOn && !prevEnds { closeUnit(i, &units) }
      }
      switch t.kind {
      case .openQuote:
        if openQuote < 0 { openQuote = i } else if t.byte == 0 && p[Int(t.start)] == 0x22 {
          // a straight quote while one is open closes it
          quotes.append((open: openQuote, close: i))
          openQuote = -1
        }
      case .closeQuote:
        if openQuote >= 0 {
          quotes.append((open: openQuote, close: i))
          openQuote = -1
        }
      case .punct where t.byte == 0x2E || t.byte == 0x21 || t.byte == 0x3F:
        if openQuote >= 0 { break }
        if t.byte == 0x2E, i > 0, tokens[i - 1].kind == .word, Int(tokens[i - 1].end) == Int(t.start),
          isAbbreviation(tokens[i - 1])
        {
          break
        }
        // The sentence ends after the mark and any closing quotes or brackets.
        var end = i + 1
        while end < tokens.count, tokens[end].kind == .closeQuote || (tokens[end].kind == .punct && tokens[end].byte == 0x29),
          tokens[end].has(.attached)
        {
          end += 1
        }
        if end < tokens.count {
          let next = tokens[end]
          let b = p[Int(next.start)]
          let lowerNext = b >= 0x61 && b <= 0x7A
          if lowerNext && !next.has(.lineStart) {
            i = end
            continue
          }
        }
        closeUnit(end, &units)
        i = end
        continue
      default:
        break
      }
      i += 1
    }
    closeUnit(tokens.count, &units)
    for (index, quote) in quotes.enumerated() where quote.close > quote.open {
      for k in quote.open...quote.close { quoteAt[k] = Int32(index) }
    }
  }

  // MARK: - Helpers

  @inline(__always) func word(_ i: Int) -> Word? { i >= 0 && i < tokens.count ? lexicon.word(tokens[i]) : nil }

  @inline(__always) func entry(_ i: Int) -> LexEntry? { i >= 0 && i < tokens.count ? lexicon.entry(tokens[i]) : nil }

  @inline(__always) func isPunct(_ i: Int, _ byte: UInt8) -> Bool {
    tokens[i].kind == .punct && tokens[i].byte == byte
  }

  /// A clause boundary: a comma, semicolon, colon, dash, bracket or quote.
  func isBoundary(_ i: Int) -> Bool {
    let t = tokens[i]
    switch t.kind {
    case .word, .number: return false
    case .dash, .openQuote, .closeQuote: return true
    case .punct: return t.byte != 0x27 && t.byte != 0x2D && t.byte != 0x2F
    }
  }

  func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
  }

  func text(tokens first: Int, _ last: Int) -> String {
    text(Int(tokens[first].start)..<Int(tokens[last].end))
  }

  /// The gazetteer mention at token `i`, if any.
  func mention(at i: Int) -> Mention? {
    guard i >= 0, i < tokens.count, mentionAt[i] >= 0 else { return nil }
    return mentions[Int(mentionAt[i])]
  }

  /// The canonical entity of a gazetteer entry.
  func entity(_ entry: Int32) -> String { gazetteer.entries[Int(entry)].entity }

  /// The party an entry stands for: a place stands for the entity it belongs to; an organization
  /// for the state it belongs to, or for no side at all (`United Nations`).
  func side(of entry: Int32) -> String? {
    var e = Int(entry)
    var hops = 0
    while gazetteer.entries[e].kind == .place || gazetteer.entries[e].kind == .organization, hops < 4 {
      guard gazetteer.parents[e] >= 0 else {
        return gazetteer.entries[e].kind == .organization ? nil : gazetteer.entries[e].entity
      }
      e = Int(gazetteer.parents[e])
      hops += 1
    }
    return gazetteer.entries[e].entity
  }

  /// The entity an entry stands for when it speaks: a place stands for the entity it belongs to.
  func party(of entry: Int32) -> String {
    var e = Int(entry)
    var hops = 0
    while gazetteer.entries[e].kind == .place, gazetteer.parents[e] >= 0, hops < 4 {
      e = Int(gazetteer.parents[e])
      hops += 1
    }
    return gazetteer.entries[e].entity
  }
}
