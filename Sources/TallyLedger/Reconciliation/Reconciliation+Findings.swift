import TallyExtractor

extension Reconciliation {
  /// Every finding: regressions, conflicts, merged categories, historical, unattributed and
  /// undated figures, in that order, each kind in series order.
  ///
  /// - `regression`: in the timeline of a cumulative series (its figures with a full as-of day that
  ///   are not historical, in order), a figure lower than the one before it.
  /// - `conflict`: a current population group of ``compare()`` for a named place with two or more
  ///   claimants whose figures differ by more than 10%: `(high - low) / low > 0.10`.
  /// - `merged-category`: a party with a current `casualties` figure and a current `killed` or
  ///   `wounded` figure; the latest of each is cited.
  /// - `historical`, `unattributed` (no claimant), `undated` (no sighting has a publication date):
  ///   one finding per claim.
  ///
  /// For example, `reconciliation.findings().filter { $0.kind == .conflict }`.
  ///
  /// - Complexity: O(n log n) for n claims.
  public func findings() -> [Finding] {
    var findings: [Finding] = []
    forEachFinding { findings.append($0) }
    return findings
  }

  /// Every finding of ``findings()``, in the same order, each handed to `body` as soon as it is
  /// made, so that a large list can be written out without being held whole.
  ///
  /// For example, `reconciliation.forEachFinding { writer.writeRow($0.csvCells) }`.
  public func forEachFinding(_ body: (Finding) -> Void) {
    appendRegressions(to: body)
    appendConflicts(to: body)
    appendMergedCategories(to: body)
    appendClaimFindings(to: body)
  }

  // MARK: - Kinds

  private func appendRegressions(to emit: (Finding) -> Void) {
    for entry in series where entry.key.category.isCumulative {
      var previous: Int32?
      var cached: (key: SeriesKey, topic: String, who: String)?
      var lastCitation: (index: Int32, text: String)?
      for slot in entry.claims {
        let index = order[slot]
        let fact = facts[Int(index)]
        guard !fact.historical, fact.hasAsOfDay else { continue }
        defer { previous = index }
        guard let previous, table.values[Int(index)] < table.values[Int(previous)] else { continue }
        let described = cached ?? describe(entry.key)
        cached = described
        let (key, phrase, who) = described
        // A run of regressions cites each figure twice: as the later one, then as the earlier.
        let before = lastCitation?.index == previous ? lastCitation!.text : citation(Int(previous))
        let after = citation(Int(index))
        lastCitation = (index, after)
        emit(
          Finding(
            kind: .regression, party: key.party, category: key.category, subject: key.subject,
            location: key.location, claimant: key.claimant, figures: before + " then " + after,
            documents: documents(of: [previous, index]),
            message: sentence(who, " lowered the count of ", phrase, " from ", before, " to ", after, "."),
            claimIDs: [table.ids[Int(previous)], table.ids[Int(index)]]))
      }
    }
  }

  private func appendConflicts(to emit: (Finding) -> Void) {
    for group in compareGroups(only: .population) where !group.historical && group.members.count >= 2 {
      let first = Int(group.members[0])
      guard table.categories[first] == .population, let location = table.string(table.locations[first]),
        !location.isEmpty, group.differsByMoreThanTenPercent
      else { continue }
      // Lowest figure first; equal figures in series order.
      let ordered = group.members.indices.sorted {
        (group.contributions[$0].best, $0) < (group.contributions[$1].best, $1)
      }.map { group.members[$0] }
      let figures = ordered.map { citation(Int($0)) }.joined(separator: " vs ")
      let claimants = ordered.compactMap { nonEmpty(table.claimants[Int($0)]) }
      let key = SeriesKey(
        party: table.string(table.parties[first]), category: .population,
        subject: table.strings[Int(table.subjects[first])], claimant: table.string(table.claimants[first]),
        location: location)
      emit(
        Finding(
          kind: .conflict, party: key.party, category: .population, subject: nil, location: location,
          claimant: claimants.isEmpty ? nil : unique(claimants).joined(separator: "; "), figures: figures,
          documents: documents(of: ordered), message: "Sources disagree on \(topic(key)): \(figures).",
          claimIDs: ordered.map { table.ids[Int($0)] }))
    }
  }

  private func appendMergedCategories(to emit: (Finding) -> Void) {
    // Series are ordered by party first, so each party's series are contiguous.
    var position = 0
    while position < series.count {
      let party = series[position].key.party
      var latest: [Category: Int32] = [:]
      while position < series.count, series[position].key.party == party {
        let entry = series[position]
        position += 1
        let category = entry.key.category
        guard party >= 0, category == .casualties || category == .killed || category == .wounded else { continue }
        for slot in entry.claims.reversed() where !facts[Int(order[slot])].historical {
          let index = order[slot]
          if let known = latest[category], !isLater(index, than: known) { break }
          latest[category] = index
          break
        }
      }
      guard let casualties = latest[.casualties], latest[.killed] != nil || latest[.wounded] != nil,
        let name = string(party)
      else { continue }
      let separate = [Category.killed, .wounded].compactMap { latest[$0] }
      let figures =
        citation(Int(casualties), label: "casualties") + " vs "
        + separate.map { citation(Int($0), label: table.categories[Int($0)].rawValue) }.joined(separator: " and ")
      let involved = [casualties] + separate
      emit(
        Finding(
          kind: .mergedCategory, party: name, category: .casualties, subject: nil, location: nil, claimant: nil,
          figures: figures, documents: documents(of: involved),
          message: "\(name)'s losses are given both as casualties (killed and wounded together) and separately, "
            + "so they must not be added up: \(figures).",
          claimIDs: involved.map { table.ids[Int($0)] }))
    }
  }

  private func appendClaimFindings(to emit: (Finding) -> Void) {
    for kind in [FindingKind.historical, .unattributed, .undated] {
      // A scan in claim order first: most ledgers have few or none of a kind.
      switch kind {
      case .historical: guard facts.contains(where: \.historical) else { continue }
      case .undated: guard facts.contains(where: { !$0.isDated }) else { continue }
      default: break
      }
      for entry in series {
        if kind == .unattributed, entry.key.claimant >= 0 { continue }
        var cached: (key: SeriesKey, topic: String, who: String)?
        for slot in entry.claims {
          let index = Int(order[slot])
          let fact = facts[index]
          switch kind {
          case .historical: guard fact.historical else { continue }
          case .undated: guard !fact.isDated else { continue }
          default: break
          }
          let described = cached ?? describe(entry.key)
          cached = described
          let (key, phrase, _) = described
          let cited = citation(index)
          let message: String
          switch kind {
          case .historical:
            message = sentence(
              "The figure for ", phrase, ", ", cited, ", refers to ", table.string(table.asOfs[index]) ?? "an earlier period",
              ", before the period tracked, and is left out of daily tallies.")
          case .unattributed:
            message = sentence("No claimant is named for ", phrase, ": ", cited, ".")
          default:
            message = sentence("No publication date is known for ", phrase, ": ", cited, ".")
          }
          emit(
            Finding(
              kind: kind, party: key.party, category: key.category, subject: key.subject, location: key.location,
              claimant: key.claimant, figures: cited, documents: table.documentNames(of: index), message: message,
              claimIDs: [table.ids[index]]))
        }
      }
    }
  }

  // MARK: - Wording

  /// The parts joined into one string, allocated once.
  private func sentence(_ parts: String...) -> String {
    var out = ""
    out.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
    for part in parts { out += part }
    return out
  }

  /// A series' key, its topic and who speaks in it (`Unattributed reports` when nobody is named).
  private func describe(_ interned: InternedSeriesKey) -> (key: SeriesKey, topic: String, who: String) {
    let key = seriesKey(interned)
    return (key, topic(key), key.claimant ?? "Unattributed reports")
  }

  /// The distinct documents of some claims, in order.
  private func documents(of indices: [Int32]) -> [String] {
    // Two claims of one sighting each, the usual regression: no intermediate arrays.
    if indices.count == 2, table.sightings(of: Int(indices[0])).count == 1,
      table.sightings(of: Int(indices[1])).count == 1
    {
      let first = table.documentName(ofSighting: table.sightings(of: Int(indices[0])).lowerBound)
      let second = table.documentName(ofSighting: table.sightings(of: Int(indices[1])).lowerBound)
      return first == second ? [first] : [first, second]
    }
    return unique(indices.flatMap { table.documentNames(of: Int($0)) })
  }

  private func unique(_ items: [String]) -> [String] {
    if items.count <= 16 {
      var out: [String] = []
      out.reserveCapacity(items.count)
      for item in items where !out.contains(item) { out.append(item) }
      return out
    }
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }

  /// What a series counts, as a noun phrase: `Armenia's military deaths`, `Azerbaijan's displaced
  /// civilians`, `the population of Ganja`, `Armenia's helicopter losses`, `villages taken by Azerbaijan`.
  func topic(_ key: SeriesKey) -> String {
    let subject = key.subject
    let people: String
    switch subject {
    case "military": people = "troops"
    case "civilian": people = "civilians"
    case "unspecified", "": people = "people"
    default: people = subject
    }
    let adjective = subject == "unspecified" || subject.isEmpty ? "" : subject + " "
    let noun: String
    switch key.category {
    case .population:
      if let location = key.location { return "the population of \(location)" }
      return key.party.map { "a population in \($0)" } ?? "a population"
    case .seized:
      let places = subject.isEmpty ? "places" : subject + "s"
      return key.party.map { "\(places) taken by \($0)" } ?? "\(places) taken"
    case .killed: noun = adjective + "deaths"
    case .casualties: noun = adjective + "casualties"
    case .wounded: noun = "wounded " + people
    case .missing: noun = "missing " + people
    case .captured: noun = "captured " + people
    case .displaced: noun = "displaced " + people
    case .destroyed: noun = (subject.isEmpty ? "equipment" : subject) + " losses"
    }
    return key.party.map { "\($0)'s \(noun)" } ?? "\(noun) of an unknown side"
  }
}
