extension DocumentAnalysis {
  /// Turns a claimant's noun phrase into its normal form.
  ///
  /// - `Azerbaijan's Defense Ministry`, `the Ministry of Defense of Azerbaijan`, `the Azeri defence ministry`
  ///   -> `Azerbaijan Defense Ministry`
  /// - `Azerbaijan's President Ilham Aliyev` -> `Ilham Aliyev`; `Azerbaijan's state news agency Azertac` -> `Azertac`
  /// - `Baku`, `Armenia`, `Ukrainian officials` -> the entity
  /// - `he`, `the ministry` -> the latest claimant that fits, from `history`
  func normalise(_ np: Range<Int>, history: [String]) -> Attribution? {
    var affiliation: Int32?
    var institution: [String] = []
    var nameRun: [Int] = []  // the last run of capitalised words that are not institution words or entities
    var entityOnly = true
    var anonymous = false
    var pronoun = false
    var k = np.lowerBound
    var sawOf = false
    var lastWasName = false
    while k < np.upperBound {
      if let m = mention(at: k) {
        if affiliation == nil || (sawOf && institution.isEmpty == false) { affiliation = m.entry }
        k = m.last + 1
        lastWasName = false
        nameRun = []
        continue
      }
      let t = tokens[k]
      let w = word(k)
      switch w {
      case .ministry, .army, .forces, .force, .staff, .office, .agency, .service, .committee, .council, .defense,
        .defence, .interior, .health, .foreign, .general, .emergency, .emergencies, .armed, .military, .press:
        if w == .general, k + 1 < np.upperBound, word(k + 1) != .staff {
          // "General Ivanov" is a title
          nameRun = []
          lastWasName = false
          k += 1
          continue
        }
        entityOnly = false
        institution.append(normalisedInstitutionWord(k))
        nameRun = []
        lastWasName = false
      case .of:
        sawOf = true
        lastWasName = false
      case .the:
        break
      case .officials, .authorities, .government, .state:
        break
      case .sources, .witnesses, .medics, .source, .local, .news:
        anonymous = anonymous || w != .news
        entityOnly = false
      case .he, .she, .they, .it, .we:
        pronoun = true
      case .president, .minister, .prime, .spokesman, .spokeswoman, .spokesperson, .aide, .adviser, .advisor,
        .gen, .colonel, .col, .lieutenant, .lt, .major, .maj, .captain, .capt, .governor, .mayor, .senator, .mr,
        .mrs, .ms, .dr, .secretary, .commander, .chief, .head, .leader, .deputy, .ambassador, .envoy,
        .representative, .official:
        entityOnly = false
        nameRun = []
        lastWasName = false
        institution = []
      default:
        if t.has(.capitalized) || t.has(.allCaps) {
          if !lastWasName { nameRun = [] }
          nameRun.append(k)
          lastWasName = true
          entityOnly = false
        } else {
          lastWasName = false
        }
      }
      k += 1
    }
    if !nameRun.isEmpty {
      // A person's or organisation's name, without titles.
      let name = text(tokens: nameRun[0], nameRun[nameRun.count - 1])
      if affiliation == nil { affiliation = affiliationAfter(np.upperBound) }
      return Attribution(claimant: name, affiliation: affiliation)
    }
    if pronoun && affiliation == nil && institution.isEmpty {
      guard let last = history.last else { return nil }
      return Attribution(claimant: last, affiliation: nil)
    }
    if !institution.isEmpty {
      let body = institutionName(institution)
      if let affiliation {
        return Attribution(claimant: entity(affiliation) + " " + body, affiliation: affiliation)
      }
      // "the ministry": the latest claimant with that institution
      if let earlier = history.last(where: { $0.hasSuffix(body) || $0.hasSuffix(" " + (institution.last ?? "")) }) {
        return Attribution(claimant: earlier, affiliation: nil)
      }
      return Attribution(claimant: nil, affiliation: nil)
    }
    if let affiliation {
      if anonymous { return Attribution(claimant: nil, affiliation: affiliation) }
      let e = gazetteer.entries[Int(affiliation)]
      let name = e.kind == .place ? party(of: affiliation) : e.entity
      return Attribution(claimant: name, affiliation: affiliation)
    }
    _ = entityOnly
    return nil
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
    case .ministry: return "Ministry"
    case .army: return "Army"
    case .forces: return "Forces"
    case .force: return "Force"
    case .staff: return "Staff"
    case .office: return "Office"
    case .agency: return "Agency"
    case .service: return "Service"
    case .committee: return "Committee"
    case .council: return "Council"
    case .interior: return "Interior"
    case .health: return "Health"
    case .foreign: return "Foreign"
    case .general: return "General"
    case .emergency: return "Emergency"
    case .emergencies: return "Emergencies"
    case .armed: return "Armed"
    case .military: return "Military"
    case .press: return "Press"
    default: return text(tokens: k, k)
    }
  }

  /// `Ministry Defense` (from "Ministry of Defense") -> `Defense Ministry`.
  private func institutionName(_ words: [String]) -> String {
    var words = words
    if words.first == "Ministry", words.count > 1 {
      words.removeFirst()
      words.append("Ministry")
    }
    return words.joined(separator: " ")
  }
}
