extension DocumentAnalysis {
  /// Whether token `i` could start a number.
  @inline(__always)
  func couldStartNumber(_ i: Int) -> Bool {
    let t = tokens[i]
    if t.kind == .number { return dateAt[i] == -1 && !t.has(.glued) && !t.has(.currency) }
    guard t.lex >= 0 else { return t.has(.hyphenated) }
    let e = lexicon.entries[Int(t.lex)]
    if e.number != nil { return true }
    switch e.word {
    case .dozens, .scores, .hundreds, .thousands, .millions, .tens, .a, .an: return true
    default: return false
    }
  }

  /// The figures of one sentence, with qualifier, noun and category; those without a category are dropped.
  func figures(in unit: Range<Int>) -> [Candidate] {
    var found: [Candidate] = []
    var i = unit.lowerBound
    while i < unit.upperBound {
      guard couldStartNumber(i), let number = numberExpression(at: i, unitEnd: unit.upperBound) else {
        i += 1
        continue
      }
      if let candidate = candidate(for: number, in: unit) {
        found.append(candidate)
        i = max(candidate.numberLast, number.last) + 1
      } else {
        i = number.last + 1
      }
    }
    // Coordinated figures share a verb: "two helicopters, as many as 14 drones ... have been destroyed",
    // "12 soldiers and 3 civilians were killed".
    if found.count > 1 {
      for k in stride(from: found.count - 2, through: 0, by: -1) where found[k].category == nil {
        if coordinated(found[k], found[k + 1]), let category = found[k + 1].category,
          found[k].head == .person || found[k].head == .none
        {
          found[k].category = category
          found[k].categoryToken = found[k + 1].categoryToken
          found[k].activeVerb = found[k + 1].activeVerb
        }
      }
      for k in 1..<found.count where found[k].category == nil {
        if coordinated(found[k - 1], found[k]), let category = found[k - 1].category, found[k].head == .person,
          let token = found[k - 1].categoryToken, token < found[k - 1].first
        {
          found[k].category = category
          found[k].categoryToken = token
          found[k].activeVerb = found[k - 1].activeVerb
        }
      }
    }
    // "five fighters had been killed and six wounded": a bare number takes the noun of the figure before it.
    if found.count > 1 {
      for k in 1..<found.count where found[k].head == .none && found[k - 1].head == .person {
        if found[k].first - found[k - 1].headLast <= 8 {
          found[k].subject = found[k - 1].subject
          found[k].partyEntry = found[k].partyEntry ?? found[k - 1].partyEntry
          found[k].ownPossessive = found[k].ownPossessive || found[k - 1].ownPossessive
        }
      }
    }
    // Most sentences keep every candidate (or have none): only then is the array rewritten.
    if found.contains(where: { $0.category == nil }) { found.removeAll { $0.category == nil } }
    return found
  }

  /// Whether only a conjunction or a comma separates two figures.
  func coordinated(_ a: Candidate, _ b: Candidate) -> Bool {
    var k = a.headLast + 1
    var steps = 0
    while k < b.first {
      if isPunct(k, 0x2C) || word(k) == .and || word(k) == .or || word(k) == .as_ || word(k) == .well
        || word(k) == .including || word(k) == .among || word(k) == .them
      {
        k += 1
        steps += 1
        if steps > 4 { return false }
        continue
      }
      return false
    }
    return true
  }

  /// Builds the candidate for a number, or nil when the number is a measure, a date part or the like.
  func candidate(for number: NumberExpression, in unit: Range<Int>) -> Candidate? {
    var c = Candidate(number: number, first: number.first, numberLast: number.last, headLast: number.last)
    if isMeasure(number, in: unit) { return nil }
    if number.isVague {
      c.qualifier = .vague
      c.low = number.value
    } else {
      qualify(&c, in: unit)
    }
    if isNegated(c, in: unit) { return nil }
    readNounPhrase(&c, in: unit)
    if c.head == .none && number.isWords && number.value < 10 && !number.isVague {
      // "one", "two" alone are pronouns or counts of something unnamed.
      if !hasAdjacentCategoryVerb(c, in: unit) { return nil }
    }
    categorize(&c, in: unit)
    return c
  }

  // MARK: - Measures

  /// Years, ages, money, percentages, distances, durations: not counts of anything we track.
  func isMeasure(_ number: NumberExpression, in unit: Range<Int>) -> Bool {
    let next = number.last + 1
    let t = tokens[number.first]
    if t.kind == .number, t.has(.plainFourDigits), t.value >= 1800, t.value <= 2100 {
      // A year unless a count noun follows directly ("1994 ceasefire" vs "1200 soldiers").
      if next >= unit.upperBound { return true }
      if let e = entry(next), e.role == .person || e.role == .noun { return false }
      return true
    }
    if next < unit.upperBound {
      let n = tokens[next]
      // 45-year-old, 12-member, 10-kilometre
      if n.kind == .word && n.has(.attached) && p[Int(n.start)] == 0x2D { return true }
      if n.kind == .punct && n.has(.attached) && (n.byte == 0x2D) && next + 1 < unit.upperBound
        && tokens[next + 1].kind == .word && tokens[next + 1].has(.attached)
      {
        return true
      }
      if n.kind == .punct && (n.byte == 0x25 || n.byte == 0x3A) { return true }  // % and 10:54
      if let w = word(next) {
        switch w {
        case .percent, .pct, .km, .kilometers, .kilometres, .kilometer, .kilometre, .miles, .mile, .meters,
          .metres, .meter, .metre, .square, .sq, .hectares, .acres, .feet, .foot, .yards, .inches, .cm, .mm, .kg,
          .kilograms, .tons, .tonnes, .pounds, .liters, .litres, .gallons, .barrels, .degrees, .dollars, .dollar,
          .euros, .euro, .rubles, .roubles, .manat, .hryvnias, .shekels, .usd, .eur, .years, .year, .months,
          .month, .weeks, .week, .days, .day, .hours, .hour, .minutes, .minute, .seconds, .decades, .decade,
          .centuries, .century, .nights, .night, .times, .gmt, .utc, .am, .pm, .points, .votes, .seats,
          .rounds, .resolutions, .meetings, .countries, .nations, .states, .sides, .parties, .salvos_, .kilometre_:
          return true
        case .per where word(next + 1) == .cent: return true
        case .old: return true
        default: break
        }
      }
      if let w = word(next), w == .ago { return true }
    }
    let before = number.first - 1
    if before >= unit.lowerBound {
      if let w = word(before) {
        switch w {
        case .aged, .age: return true
        case .of where word(before - 1) == .age: return true
        default: break
        }
      }
      // Phone numbers and references: +374 10, No. 5, page 3
      if tokens[before].kind == .punct && tokens[before].byte == 0x2B && tokens[number.first].has(.attached) { return true }
      if tokens[before].kind == .punct && tokens[before].byte == 0x23 { return true }
    }
    return false
  }

  /// `not a single`, `no`, `none of the 12`.
  func isNegated(_ c: Candidate, in unit: Range<Int>) -> Bool {
    let before = c.first - 1
    guard before >= unit.lowerBound else { return false }
    switch word(before) {
    case .not, .no, .never, .without, .some(Word.none): return true
    default: return false
    }
  }

  /// Whether a category verb stands right next to the number (`killing two`, `two were killed`).
  func hasAdjacentCategoryVerb(_ c: Candidate, in unit: Range<Int>) -> Bool {
    leftVerb(c, in: unit) != nil || rightVerb(from: c.numberLast + 1, in: unit) != nil
  }

  // MARK: - Qualifiers

  /// Reads the qualifier before the number and a second number after it for ranges.
  func qualify(_ c: inout Candidate, in unit: Range<Int>) {
    let v = c.number.value
    c.low = v
    c.high = v
    let f = c.number.first
    let w1 = word(f - 1)
    let w2 = f - 2 >= unit.lowerBound ? word(f - 2) : nil
    let w3 = f - 3 >= unit.lowerBound ? word(f - 3) : nil
    func set(_ q: Qualifier, _ first: Int) {
      c.qualifier = q
      c.first = first
      switch q {
      case .moreThan: c.low = v + 1; c.high = nil
      case .atLeast: c.low = v; c.high = nil
      case .upTo: c.low = nil; c.high = v
      case .about: c.low = nil; c.high = nil
      default: break
      }
    }
    if f - 1 >= unit.lowerBound {
      switch (w2, w1) {
      case (.more, .than), (.upwards, .of):
        set(.moreThan, f - 2)
      case (.excess, .of) where w3 == .in_:
        set(.moreThan, f - 3)
      case (.at, .least), (.no, .fewer), (.no, .less), (.not, .less), (.minimum, .of):
        set(.atLeast, w1 == .of && w3 == .a ? f - 3 : f - 2)
      case (.many, .as_) where w3 == .as_:
        set(.upTo, f - 3)
      case (.up, .to), (.at, .most), (.no, .more), (.not, .more), (.maximum, .of):
        set(.upTo, w1 == .of && w3 == .a ? f - 3 : f - 2)
      case (.close, .to), (.an, .estimated):
        set(.about, f - 2)
      case (.well, .over), (.just, .over):
        set(.moreThan, f - 2)
      case (.just, .under), (.nearly, .under):
        set(.about, f - 2)
      default:
        switch w1 {
        case .over, .exceeding:
          // "control over seven villages" is a preposition, not a qualifier
          if let previous = w2, previous == .control || previous == .controls { break }
          set(.moreThan, f - 1)
        case .about, .around, .nearly, .almost, .some(Word.some), .approximately, .roughly, .estimated:
          set(.about, f - 1)
        case .between:
          break
        default:
          if w1 == .than, w2 == .fewer || w2 == .less, w3 == .no { set(.atLeast, f - 3) }
          if w1 == .than, w2 == .more, w3 == .no { set(.upTo, f - 3) }
        }
      }
    }
    // Ranges: between 10 and 15, 10-15, 10 to 15, two or three
    let n = c.number.last + 1
    guard n + 1 < unit.upperBound else { return }
    let joiner = tokens[n]
    let isHyphen = (joiner.kind == .punct && joiner.byte == 0x2D) || joiner.kind == .dash
    let isTo = word(n) == .to
    let isAnd = word(n) == .and && word(f - 1) == .between
    let isOr = word(n) == .or
    guard isHyphen || isTo || isAnd || isOr else { return }
    guard couldStartNumber(n + 1), let second = numberExpression(at: n + 1, unitEnd: unit.upperBound),
      !second.isVague, second.value > v
    else { return }
    if isHyphen && !(joiner.has(.attached) && tokens[n + 1].has(.attached)) && joiner.kind != .dash { return }
    if isTo {
      // "rose from 50 to 60" is a change, not a range: keep the second figure.
      let changeVerb = word(f - 1) == .from
      if changeVerb {
        return
      }
    }
    // A second number that is a measure ("10 to 15 km") makes the first one a measure too: leave it.
    c.qualifier = .range
    c.low = v
    c.high = second.value
    c.numberLast = second.last
    c.headLast = second.last
    if isAnd { c.first = f - 1 }
  }
}

extension Word {
  static let salvos_ = Word.missiles_fired
}
