extension DocumentAnalysis {
  /// Decides what a figure counts, from its noun, the verbs around it and the sentence.
  func categorize(_ c: inout Candidate, in unit: Range<Int>) {
    if isPopulation(c, in: unit) {
      c.category = .population
      c.subject = ""
      return
    }
    switch c.head {
    case .equipment(let name):
      // "launched 74 drones ... 47 were shot down": the launch is not a loss
      if let w = word(c.first - 1), w == .launched || w == .fired || w == .sent || w == .deployed || w == .supplied
        || w == .delivered || w == .provided || w == .launch || w == .fire
      {
        return
      }
      if c.first - 2 >= unit.lowerBound, let w = word(c.first - 2), w == .launched || w == .fired || w == .sent {
        return
      }
      if let verb = destroyVerb(near: c.headLast, in: unit) {
        c.category = .destroyed
        c.subject = name
        c.categoryToken = verb
      }
      return
    case .place(let name):
      if let verb = seizeVerb(in: unit) {
        c.category = .seized
        c.subject = name
        c.categoryToken = verb
      }
      return
    case .noun, .state:
      if c.category == .killed || c.category == .wounded, let right = rightVerb(from: c.headLast + 1, in: unit),
        right.category == .casualties
      {
        c.category = .casualties
      }
      // "refugees", "prisoners" carry their own category; killed/wounded words too.
      finishSubject(&c)
      return
    case .person, .none:
      // "... 74 drones, and 47 were shot down": the noun stands earlier in the sentence
      if c.head == .none, let verb = destroyVerbRight(from: c.headLast + 1, in: unit),
        let noun = equipmentBefore(c.first, in: unit)
      {
        c.category = .destroyed
        c.subject = noun
        c.categoryToken = verb
        return
      }
      if let right = rightVerb(from: c.headLast + 1, in: unit) {
        c.category = right.category
        c.categoryToken = right.token
      } else if let left = leftVerb(c, in: unit) {
        c.category = left.category
        c.categoryToken = left.token
        c.activeVerb = left.active
      } else if c.head == .none, let toll = tollNoun(c, in: unit) {
        c.category = toll.category
        c.categoryToken = toll.token
      }
      finishSubject(&c)
    }
  }

  private func finishSubject(_ c: inout Candidate) {
    if c.subject == nil || c.subject == "unspecified" {
      c.subject = c.category == .displaced ? "civilian" : (c.subject ?? "unspecified")
    }
  }

  /// A category verb or state after the noun phrase: `were killed`, `died`, `to flee`, `dead`.
  func rightVerb(from start: Int, in unit: Range<Int>) -> (category: Category, token: Int)? {
    var k = start
    var steps = 0
    var inPhrase = false
    var skippedAside = false
    while k < unit.upperBound && steps < 8 {
      let t = tokens[k]
      // A parenthetical between commas: "41 of its soldiers, most of them Italian, were injured"
      if !skippedAside, t.kind == .punct, t.byte == 0x2C {
        var j = k + 1
        while j < min(unit.upperBound, k + 12), !isPunct(j, 0x2C), !isBoundary(j) { j += 1 }
        if j < unit.upperBound, isPunct(j, 0x2C), j > k + 1 {
          skippedAside = true
          k = j + 1
          continue
        }
        return nil
      }
      if t.kind == .word {
        if let e = lexicon.entry(t) {
          if let category = e.category, e.role == .verb || e.role == .state || (e.role == .noun && category == .captured) {
            // "killed or wounded", "killed and injured": not separated
            if category == .killed || category == .wounded, k + 2 < unit.upperBound,
              word(k + 1) == .or || word(k + 1) == .and,
              let other = entry(k + 2)?.category, other != category, other == .killed || other == .wounded
            {
              return (.casualties, k)
            }
            return (category, k)
          }
          if let w = e.word {
            // "drove 1 million people from their homes"
            if w == .from, word(k + 1) == .their || word(k + 1) == .homes || word(k + 1) == .its {
              if word(k + 1) == .homes || word(k + 2) == .homes || word(k + 2) == .home { return (.displaced, k) }
            }
            switch w {
            case .of, .in_, .on, .at, .from, .near:
              inPhrase = true
              k += 1
              steps += 1
              continue
            case .were, .was, .have, .has, .had, .been, .being, .be, .are, .is_, .reportedly, .also, .allegedly,
              .since, .so, .far, .now, .already, .later, .all, .officially, .subsequently, .initially, .then,
              .to, .confirmed, .reported, .who, .had_, .each, .both, .yet, .still, .just, .left,
              .during, .the, .internally, .seriously, .critically, .severely, .lightly, .fatally, .badly, .mortally,
              .made, .them, .among:
              k += 1
              steps += 1
              continue
            default:
              return nil
            }
          }
          return nil
        }
        // A place in a short prepositional phrase: "12 people in Kharkiv were killed",
        // "3,000 residents of the nearby town of Djibo had fled"
        if mention(at: k) != nil || t.has(.capitalized) || inPhrase {
          k += 1
          steps += 1
          continue
        }
        return nil
      }
      return nil
    }
    return nil
  }

  /// A category verb just before the figure: `killed over a dozen`, `killing at least 12`.
  func leftVerb(_ c: Candidate, in unit: Range<Int>) -> (category: Category, token: Int, active: Bool)? {
    var k = c.first - 1
    var steps = 0
    while k >= unit.lowerBound && steps < 3 {
      let t = tokens[k]
      if t.kind == .openQuote {
        k -= 1
        steps += 1
        continue
      }
      guard t.kind == .word, let e = lexicon.entry(t) else { return nil }
      if let category = e.category, e.role == .verb {
        // "killed or wounded up to 1,800": not separated
        if category == .killed || category == .wounded, k - 2 >= unit.lowerBound, word(k - 1) == .or || word(k - 1) == .and,
          let before = entry(k - 2), before.role == .verb, let other = before.category, other != category,
          other == .killed || other == .wounded
        {
          return (.casualties, k - 2, true)
        }
        return (category, k, true)
      }
      if let w = e.word {
        // "the deaths of 14 civilians"
        if w == .of, k - 1 >= unit.lowerBound, let noun = entry(k - 1), noun.role == .noun, let category = noun.category,
          category != .population
        {
          return (category, k - 1, false)
        }
        switch w {
        case .have, .has, .had, .reportedly, .also, .allegedly, .since, .already, .now, .so, .far:
          k -= 1
          steps += 1
          continue
        case .left, .leaving, .leave:
          // "left 12 people dead", "leaving at least 5 injured"
          var j = c.headLast + 1
          if j < unit.upperBound, let e2 = entry(j), let category = e2.category, e2.role == .state || e2.role == .verb {
            return (category, j, true)
          }
          j += 1
          return nil
        default:
          return nil
        }
      }
      return nil
    }
    return nil
  }

  /// `the death toll rose to 50`, `casualties stood at 1,200`, `the number of refugees reached 3 million`.
  func tollNoun(_ c: Candidate, in unit: Range<Int>) -> (category: Category, token: Int)? {
    var k = c.first - 1
    var steps = 0
    while k >= unit.lowerBound && steps < 8 {
      let t = tokens[k]
      if t.kind == .number || isBoundary(k) { return nil }
      if let e = lexicon.entry(t) {
        if e.word == .toll {
          if k - 1 >= unit.lowerBound, let before = entry(k - 1), let category = before.category { return (category, k) }
          return (.killed, k)
        }
        if let category = e.category, e.role == .noun || e.role == .state || e.role == .verb {
          // Only with a verb of measure between: "rose to", "reached", "stood at", "is", "put at"
          if category == .population { return nil }
          return hasMeasureVerb(from: k + 1, to: c.first) ? (category, k) : nil
        }
      }
      k -= 1
      steps += 1
    }
    return nil
  }

  private func hasMeasureVerb(from: Int, to: Int) -> Bool {
    for k in from..<to {
      switch word(k) {
      case .rose, .risen, .climbed, .reached, .stood, .stands, .stand, .increased, .jumped, .soared, .hit, .put,
.raised, .brought, .bringing, .reaching, .rising, .climbing, .is_, .was, .at, .to, .number, .tally, .count,
        .figure, .total, .were, .are, .including:
        return true
      default: continue
      }
    }
    return false
  }

  /// `a city of more than 330,000`, `a population of 500,000`, `home to 2 million`, `3,000 inhabitants`.
  func isPopulation(_ c: Candidate, in unit: Range<Int>) -> Bool {
    if c.head == .noun, c.category == .population { return true }
    if c.head == .person, let e = entry(c.headLast), e.word == .inhabitants {
      return rightVerb(from: c.headLast + 1, in: unit) == nil
    }
    var k = c.first - 1
    var steps = 0
    while k >= unit.lowerBound && steps < 4 {
      guard let w = word(k) else { return false }
      switch w {
      case .population, .inhabitants: return true
      case .home_to: return true
      case .of, .is_, .was, .at, .estimated, .about, Word.some, .with, .has, .have, .total, .a, .an, .to:
        // "a city of", "population is", "home to"
        if w == .of, let before = word(k - 1), before == .city || before == .town || before == .country || before == .nation {
          return c.head == .none || c.head == .person && entry(c.headLast)?.word == .residents
        }
        if w == .to, word(k - 1) == .home { return true }
        k -= 1
        steps += 1
        continue
      case .city, .town:
        return false
      default:
        return false
      }
    }
    return false
  }

  /// A verb of destruction right after a bare number: `47 were shot down`, `12 destroyed`.
  func destroyVerbRight(from start: Int, in unit: Range<Int>) -> Int? {
    var k = start
    while k < unit.upperBound && k < start + 4 {
      switch word(k) {
      case .were, .was, .have, .has, .had, .been, .later, .also: k += 1
      default:
        guard let verb = destroyVerb(near: k, in: k..<min(k + 2, unit.upperBound)), verb == k else { return nil }
        return k
      }
    }
    return nil
  }

  /// The singular of the last equipment noun before token `first` in the sentence.
  func equipmentBefore(_ first: Int, in unit: Range<Int>) -> String? {
    var k = first - 1
    while k >= unit.lowerBound {
      if let e = entry(k), e.endsEquipment, let name = equipmentPhrase(endingAt: k, after: unit.lowerBound - 1, heads: lexicon.equipmentHeads(e)) {
        return name
      }
      k -= 1
    }
    return nil
  }

  /// The token of a verb of destruction in the sentence: destroyed, shot down, downed, eliminated.
  func destroyVerb(near anchor: Int, in unit: Range<Int>) -> Int? {
    // the nearest after the figure first, then the nearest before it (walked in place, without
    // an array of the positions)
    for k in anchor..<max(anchor, unit.upperBound) where isDestroyVerb(k) { return k }
    for k in (unit.lowerBound..<max(unit.lowerBound, anchor)).reversed() where isDestroyVerb(k) { return k }
    return nil
  }

  /// Whether token `k` is a verb of destruction (`destroyed`, `shot down`, `knocked out`).
  private func isDestroyVerb(_ k: Int) -> Bool {
    switch word(k) {
    case .destroyed, .destroying, .destroy, .downed, .eliminated, .eliminating, .neutralized, .neutralised,
      .intercepted, .disabled, .burned:
      return true
    case .shot, .shooting, .shoot:
      return word(k + 1) == .down || word(k + 2) == .down
    case .knocked:
      return word(k + 1) == .out
    default:
      return false
    }
  }

  /// The token of a verb of seizure in the sentence: seized, captured, liberated, took control.
  func seizeVerb(in unit: Range<Int>) -> Int? {
    for k in unit {
      switch word(k) {
      case .seized, .seizing, .seize, .liberated, .liberating, .recaptured, .retook, .retaken, .occupied, .overran,
        .freed, .regained, .cleared, .captured_:
        return k
      case .took, .taken, .take, .taking, .gained:
        if word(k + 1) == .control || word(k + 2) == .control || word(k + 3) == .control { return k }
      default:
        if let e = entry(k), e.category == .captured, e.role == .verb { return k }
        continue
      }
    }
    return nil
  }
}
