extension DocumentAnalysis {
  /// Reads the noun phrase after the number: modifiers, a demonym, the head noun.
  ///
  /// `209 military deaths`, `12 air-defense missile systems`, `hundreds of people`,
  /// `40 of its soldiers`, `1 million Azerbaijanis`, `14 Russian troops`.
  func readNounPhrase(_ c: inout Candidate, in unit: Range<Int>) {
    var k = c.numberLast + 1
    // "40 more of its servicemen"
    if k + 1 < unit.upperBound, word(k) == .more, word(k + 1) == .of { k += 1 }
    // "hundreds of people", "a couple of", "40 of its soldiers", "12 of them"
    if k < unit.upperBound, word(k) == .of {
      k += 1
      while k < unit.upperBound, let w = word(k), w == .the || w == .its || w == .their || w == .our || w == .his || w == .her || w == .those || w == .these || w == .own || w == .them {
        if w == .its || w == .their || w == .our { c.ownPossessive = true }
        k += 1
      }
      if k < unit.upperBound, let m = mention(at: k), tokens[m.last].has(.possessive) {
        c.partyEntry = m.entry
        k = m.last + 1
      }
    }
    var steps = 0
    while k < unit.upperBound && steps < 5 {
      let t = tokens[k]
      if t.kind != .word { break }
      if let m = mention(at: k) {
        // A demonym or a name used as a modifier: "Russian troops", "Azerbaijanis", "Hamas fighters"
        if tokens[m.last].has(.possessive) { break }
        if c.partyEntry == nil || m.role == .adjective { c.partyEntry = m.entry }
        if m.role == .adjective, m.last + 1 >= unit.upperBound || !isNounAhead(m.last + 1, in: unit) {
          // The demonym is itself the head: "40 Palestinians", "1 million Azerbaijanis"
          if isPluralDemonym(m) {
            c.head = .person
            c.headLast = m.last
            c.subject = c.subject ?? "unspecified"
            return
          }
        }
        k = m.last + 1
        steps += 1
        continue
      }
      if let e = lexicon.entry(t) {
        // Two-word terms: "aid workers", "police officers"
        if e.compoundList >= 0, k > c.numberLast + 1 {
          if let compound = lexicon.compounds(e).first(where: { lowercasedEquals(k - 1, $0.second) }) {
            let term = lexicon.entries[Int(compound.entry)]
            applyHead(term, &c, k)
            return
          }
        }
        if e.endsEquipment, var singular = equipmentPhrase(endingAt: k, after: c.numberLast, heads: lexicon.equipmentHeads(e)) {
          // "missile systems": a longer phrase may end on a later word
          var last = k
          var j = k + 1
          while j < unit.upperBound && j <= k + 2, let next = entry(j), next.endsEquipment,
            let longer = equipmentPhrase(endingAt: j, after: c.numberLast, heads: lexicon.equipmentHeads(next))
          {
            singular = longer
            last = j
            j += 1
          }
          c.head = .equipment(singular)
          c.headLast = last
          return
        }
        if let role = e.role {
          switch role {
          case .modifier:
            c.subject = lexicon.subject(e)
            k += 1
            steps += 1
            continue
          case .person, .noun, .place:
            applyHead(e, &c, k)
            // "deaths among its troops", "fatalities among civilians"
            if role == .noun { readAmong(&c, after: k, in: unit) }
            return
          case .state:
            if k == c.numberLast + 1 {
              c.head = .state
              c.headLast = k
              c.category = e.category
              c.categoryToken = k
            }
            return
          case .verb:
            // "internally displaced people", "wounded soldiers": the participle gives the category
            if isNounAhead(k + 1, in: unit), let category = e.category {
              c.category = category
              c.categoryToken = k
              k += 1
              steps += 1
              continue
            }
            c.headLast = max(c.numberLast, k - 1)
            return
          }
        }
        if let w = e.word {
          switch w {
          case .enemy, .hostile, .opposing:
            c.enemy = true
          case .and, .or, .were, .was, .have, .has, .had, .are, .is_, .in_, .on, .at, .from, .by, .with, .who, .that,
            .which, .to, .for_, .of, .since, .during, .after, .before, .while_, .when, .where_, .but, .said, .says,
            .than, .as_, .a, .an, .the, .this, .these, .those, .it, .they, .them, .its, .their, .been, .be, .per,
            .among, .including, .into, .across, .near, .over, .under, .between, .about, .around, .not, .no:
            c.headLast = max(c.numberLast, k - 1)
            return
          default:
            break
          }
          k += 1
          steps += 1
          continue
        }
      }
      // An unknown word: a modifier if a head noun follows soon ("unarmed", "Grad"), else the end.
      if t.has(.capitalized) && !t.has(.hyphenated) && !isNounAhead(k + 1, in: unit) { return }
      k += 1
      steps += 1
    }
  }

  private func applyHead(_ e: LexEntry, _ c: inout Candidate, _ k: Int) {
    c.headLast = k
    switch e.role {
    case .person:
      c.head = .person
      let subject = lexicon.subject(e)
      if c.subject == nil || subject != "unspecified" { c.subject = c.subject ?? subject }
      if subject == "military" || subject == "civilian" { c.subject = subject }
    case .noun:
      c.head = .noun
      c.category = e.category
      c.categoryToken = k
    case .place:
      c.head = .place(lexicon.subject(e) ?? "village")
    default:
      break
    }
  }

  private func readAmong(_ c: inout Candidate, after k: Int, in unit: Range<Int>) {
    var j = k + 1
    guard j < unit.upperBound, word(j) == .among || word(j) == .of else { return }
    j += 1
    while j < unit.upperBound, let w = word(j), w == .its || w == .their || w == .the || w == .our {
      if w != .the { c.ownPossessive = true }
      j += 1
    }
    guard j < unit.upperBound else { return }
    if let m = mention(at: j) {
      c.partyEntry = c.partyEntry ?? m.entry
      j = m.last + 1
    }
    if j < unit.upperBound, let e = entry(j), e.role == .person, let subject = lexicon.subject(e), subject != "unspecified" {
      c.subject = c.subject ?? subject
    }
  }

  /// Whether a noun for people or things follows within two words.
  private func isNounAhead(_ k: Int, in unit: Range<Int>) -> Bool {
    var j = k
    while j < min(k + 3, unit.upperBound) {
      if let e = entry(j) {
        if e.role == .person || e.role == .noun || e.endsEquipment || e.role == .place { return true }
        if e.role == .modifier { j += 1; continue }
        return false
      }
      if tokens[j].kind != .word { return false }
      j += 1
    }
    return false
  }

  private func isPluralDemonym(_ m: Mention) -> Bool {
    let t = tokens[m.last]
    return t.end > t.start && p[Int(t.end) - 1] == 0x73  // ends in "s"
  }

  /// The singular name of the longest equipment phrase ending at token `k`, not reaching back past `after`.
  func equipmentPhrase(endingAt k: Int, after: Int, heads: [Int32]) -> String? {
    var best: (length: Int, singular: String)?
    for index in heads {
      let phrase = lexicon.equipment[Int(index)]
      let n = phrase.words.count
      guard k - n + 1 > after else { continue }
      var ok = true
      for (offset, w) in phrase.words.enumerated() {
        if !lowercasedEquals(k - n + 1 + offset, w) {
          ok = false
          break
        }
      }
      if ok, n > (best?.length ?? 0) { best = (n, phrase.singular) }
    }
    return best?.singular
  }
}
