extension DocumentAnalysis {
  /// Every claim of the document, in order of position.
  func claims(document: String, source: String?) -> [Claim] {
    var out: [Claim] = []
    // Room for a claim in two sentences (documents have about one in two), so that most
    // documents grow the list once at most.
    out.reserveCapacity(units.count / 2 + 4)
    var history: [Attribution] = []
    let opponents = self.opponents()
    for (u, unit) in units.enumerated() {
      let figures = figures(in: unit)
      // Remember claimants named in sentences without figures too, for "the ministry said" later.
      if figures.isEmpty {
        if let found = sentenceClaimant(unit, history: history) { remember(found, in: &history) }
        continue
      }
      let clues = clues(in: unit)
      for c in figures {
        guard let category = c.category else { continue }
        let attribution = attribution(forFigureAt: c.first, in: unit, clues: clues, history: history)
        if attribution?.isDenial == true { continue }
        if let attribution, attribution.claimant != nil { remember(attribution, in: &history) }
        var location: Int32?
        var locationName: String?
        if category == .population {
          if let place = populationPlace(before: c.first, in: unit) {
            location = place.entry
            locationName = place.name
          } else if let dateline, refersToThePlace(unit) {
            // "STEPANAKERT — The city, home to around 55,000 people, ..."
            location = dateline
            locationName = datelineName
          }
        }
        let asOf = asOf(c, unitIndex: u)
        // A year or a month as the as-of date marks a figure about an earlier period.
        // (as-of dates are ASCII: `2020`, `2020-10`, `2020-10-04`)
        let historical = asOf.map { $0.utf8.count == 7 || !Self.holdsHyphen($0) } ?? false
        let party = party(
          for: c, attribution: attribution, location: location, in: unit, opponents: opponents, historical: historical)
        let (start, end) = quoteSpan(c)
        let value = c.qualifier == .range || c.qualifier == .vague ? (c.low ?? c.number.value) : c.number.value
        out.append(
          Claim(
            document: document, source: source, published: publishedText, claimant: attribution?.claimant,
            party: party, category: category, subject: subject(c, category), value: value, low: c.low,
            high: c.high, qualifier: c.qualifier, asOf: asOf,
            location: locationName, quote: text(start..<end), start: start, end: end))
      }
    }
    return out
  }

  /// Whether `text` holds a hyphen, read from its bytes in place.
  private static func holdsHyphen(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in bytes.contains(0x2D) }
  }

  /// Keeps the last few claimants named, most recent last, for `he said` and `the ministry said`.
  private func remember(_ attribution: Attribution, in history: inout [Attribution]) {
    if history.last?.claimant == attribution.claimant { return }
    var attribution = attribution
    attribution.fromPronoun = false
    attribution.isDenial = false
    history.append(attribution)
    if history.count > 16 { history.removeFirst(history.count - 16) }
  }

  private func subject(_ c: Candidate, _ category: Category) -> String {
    switch category {
    case .population: return ""
    case .destroyed, .seized: return c.subject ?? ""
    case .displaced: return c.subject == nil || c.subject == "unspecified" ? "civilian" : (c.subject ?? "civilian")
    default: return c.subject ?? "unspecified"
    }
  }

  private func sentenceClaimant(_ unit: Range<Int>, history: [Attribution]) -> Attribution? {
    for k in unit where quoteAt[k] < 0 && isAttributionVerb(k) {
      if let np = subject(ofVerb: k, in: unit), let found = normalise(np, history: history), found.claimant != nil {
        return found
      }
    }
    return nil
  }

  /// The place a population figure belongs to: the nearest place named before it in the sentence.
  /// A capital is named as written (`Stepanakert`), an entity by its canonical name.
  private func populationPlace(before first: Int, in unit: Range<Int>) -> (entry: Int32, name: String)? {
    var fallback: (entry: Int32, name: String)?
    var k = first - 1
    while k >= unit.lowerBound {
      if let m = mention(at: k) {
        if m.role == .capital {
          let written = text(tokens: m.first, m.last)
          return (m.entry, gazetteer.byLowercasedName[written.lowercased()]?.form ?? written)
        }
        if gazetteer.entries[Int(m.entry)].kind == .place { return (m.entry, entity(m.entry)) }
        if fallback == nil && m.role == .name { fallback = (m.entry, entity(m.entry)) }
        k = m.first - 1
        continue
      }
      k -= 1
    }
    return fallback
  }

  /// Whether a sentence speaks of "the city" or "the town" without naming it.
  private func refersToThePlace(_ unit: Range<Int>) -> Bool {
    for k in unit where word(k) == .city || word(k) == .town {
      if k > unit.lowerBound, word(k - 1) == .the { return true }
    }
    return false
  }

  /// The byte span of the words that carry the figure: qualifier, number, noun, and a category verb next to them.
  private func quoteSpan(_ c: Candidate) -> (Int, Int) {
    var first = c.first
    var last = c.headLast
    if let token = c.categoryToken {
      if token > last && token - last <= 4 { last = token }
      if token < first && first - token <= 3 { first = token }
    }
    return (Int(tokens[first].start), Int(tokens[last].end))
  }
}
