extension DocumentAnalysis {
  /// Turns a claimant's noun phrase into its normal form.
  ///
  /// - `Azerbaijan's Defense Ministry`, `the Ministry of Defense of Azerbaijan`, `the Azeri defence ministry`
  ///   -> `Azerbaijan Defense Ministry`
  /// - `Azerbaijan's President Ilham Aliyev` -> `Ilham Aliyev`; `Azerbaijan's state news agency Azertac` -> `Azertac`
  /// - `the International Organization for Migration` -> itself, as written
  /// - `Baku`, `Armenia`, `Ukrainian officials` -> the entity
  /// - `he`, `the ministry` -> the latest claimant that fits, from `history`
  func normalise(_ np: Range<Int>, history: [Attribution]) -> Attribution? {
    var affiliation: Int32?
    // Institution words as tokens, made into words only when a name is built.
    var institution = TokenList()
    var anonymous = false
    var pronoun = false
    // The last run of capitalised words (with connectors such as "for" and "of" inside it). A run
    // only grows at its end and starts afresh, so it is a range of tokens, not an array.
    var run = np.lowerBound..<np.lowerBound
    var inRun = false
    @inline(__always) func extend(_ first: Int, _ last: Int) {
      run = (inRun && !run.isEmpty ? run.lowerBound : first)..<(last + 1)
    }
    var k = np.lowerBound
    while k < np.upperBound {
      if let m = mention(at: k) {
        affiliation = affiliation ?? m.entry
        extend(m.first, m.last)
        inRun = true
        k = m.last + 1
        continue
      }
      let t = tokens[k]
      let w = word(k)
      if let w {
        switch w {
        case .he, .she, .they, .it, .we:
          pronoun = true
          inRun = false
          k += 1
          continue
        case .sources, .witnesses, .medics, .source, .local, .residents, .people, .activists:
          anonymous = true
          inRun = false
          k += 1
          continue
        default: break
        }
      }
      let capital = t.has(.capitalized) || t.has(.allCaps) || isNameParticle(k)
      if capital {
        extend(k, k)
        inRun = true
      } else if inRun, let w, w == .of || w == .for_ || w == .and, k + 1 < np.upperBound,
        tokens[k + 1].has(.capitalized) || mention(at: k + 1) != nil
      {
        extend(k, k)
      } else {
        inRun = false
      }
      if !capital, let w {
        switch w {
        case .ministry, .army, .forces, .force, .staff, .office, .agency, .service, .defense, .defence, .interior,
          .health, .foreign, .general, .emergency, .emergencies, .armed, .military, .press, .air, .navy:
          institution.append(k)
        default: break
        }
      }
      k += 1
    }
    // Leading "The" is not part of a name.
    while !run.isEmpty, word(run.lowerBound) == .the { run = (run.lowerBound + 1)..<run.upperBound }

    if !run.isEmpty {
      // Titles: everything up to the last title goes ("President Ilham Aliyev" -> "Ilham Aliyev").
      if let lastTitle = run.last(where: { isTitle($0) }) {
        let rest = (lastTitle + 1)..<run.upperBound
        if !rest.isEmpty, rest.allSatisfy({ mention(at: $0) == nil }) {
          return Attribution(
            claimant: text(tokens: rest.lowerBound, rest.upperBound - 1),
            affiliation: affiliation ?? affiliationAfter(np.upperBound))
        }
        run = rest
      }
      let hasOthers = run.contains { mention(at: $0) == nil && !isInstitution($0) && !isConnector($0) }
      let runEntity = run.lazy.compactMap { self.mention(at: $0)?.entry }.first
      if !hasOthers {
        // An entity and institution words: "Ukraine's General Staff", "the Ministry of Defence of Ukraine".
        var words = TokenList()
        for k in run where isInstitution(k) { words.append(k) }
        words.append(contentsOf: institution)
        let entityEntry = runEntity ?? affiliation
        if let entityEntry {
          let name = words.isEmpty ? party(of: entityEntry) : institutionName(words, after: party(of: entityEntry))
          if words.isEmpty && anonymous { return Attribution(claimant: nil, affiliation: entityEntry) }
          return Attribution(claimant: name, affiliation: entityEntry)
        }
        if !words.isEmpty { return fromHistory(institutionName(words), history) }
        return nil
      }
      // A proper name: a person, an organisation, an agency.
      let last = run.upperBound - 1
      if let m = mention(at: run.lowerBound), tokens[m.last].has(.possessive), m.last + 1 <= last {
        // "Russia's Southern Military District" -> "Russia Southern Military District"
        let rest = text(tokens: m.last + 1, last)
        return Attribution(claimant: party(of: m.entry) + " " + rest, affiliation: m.entry)
      }
      // "the Tuareg-led CSP-DPA alliance" -> "CSP-DPA"
      while run.count > 1, isLedAdjective(run.lowerBound) { run = (run.lowerBound + 1)..<run.upperBound }
      let name = text(tokens: run.lowerBound, run.upperBound - 1)
      // "the Norwegian Refugee Council", "the Syrian Observatory for Human Rights": a name that
      // carries a nationality is an organisation's, not that state's voice.
      if run.contains(where: { mention(at: $0)?.role == .adjective }) {
        return Attribution(claimant: name, affiliation: nil)
      }
      return Attribution(claimant: name, affiliation: runEntity ?? affiliation ?? affiliationAfter(np.upperBound))
    }
    if !institution.isEmpty {
      if let affiliation {
        return Attribution(claimant: institutionName(institution, after: party(of: affiliation)), affiliation: affiliation)
      }
      return fromHistory(institutionName(institution), history)
    }
    if pronoun, var last = history.last {
      last.fromPronoun = true
      return last
    }
    if let affiliation, !anonymous { return Attribution(claimant: party(of: affiliation), affiliation: affiliation) }
    return nil
  }

  /// The latest claimant whose name ends with the institution (`the ministry` -> `Ukraine Defense Ministry`).
  private func fromHistory(_ institution: String, _ history: [Attribution]) -> Attribution? {
    let last = institution.split(separator: " ").last.map(String.init) ?? institution
    if let earlier = history.last(where: { ($0.claimant ?? "").hasSuffix(institution) || ($0.claimant ?? "").hasSuffix(" " + last) }) {
      return earlier
    }
    // "BAMAKO — ... the army said": the institution of the dateline's state
    if let dateline, let state = side(of: dateline) {
      let entry = gazetteer.byEntity[state]
      return Attribution(claimant: state + " " + institution, affiliation: entry)
    }
    // "according to UNHCR ... the agency said": the organisation named last
    if let earlier = history.last, let name = earlier.claimant, earlier.affiliation == nil,
      !name.contains(" ") || name.uppercased() == name
    {
      return earlier
    }
    return Attribution(claimant: nil, affiliation: nil)
  }

  /// The gazetteer entry a normalised claimant starts with (`Ukraine General Staff` -> Ukraine).
  private func affiliationOf(_ claimant: String) -> Int32? {
    if let exact = gazetteer.byEntity[claimant] { return exact }
    if claimant.isEmpty { return nil }
    // Try the longest leading words first: "Nagorno-Karabakh Defense Army" -> "Nagorno-Karabakh".
    let words = claimant.split(separator: " ")
    var n = words.count - 1
    while n > 0 {
      if let entry = gazetteer.byEntity[words[0..<n].joined(separator: " ")] { return entry }
      n -= 1
    }
    return nil
  }

  /// `al-Mahbashi`, `bin Salman`: lower-case particles inside names.
  private func isNameParticle(_ k: Int) -> Bool {
    let t = tokens[k]
    guard t.has(.hyphenated), t.end - t.start > 3 else { return false }
    let s = Int(t.start)
    guard let dash = (s..<Int(t.end)).first(where: { p[$0] == 0x2D }), dash + 1 < Int(t.end) else { return false }
    let b = p[dash + 1]
    return b >= 0x41 && b <= 0x5A && dash - s <= 3
  }

  private func isLedAdjective(_ k: Int) -> Bool {
    lowercasedHasSuffix(k, "-led") || lowercasedHasSuffix(k, "-backed") || lowercasedHasSuffix(k, "-run")
      || lowercasedHasSuffix(k, "-based") || lowercasedHasSuffix(k, "-allied") || lowercasedHasSuffix(k, "-aligned")
  }

  private func isConnector(_ k: Int) -> Bool {
    guard let w = word(k) else { return false }
    return w == .of || w == .for_ || w == .and || w == .the
  }

  private func isTitle(_ k: Int) -> Bool {
    switch word(k) {
    case .president, .minister, .prime, .spokesman, .spokeswoman, .spokesperson, .aide, .adviser, .advisor, .gen,
      .colonel, .col, .lieutenant, .lt, .major, .maj, .captain, .capt, .governor, .mayor, .senator, .mr, .mrs, .ms,
      .dr, .secretary, .commander, .chief, .head, .leader, .deputy, .ambassador, .envoy, .representative, .official:
      return true
    case .general: return word(k + 1) != .staff
    default: return false
    }
  }

  private func isInstitution(_ k: Int) -> Bool {
    switch word(k) {
    case .ministry, .army, .forces, .force, .staff, .office, .agency, .service, .defense, .defence, .interior, .health,
      .foreign, .emergency, .emergencies, .armed, .military, .press, .air, .navy, .national, .committee, .council:
      return true
    case .general: return word(k + 1) == .staff
    case .of: return true
    default: return false
    }
  }

  /// An entity named shortly after a person's name, in an appositive: `Hajiyev, an aide to President of Azerbaijan`.
  private func affiliationAfter(_ k: Int) -> Int32? {
    var j = k
    var steps = 0
    while j < tokens.count && steps < 12 {
      if let m = mention(at: j) { return m.entry }
      if tokens[j].kind == .punct && (tokens[j].byte == 0x2E) { return nil }
      if isAttributionVerb(j) && steps > 0 { return nil }
      j += 1
      steps += 1
    }
    return nil
  }

  private func normalisedInstitutionWord(_ k: Int) -> String {
    switch word(k) {
    case .defence, .defense: return "Defense"
    case .of: return "of"
    case _?:
      // A word's bytes are its spelling up to ASCII case, so an institution word is ASCII here.
      if let form = Self.institutionForms[Int(tokens[k].word) - 1] { return form }
      fallthrough
    default:
      let raw = text(tokens: k, k)
      return raw.prefix(1).uppercased() + raw.dropFirst().lowercased()
    }
  }

  /// The capitalised forms of the institution words (`ministry` -> `Ministry`), made once, by
  /// position in `Word.allCases` (a token's word code minus one); nil for other words.
  private static let institutionForms: [String?] = {
    let words: [Word] = [
      .ministry, .army, .forces, .force, .staff, .office, .agency, .service, .interior, .health, .foreign,
      .general, .emergency, .emergencies, .armed, .military, .press, .air, .navy, .national, .committee, .council,
    ]
    var forms = [String?](repeating: nil, count: Word.allCases.count)
    for (position, word) in Word.allCases.enumerated() where words.contains(word) {
      forms[position] = word.spelling.prefix(1).uppercased() + word.spelling.dropFirst()
    }
    return forms
  }()


  /// `Ministry Defense` (from "Ministry of Defense") -> `Defense Ministry`; `General Staff` stays.
  /// With a `prefix`, the name follows it and a space (`Ukraine` -> `Ukraine General Staff`).
  /// `tokens` are the institution words' tokens, each read as ``normalisedInstitutionWord(_:)``.
  private func institutionName(_ tokens: TokenList, after prefix: String? = nil) -> String {
    // Without "of"; a leading "Ministry" moves to the end; each word once, in order. The words
    // are handled as codes of their forms (one code a form), and the name is built in one string
    // of the exact length, prefix included: this runs for most claimants.
    var order = TokenList()
    for position in 0..<tokens.count {
      guard let code = institutionCode(tokens[position]) else {
        return institutionNameByText(tokens, after: prefix)
      }
      if code != Self.ofCode { order.append(code) }
    }
    if order.count > 1 && order[0] == Self.ministryCode {
      let first = order[0]
      for position in 1..<order.count { order[position - 1] = order[position] }
      order[order.count - 1] = first
    }
    // The words kept, moved to the front of `order`.
    var kept = 0
    var length = 0
    for position in 0..<order.count {
      let code = order[position]
      if (0..<kept).contains(where: { order[$0] == code }) { continue }
      order[kept] = code
      kept += 1
      length += Self.institutionForm(code).utf8.count
    }
    guard kept > 0 else { return prefix.map { $0 + " " } ?? "" }
    length += kept - 1
    if let prefix { length += prefix.utf8.count + 1 }
    return String(unsafeUninitializedCapacity: length) { buffer in
      var at = 0
      func copy(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
          guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
          (target + at).update(from: source, count: bytes.count)
          at += bytes.count
        }
      }
      if let prefix {
        copy(prefix)
        buffer[at] = 0x20
        at += 1
      }
      for k in 0..<kept {
        if k > 0 {
          buffer[at] = 0x20
          at += 1
        }
        copy(Self.institutionForm(order[k]))
      }
      return at
    }
  }

  /// The code of token `k`'s institution word, one code for each form that
  /// ``normalisedInstitutionWord(_:)`` gives (`defence` and `defense` share `Defense`'s), or nil
  /// for a word without a fixed form.
  private func institutionCode(_ k: Int) -> Int? {
    switch word(k) {
    case .defence, .defense: return Self.defenseCode
    case .of: return Self.ofCode
    case _?:
      let code = Int(tokens[k].word)
      return Self.institutionForms[code - 1] == nil ? nil : code
    default: return nil
    }
  }

  /// Codes beside the word codes (which are positive): `Defense` and `of`.
  private static let defenseCode = 0
  private static let ofCode = -1
  /// The code of `Ministry`.
  private static let ministryCode = (Word.allCases.firstIndex(of: .ministry) ?? -1) + 1

  /// The form of an institution word's code (not ``ofCode``).
  private static func institutionForm(_ code: Int) -> String {
    code == defenseCode ? "Defense" : (institutionForms[code - 1] ?? "")
  }

  /// ``institutionName(_:after:)`` for words some of which have no fixed form, compared as text.
  private func institutionNameByText(_ tokens: TokenList, after prefix: String?) -> String {
    var words: [String] = []
    for position in 0..<tokens.count { words.append(normalisedInstitutionWord(tokens[position])) }
    var order: [Int] = []
    for index in words.indices where words[index] != "of" { order.append(index) }
    if order.count > 1 && words[order[0]] == "Ministry" { order.append(order.removeFirst()) }
    var kept: [String] = []
    for position in order.indices {
      let word = words[order[position]]
      if order[..<position].contains(where: { words[$0] == word }) { continue }
      kept.append(word)
    }
    guard !kept.isEmpty else { return prefix.map { $0 + " " } ?? "" }
    let name = kept.joined(separator: " ")
    return prefix.map { $0 + " " + name } ?? name
  }
}
