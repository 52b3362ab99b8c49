public import TallyExtractor

/// Reconciles the ledger's claims over time and across claimants.
///
/// Build it once from every claim of the ledger, then ask for the daily tallies
/// (``daily(_:)``), the side-by-side comparison (``compare()``) or the findings (``findings()``).
/// It works on claims in memory and knows nothing of storage. For example:
///
/// ```swift
/// let reconciliation = Reconciliation(claims: claims)
/// let rows = reconciliation.daily(DailyFilter(party: "Armenia", category: .killed))
/// let findings = reconciliation.findings()
/// ```
///
/// The rules are those of the README's "Reconciliation rules": a series is (party, category,
/// subject, claimant), plus the location for population figures; within a series figures are
/// ordered by as-of date, then by earliest publication, then by id, and a later figure of a
/// cumulative category supersedes the earlier one.
///
/// - Complexity: O(n log n) to build, for n claims; each report is O(n log n) plus its output.
public struct Reconciliation: Sendable {
  /// The claims, in columns, in the order given.
  public let table: ClaimTable
  /// The first day of the tracked period: figures whose as-of date ends before it are historical.
  ///
  /// `nil` only when no day was given and no sighting has a publication date.
  public let trackedFrom: PartialDate?

  /// Per-claim facts, parallel to the table's claims.
  let facts: [ClaimFacts]
  /// The series, in series order (party, category, subject, location, claimant).
  let series: [SeriesEntry]
  /// Claim indices, grouped by series in series order; within a series by as-of date (none first),
  /// earliest publication (none first) and id.
  let order: [Int32]
  /// The interned strings of the series keys.
  let strings: [String]

  /// The claims, as given (built from ``table``; without its details, quotes are empty).
  public var claims: [LedgerClaim] { table.claims() }

  /// The number of claims.
  public var claimCount: Int { table.count }

  /// The claim at `index` (see ``claims``).
  public func claim(_ index: Int) -> LedgerClaim {
    table.claim(at: index)
  }

  /// Reconciles `claims`.
  ///
  /// - Parameters:
  ///   - claims: Every claim of the ledger, in any order.
  ///   - trackedFrom: The first day of the tracked period. By default it is the first day of the
  ///     month before the earliest publication date of any sighting (an earliest article of
  ///     2020-09-28 gives 2020-08-01). A month or a year stands for its first day.
  public init(claims: [LedgerClaim], trackedFrom: PartialDate? = nil) {
    self.init(table: ClaimTable(claims), trackedFrom: trackedFrom)
  }

  /// Reconciles the claims of `table` (see ``init(claims:trackedFrom:)``).
  public init(table: ClaimTable, trackedFrom: PartialDate? = nil) {
    self.table = table
    let n = table.count
    var interner = StringInterner(capacity: 1024)
    // The interned id of each table string, -2 until asked for.
    var canonical = [Int32](repeating: -2, count: table.strings.count)
    func id(_ stringID: Int32) -> Int32 {
      guard stringID >= 0 else { return -1 }
      let known = canonical[Int(stringID)]
      if known != -2 { return known }
      let interned = interner.id(table.strings[Int(stringID)])
      canonical[Int(stringID)] = interned
      return interned
    }
    // Dates parsed once per distinct string: 0 not yet, 1 parsed, 2 not a date.
    var dateState = [UInt8](repeating: 0, count: table.strings.count)
    var dates = [AsOfDate?](repeating: nil, count: table.strings.count)
    func date(_ stringID: Int32) -> AsOfDate? {
      guard stringID >= 0 else { return nil }
      let index = Int(stringID)
      switch dateState[index] {
      case 1: return dates[index]
      case 2: return nil
      default:
        let parsed = AsOfDate(iso: table.strings[index])
        dates[index] = parsed
        dateState[index] = parsed == nil ? 2 : 1
        return parsed
      }
    }
    let publishedDays = table.documentPublished.map { date($0)?.day ?? Int32.min }

    var facts: [ClaimFacts] = []
    facts.reserveCapacity(n)
    var earliestPublication = Int32.max
    // Series, numbered in order of first appearance (ordered below).
    var seriesIDs: [InternedSeriesKey: Int32] = [:]
    var seriesKeys: [InternedSeriesKey] = []

    for i in 0..<n {
      var published = Int32.min
      var earliest: Int32 = 0
      let range = table.sightings(of: i)
      for position in range {
        let day = publishedDays[Int(table.sightingDocuments[position])]
        guard day != Int32.min else { continue }
        if published == Int32.min || day < published {
          published = day
          earliest = Int32(position - range.lowerBound)
        }
      }
      if published != Int32.min { earliestPublication = min(earliestPublication, published) }
      let asOf = date(table.asOfs[i])
      let category = table.categories[i]
      let key = InternedSeriesKey(
        party: id(table.parties[i]), category: category, subject: id(table.subjects[i]),
        location: category == .population ? id(table.locations[i]) : -1, claimant: id(table.claimants[i]))
      let series: Int32
      if let known = seriesIDs[key] {
        series = known
      } else {
        series = Int32(seriesKeys.count)
        seriesIDs[key] = series
        seriesKeys.append(key)
      }
      facts.append(
        ClaimFacts(
          asOfOrdinal: asOf?.ordinal ?? -1, asOfDay: asOf?.day ?? Int32.min, published: published,
          earliestSighting: earliest, historical: false, series: series))
    }
    seriesIDs = [:]
    // The tracked period and the historical figures.
    let start: Int32?
    if let trackedFrom {
      start = Int32(CivilCalendar.days(year: trackedFrom.year, month: trackedFrom.month ?? 1, day: trackedFrom.day ?? 1))
      self.trackedFrom = trackedFrom
    } else if earliestPublication != Int32.max {
      let (y, m, _) = CivilCalendar.date(days: Int(earliestPublication))
      let (py, pm) = m == 1 ? (y - 1, 12) : (y, m - 1)
      start = Int32(CivilCalendar.days(year: py, month: pm, day: 1))
      self.trackedFrom = PartialDate(year: py, month: pm, day: 1)
    } else {
      start = nil
      self.trackedFrom = nil
    }
    for index in facts.indices {
      guard let asOf = date(table.asOfs[index]) else { continue }
      var historical = false
      if let start, asOf.lastDay < start { historical = true }
      if asOf.day == nil, facts[index].isDated {
        let (y, m, _) = CivilCalendar.date(days: Int(facts[index].published))
        let monthStart = Int32(CivilCalendar.days(year: y, month: m, day: 1))
        if asOf.lastDay < monthStart { historical = true }
      }
      facts[index].historical = historical
    }

    // Series, in order of party, category, subject, location and claimant (unknown last).
    let ranks = interner.ranks()
    func rank(_ id: Int32) -> Int32 { id < 0 ? Int32.max : ranks[Int(id)] }
    func sortKey(_ key: InternedSeriesKey) -> (Int32, Int32, Int32, Int32, Int32) {
      (
        rank(key.party), key.category.rank, key.subject < 0 ? -1 : rank(key.subject), rank(key.location),
        rank(key.claimant)
      )
    }
    let seriesOrder = seriesKeys.indices.sorted { sortKey(seriesKeys[$0]) < sortKey(seriesKeys[$1]) }
    var position = [Int32](repeating: 0, count: seriesKeys.count)
    for (pos, id) in seriesOrder.enumerated() { position[id] = Int32(pos) }

    // Claims by series position (a counting sort), then by as-of, publication and id within each series.
    // `rank` is the claim's place in order of (id, index): its index itself when ids ascend, as
    // they do in a loaded table, so the key takes 12 bytes rather than 24 with the id.
    struct ClaimSortKey: Comparable {
      var asOf: Int32
      var published: Int32
      var rank: Int32
      static func < (a: ClaimSortKey, b: ClaimSortKey) -> Bool {
        (a.asOf, a.published, a.rank) < (b.asOf, b.published, b.rank)
      }
    }
    let ids = table.ids
    let ascending = ids.indices.dropFirst().allSatisfy { ids[$0 - 1] < ids[$0] }
    let byRank: [Int32] = ascending ? [] : (0..<Int32(n)).sorted { (ids[Int($0)], $0) < (ids[Int($1)], $1) }
    var rankOf: [Int32] = []
    if !ascending {
      rankOf = [Int32](repeating: 0, count: n)
      for (rank, index) in byRank.enumerated() { rankOf[Int(index)] = Int32(rank) }
    }
    var counts = [Int](repeating: 0, count: seriesKeys.count)
    for index in 0..<n {
      let pos = Int(position[Int(facts[index].series)])
      facts[index].series = Int32(pos)
      counts[pos] += 1
    }
    var series: [SeriesEntry] = []
    series.reserveCapacity(seriesKeys.count)
    var cursor: [Int] = []
    cursor.reserveCapacity(seriesKeys.count)
    var lower = 0
    for (pos, id) in seriesOrder.enumerated() {
      series.append(SeriesEntry(key: seriesKeys[id], claims: lower..<(lower + counts[pos])))
      cursor.append(lower)
      lower += counts[pos]
    }
    var sortKeys = [ClaimSortKey](repeating: ClaimSortKey(asOf: 0, published: 0, rank: 0), count: n)
    for index in 0..<n {
      let fact = facts[index]
      let pos = Int(fact.series)
      sortKeys[cursor[pos]] = ClaimSortKey(
        asOf: fact.asOfOrdinal, published: fact.published, rank: ascending ? Int32(index) : rankOf[index])
      cursor[pos] += 1
    }
    rankOf = []
    for entry in series where entry.claims.count > 1 { sortKeys[entry.claims].sort() }
    self.order = ascending ? sortKeys.map(\.rank) : sortKeys.map { byRank[Int($0.rank)] }
    self.series = series
    self.facts = facts
    self.strings = interner.strings
  }

  /// Whether a claim is historical: its as-of date is a year or a month that ends before the month
  /// of its earliest publication, or it ends before ``trackedFrom``.
  ///
  /// - Parameter index: The claim's index in ``claims``.
  public func isHistorical(_ index: Int) -> Bool {
    facts[index].historical
  }

  /// The series key of an interned key.
  func seriesKey(_ key: InternedSeriesKey) -> SeriesKey {
    SeriesKey(
      party: string(key.party), category: key.category, subject: string(key.subject) ?? "",
      claimant: string(key.claimant), location: string(key.location))
  }

  /// The string of an interned id, `nil` for -1.
  func string(_ id: Int32) -> String? {
    id < 0 ? nil : strings[Int(id)]
  }
}
