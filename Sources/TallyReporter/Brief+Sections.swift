import TallyExtractor
import TallyLedger

extension Brief {
  /// `Period: …` and `Sources: …`.
  static func appendPeriod(_ scope: BriefScope, to page: inout BriefPage) {
    var period = "Period: "
    if let first = scope.daily.first, let last = scope.daily.last {
      period += first == last ? "daily tallies for \(first)" : "daily tallies from \(first) to \(last)"
    } else {
      period += "no daily tallies (no running total has an as-of day)"
    }
    var documents: [Int64: String?] = [:]
    var outlets = Set<String>()
    let table = scope.window.table
    for claim in 0..<table.count {
      for position in table.sightings(of: claim) {
        documents[table.documentID(ofSighting: position)] = table.published(ofSighting: position)
        if let source = table.source(ofSighting: position), !source.isEmpty { outlets.insert(source) }
      }
    }
    let published = documents.values.compactMap { $0 }.sorted()
    if let first = published.first, let last = published.last {
      period += first == last ? "; documents published \(first)." : "; documents published \(first) to \(last)."
    } else {
      period += "; no publication dates known."
    }
    page.paragraph(period)
    let undated = documents.count - published.count
    let documentCount = counted(documents.count, "document", "documents")
    var sources = "Sources: \(documentCount) from \(counted(outlets.count, "outlet", "outlets"))"
    if undated > 0 { sources += ", \(undated) of them with no publication date" }
    page.paragraph(sources + ".")
  }

  /// One section per party: each group of current figures with its range, then each claimant's
  /// latest figure.
  static func appendParties(_ scope: BriefScope, to page: inout BriefPage) {
    let rows = scope.window.compare().filter { !$0.historical }
    // The first claim with each id the rows cite, built from the table (not every claim).
    let wanted = Set(rows.map(\.claimID))
    var claims: [Int64: LedgerClaim] = [:]
    for (index, id) in scope.window.table.ids.enumerated() where wanted.contains(id) && claims[id] == nil {
      claims[id] = scope.window.claim(index)
    }
    let lastRows = scope.daily.lastRows
    var start = 0
    var party: String?? = .none
    while start < rows.count {
      var end = start + 1
      while end < rows.count, sameGroup(rows[start], rows[end]) { end += 1 }
      let group = rows[start..<end]
      let first = rows[start]
      if party != .some(first.party) {
        party = .some(first.party)
        page.blank()
        page.heading(first.party ?? "Side not identified", underline: "-")
      }
      page.paragraph(groupLine(group))
      for row in group {
        guard let claim = claims[row.claimID] else { continue }
        var line =
          partyName(row.party) + " (" + (row.claimant ?? "no claimant named") + ", "
          + (row.asOf ?? "no as-of date") + "; " + outlet(claim) + "): " + figurePhrase(claim)
        let key = SeriesKey(
          party: row.party, category: row.category, subject: row.subject, claimant: row.claimant, location: nil)
        if let daily = lastRows[key], daily.claimID == row.claimID { line += "; " + change(daily) }
        page.bullet(line)
      }
      start = end
    }
  }

  /// The findings other than historical figures, grouped by kind, one sentence each: the first
  /// ``findingsPerKind`` of each kind, then how many more there are.
  static func appendFindings(_ scope: BriefScope, to page: inout BriefPage) {
    page.blank()
    page.heading("Findings", underline: "-")
    // Only the messages shown are kept, by kind, as the findings are made; the others are counted.
    var messages: [FindingKind: [String]] = [:]
    var counts: [FindingKind: Int] = [:]
    scope.window.forEachFinding { finding in
      guard finding.kind != .historical else { return }
      counts[finding.kind, default: 0] += 1
      if counts[finding.kind, default: 0] <= findingsPerKind { messages[finding.kind, default: []].append(finding.message) }
    }
    guard !counts.isEmpty else {
      page.paragraph("None: no count went down, no sources disagree, every figure has a claimant and a date.")
      return
    }
    for kind in FindingKind.allCases {
      guard let count = counts[kind], let shown = messages[kind] else { continue }
      page.paragraph("\(heading(kind)) (\(count)):")
      for message in shown { page.bullet(message) }
      if count > shown.count {
        page.bullet("and \(count - shown.count) more: all \(count) are in findings.csv (tally findings --kind \(kind.rawValue)).")
      }
    }
  }

  /// The historical figures, oldest first.
  static func appendHistorical(_ scope: BriefScope, to page: inout BriefPage) {
    page.blank()
    page.heading("Historical figures", underline: "-")
    let window = scope.window
    let indices = (0..<window.claimCount).filter { window.isHistorical($0) }
    guard !indices.isEmpty else {
      page.paragraph("None.")
      return
    }
    page.paragraph("Figures about earlier periods, kept out of the tallies above:")
    func sortKey(_ claim: LedgerClaim) -> (first: (Int, Int, String, Int), then: (String, Int, String, Int64)) {
      let asOf = claim.asOf.flatMap { PartialDate(iso: $0) }
      let date = asOf.map { $0.year * 10000 + ($0.month ?? 0) * 100 + ($0.day ?? 0) } ?? 0
      let party = claim.party.flatMap { $0.isEmpty ? nil : $0 }
      let claimant = claim.claimant.flatMap { $0.isEmpty ? nil : $0 }
      return (
        (date, party == nil ? 1 : 0, party ?? "", Category.allCases.firstIndex(of: claim.category) ?? 0),
        (claim.subject, claimant == nil ? 1 : 0, claimant ?? "", claim.id)
      )
    }
    let claims = indices.map { window.claim($0) }.sorted {
      let (a, b) = (sortKey($0), sortKey($1))
      return a.first != b.first ? a.first < b.first : a.then < b.then
    }
    for claim in claims {
      var line = ""
      if let party = claim.party, !party.isEmpty { line += party + ": " }
      line += figurePhrase(claim) + " (" + (claim.asOf ?? "no date") + "), " + outlet(claim)
      if let claimant = claim.claimant, !claimant.isEmpty { line += ", according to " + claimant }
      page.bullet(line)
    }
  }

  // MARK: - Wording

  /// Whether two comparison rows are in one group.
  private static func sameGroup(_ a: CompareRow, _ b: CompareRow) -> Bool {
    a.party == b.party && a.category == b.category && a.subject == b.subject && a.location == b.location
  }

  /// `Military killed: 209, from 1 claimant`, `Helicopters destroyed: range 1–2, from 2 claimants`.
  static func groupLine(_ group: ArraySlice<CompareRow>) -> String {
    let first = group[group.startIndex]
    var lowest = first
    var highest = first
    for row in group {
      if row.countsAs < lowest.countsAs { lowest = row }
      if row.countsAs > highest.countsAs { highest = row }
    }
    let low = words(lowest)
    let high = words(highest)
    let range: String
    if low == high {
      range = low
    } else if lowest.qualifier == .exact, highest.qualifier == .exact {
      range = "range " + low + "–" + high
    } else {
      range = "range " + low + " to " + high
    }
    let named = Set(group.compactMap(\.claimant)).count
    let unnamed = group.contains { $0.claimant == nil }
    var who = "from "
    switch (named, unnamed) {
    case (0, _): who += "unattributed reports"
    case (_, false): who += counted(named, "claimant", "claimants")
    case (_, true): who += counted(named, "claimant", "claimants") + " and unattributed reports"
    }
    let noun = groupNoun(category: first.category, subject: first.subject, location: first.location)
    return noun.prefix(1).uppercased() + noun.dropFirst() + ": " + range + ", " + who
  }

  /// What a group counts, without a figure: `military killed`, `civilians killed`, `killed`,
  /// `helicopters destroyed`, `villages seized`, `population of Ganja`.
  static func groupNoun(category: Category, subject: String, location: String?) -> String {
    switch category {
    case .population: return location.map { "population of " + $0 } ?? "population"
    case .destroyed: return plural(subject.isEmpty ? "piece of equipment" : subject) + " destroyed"
    case .seized: return plural(subject.isEmpty ? "place" : subject) + " seized"
    default: return people(category: category, subject: subject, one: false)
    }
  }

  /// A claim's figure in words with what it counts: `209 military killed`, `14 civilians killed`,
  /// `2 helicopters destroyed`, `as many as 14 drones destroyed`, `7 villages seized`,
  /// `more than 330,000 inhabitants of Ganja`, `hundreds (200) killed`.
  static func figurePhrase(_ claim: LedgerClaim) -> String {
    let figure = claim.figureInWords
    let one = claim.value == 1 && claim.qualifier != .range
    switch claim.category {
    case .population:
      let inhabitants = one ? "inhabitant" : "inhabitants"
      guard let location = claim.location, !location.isEmpty else { return figure + " " + inhabitants }
      return figure + " " + inhabitants + " of " + location
    case .destroyed:
      let noun = claim.subject.isEmpty ? "piece of equipment" : claim.subject
      return figure + " " + (one ? noun : plural(noun)) + " destroyed"
    case .seized:
      let noun = claim.subject.isEmpty ? "place" : claim.subject
      return figure + " " + (one ? noun : plural(noun)) + " seized"
    default:
      return figure + " " + people(category: claim.category, subject: claim.subject, one: one)
    }
  }

  /// People counted in a category: `military killed`, `civilians wounded`, `killed`,
  /// `military casualties`, `children displaced`.
  private static func people(category: Category, subject: String, one: Bool) -> String {
    let noun: String
    switch subject {
    case "", "unspecified": noun = ""
    case "military": noun = "military"
    case "civilian": noun = one ? "civilian" : "civilians"
    default: noun = subject
    }
    if category == .casualties {
      let adjective = subject == "civilian" ? "civilian" : noun
      return adjective.isEmpty ? "casualties" : adjective + " casualties"
    }
    return noun.isEmpty ? category.rawValue : noun + " " + category.rawValue
  }

  /// The English plural of an equipment or place noun: `helicopters`, `air-defense missile
  /// systems`, `localities`, `aircraft`, `pieces of equipment`.
  static func plural(_ noun: String) -> String {
    if noun.hasPrefix("piece of ") { return "pieces of " + noun.dropFirst("piece of ".count) }
    if noun == "aircraft" || noun.hasSuffix(" aircraft") { return noun }
    if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
      return noun.dropLast() + "ies"
    }
    if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") {
      return noun + "es"
    }
    return noun + "s"
  }

  /// A compare row's figure in words.
  private static func words(_ row: CompareRow) -> String {
    FigureText.words(value: row.value, low: row.low, high: row.high, qualifier: row.qualifier)
  }

  /// The party's name, or `Side not identified`.
  private static func partyName(_ party: String?) -> String {
    party ?? "Side not identified"
  }

  /// Where a figure was read: the outlet of the earliest published document that carries it (its
  /// file name when the outlet is unknown), then `and N more` when more documents carry it.
  static func outlet(_ claim: LedgerClaim) -> String {
    guard var first = claim.sightings.first else { return "no document" }
    for sighting in claim.sightings {
      guard let published = sighting.published else { continue }
      if first.published.map({ published < $0 }) ?? true { first = sighting }
    }
    var out = first.source.flatMap { $0.isEmpty ? nil : $0 } ?? first.document
    let more = claim.documentCount - 1
    if more > 0 { out += " and \(more) more" }
    return out
  }

  /// What changed on the last day of a series' daily rows: `+68 since 2020-09-28`,
  /// `no change since 2020-10-03`, `first reported`.
  static func change(_ row: DailyRow) -> String {
    guard let change = row.change else { return "first reported" }
    let previous = PartialDate(iso: row.date)?.adding(days: -1)?.description ?? "the day before"
    if change == 0 { return "no change since " + previous }
    return (change > 0 ? "+" : "") + FigureText.grouped(change) + " since " + previous
  }

  /// The heading of a kind of finding.
  private static func heading(_ kind: FindingKind) -> String {
    switch kind {
    case .regression: "Counts that went down"
    case .conflict: "Sources that disagree"
    case .mergedCategory: "Losses given both as casualties and separately"
    case .historical: "Historical figures"
    case .unattributed: "Figures with no claimant named"
    case .undated: "Figures with no publication date"
    }
  }

  /// `1 document`, `5 documents`.
  static func counted(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count == 1 ? one : many)"
  }
}
