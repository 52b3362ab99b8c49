extension DocumentAnalysis {
  /// The side a figure is about.
  func party(
    for c: Candidate, attribution: Attribution?, location: Int32?, in unit: Range<Int>, opponents: EntryMap<Int32>,
    historical: Bool = false
  ) -> String? {
    let own = attribution?.affiliation
    func opponent() -> String? {
      guard let own, let other = opponents[own] else { return nil }
      return side(of: other)
    }
    switch c.category {
    case .population?:
      return location.flatMap { side(of: $0) }
    case .seized?:
      if let token = c.categoryToken, let agent = agent(before: token, in: unit) {
        return agent == -1 ? own.flatMap { side(of: $0) } : side(of: agent)
      }
      return own.flatMap { side(of: $0) }
    default:
      break
    }
    if let entry = c.partyEntry { return side(of: entry) }
    // A possessor right before the figure: "Armenia's 12 air-defense missile systems"
    let before = c.first - 1
    if before >= unit.lowerBound, let m = mention(at: before), tokens[m.last].has(.possessive) {
      return side(of: m.entry)
    }
    if before >= unit.lowerBound, let w = word(before), w == .its || w == .their || w == .our {
      return (w == .our ? nil : mentionBefore(before, in: unit)).flatMap { side(of: $0) } ?? own.flatMap { side(of: $0) }
    }
    if c.ownPossessive {
      return mentionBefore(c.first, in: unit).flatMap { side(of: $0) } ?? own.flatMap { side(of: $0) }
    }
    // "Russia has suffered 450,000 casualties", "Russian forces had lost 1,030 soldiers"
    if let sufferer = subjectOfLoss(c, in: unit) { return side(of: sufferer) }
    // "1.2 million people have fled Ukraine"
    if c.category == .displaced, let origin = fledFrom(c, in: unit) { return side(of: origin) }
    if c.enemy { return opponent() }
    if let entry = possessorAfter(c, in: unit) { return side(of: entry) }
    if c.category == .destroyed {
      // "Russian forces had destroyed 8 tanks": the agent's enemy
      if let token = c.categoryToken, token < c.first, let agent = agent(before: token, in: unit), agent >= 0,
        let other = opponents[agent]
      {
        return side(of: other)
      }
      return opponent()
    }
    if c.activeVerb {
      // "Israeli strikes on southern Lebanon killed 46 people": the place hit, else the agent's enemy.
      if let place = placeInClause(c, in: unit) { return side(of: place) }
      if let token = c.categoryToken, let agent = agent(before: token, in: unit), agent >= 0,
        let other = opponents[agent]
      {
        return side(of: other)
      }
      if own != nil, attribution?.claimant != nil, let other = opponent() { return other }
      return storySide(c, attributed: attribution?.claimant != nil, historical: historical)
    }
    let people = c.subject == "civilian" || c.subject == "unspecified"
    if people, let place = placeAfter(c, in: unit) ?? placeInClause(c, in: clause(around: c, in: unit)) {
      return side(of: place)
    }
    if let own, attribution?.claimant != nil, let side = side(of: own) { return side }
    return storySide(c, attributed: attribution?.claimant != nil, historical: historical)
  }

  /// The side where the story happens, for people hurt or displaced with nothing closer: the
  /// dateline's place when the article names that side again, else the side the article names most.
  private func storySide(_ c: Candidate, attributed: Bool, historical: Bool) -> String? {
    // A figure about an earlier period is not about where the story is filed from.
    guard c.category != .destroyed, !historical else { return nil }
    let ranked = rankedSides()
    if let dateline, let side = side(of: dateline), ranked.contains(where: { self.side(of: $0) == side }) {
      return side
    }
    // Soldiers are not counted for whichever side the article names most.
    guard c.subject != "military" else { return nil }
    // An outlet's own unattributed figure ("a war that claimed 30,000 lives") is often about
    // both sides: only a claimed figure takes the article's main side.
    guard attributed, let top = ranked.first else { return nil }
    // Only a clear leader: named more often than any other side.
    if ranked.count > 1, sideCounts[top] == sideCounts[ranked[1]] { return nil }
    return side(of: top)
  }

  /// The comma-free stretch of the sentence around the figure.
  private func clause(around c: Candidate, in unit: Range<Int>) -> Range<Int> {
    var lo = c.first
    while lo > unit.lowerBound && !isBoundary(lo - 1) { lo -= 1 }
    var hi = c.headLast + 1
    while hi < unit.upperBound && !isBoundary(hi) { hi += 1 }
    return lo..<hi
  }

  /// `of Azerbaijan`, `belonging to the Azerbaijani military`, `on the Armenian side`, after the noun phrase.
  private func possessorAfter(_ c: Candidate, in unit: Range<Int>) -> Int32? {
    var k = c.headLast + 1
    var steps = 0
    while k < unit.upperBound && steps < 20 {
      let w = word(k)
      if w == .of || w == .belonging || w == .owned || (w == .to && word(k - 1) == .belonging) {
        var j = k + 1
        if word(j) == .to { j += 1 }
        if word(j) == .the { j += 1 }
        if let m = mention(at: j), m.role != .capital, gazetteer.entries[Int(m.entry)].kind != .place || w != .of {
          return m.entry
        }
      }
      if w == .on, word(k + 1) == .the, let m = mention(at: k + 2), word(m.last + 1) == .side { return m.entry }
      // stop at the verb of the clause or another clause
      if let w, w == .were || w == .was || w == .have || w == .has || w == .had || w == .are || w == .is_ || w == .said
        || w == .while_ || w == .but || w == .after || w == .when
      {
        return nil
      }
      if isAttributionVerb(k) || tokens[k].kind == .openQuote || tokens[k].kind == .closeQuote { return nil }
      if tokens[k].kind == .punct && tokens[k].byte == 0x3B { return nil }
      k += 1
      steps += 1
    }
    return nil
  }

  /// A place named with `in`, `on`, `across` or `near` anywhere in the sentence, nearest to the figure.
  private func placeInClause(_ c: Candidate, in unit: Range<Int>) -> Int32? {
    var best: (distance: Int, entry: Int32)?
    for k in unit {
      guard let w = word(k), w == .in_ || w == .on || w == .across || w == .near || w == .at else { continue }
      var j = k + 1
      while j < min(k + 4, unit.upperBound), mention(at: j) == nil, tokens[j].kind == .word,
        !tokens[j].has(.capitalized) || word(j) == .the || isDirection(j)
      {
        // "fled across the border into Chad": a destination is not where it happened
        if word(j) == .into || word(j) == .to { break }
        j += 1
      }
      guard let m = mention(at: j), m.role != .adjective, side(of: m.entry) != nil else { continue }
      let distance = abs(k - c.first)
      if best == nil || distance < best!.distance { best = (distance, m.entry) }
    }
    return best?.entry
  }

  private static let directions = WordSet([
    "west", "east", "north", "south", "western", "eastern", "northern", "southern", "central", "upper", "lower",
    "greater",
  ])
  private static let lossVerbs = WordSet(["suffered", "lost", "sustained", "incurred", "suffering", "losing"])

  /// `West`, `northern`, `Upper`: words that qualify a place name.
  private func isDirection(_ k: Int) -> Bool {
    Self.directions.contains(tokens[k], in: p)
  }

  /// The nearest side named before token `k` in the sentence (what `its` refers to).
  private func mentionBefore(_ k: Int, in unit: Range<Int>) -> Int32? {
    var j = k - 1
    while j >= unit.lowerBound {
      if let m = mention(at: j), side(of: m.entry) != nil {
        return m.entry
      }
      j -= 1
    }
    return nil
  }

  /// The subject of `suffered`, `lost`, `sustained` or `incurred` just before the figure.
  private func subjectOfLoss(_ c: Candidate, in unit: Range<Int>) -> Int32? {
    var k = c.first - 1
    var steps = 0
    while k >= unit.lowerBound && steps < 4 {
      if Self.lossVerbs.contains(tokens[k], in: p) {
        var j = k - 1
        while j >= unit.lowerBound && k - j < 6 {
          if let m = mention(at: j) { return m.entry }
          if isBoundary(j) { return nil }
          j -= 1
        }
        return nil
      }
      guard tokens[k].kind == .word else { return nil }
      k -= 1
      steps += 1
    }
    return nil
  }

  /// `fled Ukraine`, `fled from Sudan`, `driven out of Gaza`, after the figure.
  private func fledFrom(_ c: Candidate, in unit: Range<Int>) -> Int32? {
    var k = c.headLast + 1
    while k < min(unit.upperBound, c.headLast + 8) {
      if let w = word(k), w == .from || w == .leave || w == .left || w == .out {
        // "from Sudan", "out of Gaza", "from communities along Israel's northern border"
        for j in (k + 1)..<min(unit.upperBound, k + 6) {
          if let m = mention(at: j), m.role != .adjective { return m.entry }
          if isBoundary(j) { break }
        }
      }
      if let e = entry(k), e.category == .displaced, let m = mention(at: k + 1), m.role != .adjective { return m.entry }
      k += 1
    }
    return nil
  }

  /// A place named right after the figure: `7 civilians in Kharkiv`, `killed 20 people near Bakhmut`.
  private func placeAfter(_ c: Candidate, in unit: Range<Int>) -> Int32? {
    var k = max(c.headLast, c.categoryToken ?? 0) + 1
    var steps = 0
    while k < unit.upperBound && steps < 10 {
      if let w = word(k), w == .in_ || w == .near || w == .across || w == .around {
        var j = k + 1
        if word(j) == .the { j += 1 }
        if word(j) == .city || word(j) == .town || word(j) == .region { j += 2 }
        if let m = mention(at: j), m.role == .name { return m.entry }
      }
      if isBoundary(k) && !isPunct(k, 0x2C) { return nil }
      k += 1
      steps += 1
    }
    return nil
  }

  /// The side that did a seizure: the entity before the verb (`Azerbaijani forces seized`), or -1 for
  /// `his country's forces` / `its troops` (the claimant's side).
  private func agent(before verb: Int, in unit: Range<Int>) -> Int32? {
    var k = verb - 1
    var steps = 0
    while k >= unit.lowerBound && steps < 8 {
      if let m = mention(at: k) { return m.entry }
      if let w = word(k) {
        if w == .its || w == .their || w == .our || w == .his || w == .her { return -1 }
        if w == .that || isAttributionVerb(k) { return nil }
      }
      if isBoundary(k) { return nil }
      k -= 1
      steps += 1
    }
    return nil
  }

  /// For each side named in the document, the side named most often beside it.
  ///
  /// Places stand for the side they belong to. Only the sides named in the document (and the
  /// places named in it) get an entry, so the cost follows the document, not the gazetteer.
  /// Places and institutions are resolved in the order they are first named.
  func opponents() -> EntryMap<Int32> {
    var counts = SideCounts(capacity: mentions.count)
    // The entries named, each once, in the order first named (the values are unused).
    var named = EntryMap<Int32>(capacity: mentions.count)
    for m in mentions {
      named.set(m.entry, to: m.entry)
      var e = m.entry
      let kind = gazetteer.entries[Int(e)].kind
      if kind == .place {
        guard gazetteer.parents[Int(e)] >= 0 else { continue }
        e = gazetteer.parents[Int(e)]
      }
      if kind == .organization && gazetteer.parents[Int(e)] < 0 { continue }
      counts.add(e)
    }
    let ranked = counts.ranked()
    // The sides counted and the entries named: at most two keys a mention.
    var result = EntryMap<Int32>(capacity: 2 * mentions.count)
    for e in ranked {
      if let other = ranked.first(where: { $0 != e }) { result.set(e, to: other) }
    }
    // Places and institutions stand for their side.
    for e in named.keys where result[e] == nil {
      let parent = gazetteer.parents[Int(e)]
      if parent >= 0, let other = result[parent] { result.set(e, to: other) }
    }
    return result
  }
}
