/// The working state of the extractor for one document: its tokens, the gazetteer names and
/// dates in it, and its sentences. Built, used and dropped per document.

struct DocumentAnalysis {
  let p: UnsafeBufferPointer<UInt8>
  let lexicon: Lexicon
  let gazetteer: Gazetteer
  let published: PartialDate?
  /// `published` as written in claims (`2020-10-04`), made once: most claims are as of it.
  let publishedText: String?
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
    self.publishedText = published?.description
    Tokenizer.tokenize(p, from: from, to: to, lexicon: lexicon, into: &tokens)
    // Room for about one name and one sentence in sixteen tokens (prose has one in twenty), so
    // that most documents grow neither list.
    mentions.reserveCapacity(tokens.count / 16 + 4)
    units.reserveCapacity(tokens.count / 16 + 4)
    gazetteer.mentions(tokens, p, into: &mentions)
    mentionAt = Array(repeating: -1, count: tokens.count)
    for (index, mention) in mentions.enumerated() {
      for k in mention.first...mention.last { mentionAt[k] = Int32(index) }
    }
    dateAt = Array(repeating: -1, count: tokens.count)
    segment()
    markDates()
    dateline = findDateline()
    countSides()
  }

  /// How often each side (places counted for their state or territory) is named in the document.
  var sideCounts = SideCounts(capacity: 0)

  /// The sides named in the document, most named first (ranked once, in `countSides()`).
  private(set) var rankedSideList: [Int32] = []

  /// The sides named in the document, most named first.
  func rankedSides() -> [Int32] { rankedSideList }

  private mutating func countSides() {
    sideCounts = SideCounts(capacity: mentions.count)
    for m in mentions {
      var e = m.entry
      let kind = gazetteer.entries[Int(e)].kind
      if kind == .place || kind == .organization {
        guard gazetteer.parents[Int(e)] >= 0 else { continue }
        e = gazetteer.parents[Int(e)]
      }
      sideCounts.add(e)
    }
    rankedSideList = sideCounts.ranked()
  }

  /// The place of a dateline in capitals at the top of the text (`KHAN YOUNIS —`, `EL FASHER, Sudan —`).
  var dateline: Int32?
  /// The dateline's place as the gazetteer writes it (`Khan Younis`).
  var datelineName: String?

  private mutating func findDateline() -> Int32? {
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
    let key = words.joined(separator: " ").lowercased()
    let name = gazetteer.byLowercasedName[key]
    datelineName = name?.form
    return name?.entry
  }

  // MARK: - Dates

  /// Whether a sentence holds anything that could be a figure: digits or a number word.
  private func mayHoldFigure(_ unit: Range<Int>) -> Bool {
    for i in unit {
      let t = tokens[i]
      if t.kind == .number { return true }
      guard t.word != 0 || t.lex >= 0 else {
        if t.has(.hyphenated), wordValue(i) != nil { return true }
        continue
      }
      if let w = lexicon.word(t) {
        switch w {
        case .dozens, .scores, .hundreds, .thousands, .millions, .tens: return true
        case .a, .an:
          if let next = i + 1 < unit.upperBound ? lexicon.word(tokens[i + 1]) : nil,
            next == .dozen || next == .hundred || next == .thousand || next == .couple || next == .single || next == .million
          {
            return true
          }
          continue
        default: break
        }
      }
      if t.lex >= 0, lexicon.entries[Int(t.lex)].number != nil { return true }
    }
    return false
  }

  /// Finds dates and times, but only around sentences that may hold figures: the sentence itself,
  /// two before (the scene a day is carried from, a year that narrows a decade) and two after.
  private mutating func markDates() {
    guard !tokens.isEmpty, !units.isEmpty else { return }
    // Room for a date in four sentences (a document has about one in eight).
    dates.reserveCapacity(units.count / 4 + 4)
    dateFirstToken.reserveCapacity(units.count / 4 + 4)
    var wanted = Array(repeating: false, count: units.count)
    for (u, unit) in units.enumerated() where mayHoldFigure(unit) {
      for v in max(0, u - 2)...min(units.count - 1, u + 2) { wanted[v] = true }
    }
    var u = 0
    while u < units.count {
      guard wanted[u] else {
        u += 1
        continue
      }
      var v = u
      while v + 1 < units.count && wanted[v + 1] { v += 1 }
      let first = units[u].lowerBound
      let last = units[v].upperBound - 1
      let span = Int(tokens[first].start)..<Int(tokens[last].end)
      scanDates(in: span, tokens: first...last)
      u = v + 1
    }
  }

  private mutating func scanDates(in span: Range<Int>, tokens range: ClosedRange<Int>) {
    let body = UnsafeBufferPointer(rebasing: p[span])
    // The date tokens come from this document's tokens, not from a second tokenization.
    let dateTokens = DateTokenizer.tokens(body, from: tokens, range, base: span.lowerBound)
    assert(dateTokens == DateTokenizer.tokens(body), "date tokens derived from the extractor's differ")
    let (found, times) = DateScanner.scan(body, tokens: dateTokens)
    for mention in found {
      let index = dates.count
      let bytes = (mention.range.lowerBound + span.lowerBound)..<(mention.range.upperBound + span.lowerBound)
      var m = mention
      m.range = bytes
      dates.append(m)
      dateFirstToken.append(-1)
      let k = firstToken(endingAfter: bytes.lowerBound, in: range)
      var j = k
      while j <= range.upperBound && Int(tokens[j].start) < bytes.upperBound {
        dateAt[j] = Int32(index)
        if dateFirstToken[index] < 0 { dateFirstToken[index] = j }
        j += 1
      }
    }
    for time in times {
      let bytes = (time.lowerBound + span.lowerBound)..<(time.upperBound + span.lowerBound)
      var j = firstToken(endingAfter: bytes.lowerBound, in: range)
      while j <= range.upperBound && Int(tokens[j].start) < bytes.upperBound {
        if dateAt[j] == -1 { dateAt[j] = -2 }
        j += 1
      }
    }
  }

  /// The first token of `range` that ends after byte `offset`, or `range.upperBound + 1`: found
  /// by bisection (tokens end in increasing order), not by walking the tokens before it.
  private func firstToken(endingAfter offset: Int, in range: ClosedRange<Int>) -> Int {
    var low = range.lowerBound
    var high = range.upperBound + 1
    while low < high {
      let middle = (low + high) / 2
      if Int(tokens[middle].end) <= offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  // MARK: - Sentences and quotations

  /// The most tokens in one sentence; a longer run of text is cut (see `segment()`).
  static let maxUnitTokens = 256

  private static let abbreviations = WordSet([
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "sgt", "rep", "sen", "gov", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "approx", "est", "mt", "ft",
  ])

  /// Abbreviations whose period ends no sentence.
  private func isAbbreviation(_ index: Int) -> Bool {
    let t = tokens[index]
    if t.has(.abbreviation) { return true }
    let length = Int(t.end - t.start)
    if length == 1 && t.has(.capitalized) { return true }  // initials: J. Smith
    guard length <= 5, let word = lexicon.word(t) else {
      if length <= 4 {
        // Mr Mrs Ms Dr St Jr Sr No Lt Gen Col Sgt Capt Maj Rep Sen Gov Jan Feb Aug Sept Oct Nov Dec
        return Self.abbreviations.contains(t, in: p)
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
      // Figures look across their whole sentence, so a sentence with no end (a page of text with
      // no full stop) would cost its length squared: it is cut into pieces of at most
      // `maxUnitTokens` tokens, far longer than any real sentence.
      while end - start > Self.maxUnitTokens {
        units.append(start..<start + Self.maxUnitTokens)
        start += Self.maxUnitTokens
      }
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
          isAbbreviation(i - 1)
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
