import TallyExtractor

/// What a figure contributes to a comparison group.
struct Contribution {
  /// Its part in the group's low.
  var low: Int64
  /// Its part in the median.
  var best: Int64
  /// Its part in the group's high.
  var high: Int64

  init(_ table: ClaimTable, _ index: Int) {
    let value = table.values[index]
    let claimLow = table.low(index)
    let claimHigh = table.high(index)
    switch table.qualifiers[index] {
    case .exact, .about:
      (low, best, high) = (value, value, value)
    case .moreThan:
      let bound = claimLow ?? (value + 1)
      (low, best, high) = (bound, bound, bound)
    case .atLeast, .vague:
      let bound = claimLow ?? value
      (low, best, high) = (bound, bound, bound)
    case .upTo:
      let bound = claimHigh ?? value
      (low, best, high) = (bound, bound, bound)
    case .range:
      let first = claimLow ?? value
      let last = max(claimHigh ?? first, first)
      (low, best, high) = (first, first + (last - first) / 2, last)
    }
  }
}

/// One comparison group: the latest figure of each series of a (party, category, subject, location),
/// or of the historical figures of one as-of date.
struct CompareGroup {
  /// The claim indices of the members, one per series, in series order.
  var members: [Int32]
  /// The contributions of the members, in the same order.
  var contributions: [Contribution]
  var low: Int64
  var best: Int64
  var high: Int64
  var basis: BestBasis
  var historical: Bool

  /// `high / low` with two decimals, rounded half up; `nil` when `low` is 0 or less.
  var spread: String? {
    guard low > 0 else { return nil }
    let hundredths = (200 * high + low) / (2 * low)
    let fraction = hundredths % 100
    return String(hundredths / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
  }

  /// Whether the figures differ by more than 10%: `(high - low) / low > 0.10`.
  var differsByMoreThanTenPercent: Bool {
    (high - low) * 10 > low
  }
}

extension Reconciliation {
  /// Each claimant's latest figure, side by side, for every (party, category, subject, location).
  ///
  /// Current figures form one group per (party, category, subject, location); historical figures
  /// form their own groups, one per as-of date, listed after the current group. Each series
  /// contributes its latest figure (by as-of date, then publication, then id). Groups are ordered
  /// by party, category, subject and location, rows within a group by claimant (unknown last).
  ///
  /// For example, `reconciliation.compare().filter { $0.location == "Ganja" }`.
  ///
  /// - Returns: One row per series and group.
  /// - Complexity: O(n log n) for n claims.
  public func compare() -> [CompareRow] {
    var rows: [CompareRow] = []
    rows.reserveCapacity(series.count)
    for group in compareGroups() {
      let spread = group.spread
      for (member, contribution) in zip(group.members, group.contributions) {
        let claim = Int(member)
        let category = table.categories[claim]
        rows.append(
          CompareRow(
            party: nonEmpty(table.parties[claim]), category: category, subject: table.strings[Int(table.subjects[claim])],
            location: category == .population ? nonEmpty(table.locations[claim]) : nil,
            claimant: nonEmpty(table.claimants[claim]), value: table.values[claim], low: table.low(claim),
            high: table.high(claim), qualifier: table.qualifiers[claim], asOf: table.string(table.asOfs[claim]),
            countsAs: contribution.best, sources: table.documentCount(claim), outlets: table.outlets(of: claim),
            documents: table.documentNames(of: claim), groupLow: group.low, best: group.best, groupHigh: group.high,
            spread: spread, basis: group.basis, historical: group.historical, claimID: table.ids[claim]))
      }
    }
    return rows
  }

  /// The table string of `id`, nil for none and for the empty string.
  func nonEmpty(_ id: Int32) -> String? {
    guard let text = table.string(id), !text.isEmpty else { return nil }
    return text
  }

  /// Whether two series belong to one comparison group.
  private func sameGroup(_ a: InternedSeriesKey, _ b: InternedSeriesKey) -> Bool {
    a.party == b.party && a.category == b.category && a.subject == b.subject && a.location == b.location
  }

  /// The comparison groups, current then historical for each (party, category, subject, location).
  ///
  /// - Parameter category: Only the groups of this category, and then only the current ones.
  func compareGroups(only category: Category? = nil) -> [CompareGroup] {
    struct HistoricalMember: Comparable {
      var group: Int32
      var asOf: Int32
      var series: Int32
      var slot: Int32
      static func < (a: HistoricalMember, b: HistoricalMember) -> Bool {
        (a.group, a.asOf, a.series, a.slot) < (b.group, b.asOf, b.series, b.slot)
      }
    }
    // Current figures: the latest of each series, grouped as the series come (in series order).
    var currentGroups: [(start: Int, group: CompareGroup)] = []
    var historicalMembers: [HistoricalMember] = []
    var groupStart = 0
    var current: [Int32] = []
    var previous: InternedSeriesKey?
    for (position, entry) in series.enumerated() {
      if let category, entry.key.category != category { continue }
      if let previous, !sameGroup(previous, entry.key) {
        if !current.isEmpty { currentGroups.append((groupStart, makeGroup(current, historical: false))) }
        current.removeAll(keepingCapacity: true)
        groupStart = position
      }
      previous = entry.key
      for slot in entry.claims.reversed() where !facts[Int(order[slot])].historical {
        current.append(order[slot])
        break
      }
      for slot in entry.claims where category == nil {
        let fact = facts[Int(order[slot])]
        guard fact.historical, fact.hasAsOf else { continue }
        historicalMembers.append(
          HistoricalMember(group: Int32(groupStart), asOf: fact.asOfOrdinal, series: Int32(position), slot: Int32(slot)))
      }
    }
    if !current.isEmpty { currentGroups.append((groupStart, makeGroup(current, historical: false))) }

    // Historical figures: the latest of each series and as-of date, one group per as-of date.
    historicalMembers.sort()
    var historicalGroups: [(start: Int, group: CompareGroup)] = []
    var index = 0
    while index < historicalMembers.count {
      let head = historicalMembers[index]
      var members: [Int32] = []
      while index < historicalMembers.count, historicalMembers[index].group == head.group,
        historicalMembers[index].asOf == head.asOf
      {
        let member = historicalMembers[index]
        let next = index + 1 < historicalMembers.count ? historicalMembers[index + 1] : nil
        if next == nil || next?.group != member.group || next?.asOf != member.asOf || next?.series != member.series {
          members.append(order[Int(member.slot)])
        }
        index += 1
      }
      historicalGroups.append((Int(head.group), makeGroup(members, historical: true)))
    }

    // Each current group, then the historical groups of the same (party, category, subject, location).
    var groups: [CompareGroup] = []
    groups.reserveCapacity(currentGroups.count + historicalGroups.count)
    var h = 0
    for (start, group) in currentGroups {
      while h < historicalGroups.count, historicalGroups[h].start < start {
        groups.append(historicalGroups[h].group)
        h += 1
      }
      groups.append(group)
      while h < historicalGroups.count, historicalGroups[h].start == start {
        groups.append(historicalGroups[h].group)
        h += 1
      }
    }
    groups.append(contentsOf: historicalGroups[h...].map(\.group))
    return groups
  }

  /// A group's low, best and high from its members.
  private func makeGroup(_ members: [Int32], historical: Bool) -> CompareGroup {
    let contributions = members.map { Contribution(table, Int($0)) }
    var low = Int64.max
    var high = Int64.min
    for contribution in contributions {
      low = min(low, contribution.low)
      high = max(high, contribution.high)
    }
    // The party's own figure: the claimant is the party or one of its institutions or people.
    let first = Int(members[0])
    var own: Int?
    if table.categories[first].admitsOwnFigure, let party = table.string(table.parties[first]), !party.isEmpty {
      let prefix = party + " "
      for (offset, member) in members.enumerated() {
        guard let claimant = table.string(table.claimants[Int(member)]), claimant == party || claimant.hasPrefix(prefix)
        else { continue }
        if let previous = own, !isLater(member, than: members[previous]) { continue }
        own = offset
      }
    }
    let best: Int64
    let basis: BestBasis
    if let own {
      best = contributions[own].best
      basis = .own
    } else {
      let sorted = contributions.map(\.best).sorted()
      best = sorted[(sorted.count - 1) / 2]
      basis = .median
    }
    return CompareGroup(
      members: members, contributions: contributions, low: low, best: best, high: high, basis: basis,
      historical: historical)
  }

  /// Whether claim `a` comes after claim `b` in time: as-of date, then publication, then id.
  func isLater(_ a: Int32, than b: Int32) -> Bool {
    let fa = facts[Int(a)]
    let fb = facts[Int(b)]
    let ka = (fa.asOfOrdinal, fa.published, table.ids[Int(a)])
    let kb = (fb.asOfOrdinal, fb.published, table.ids[Int(b)])
    return ka > kb
  }
}
