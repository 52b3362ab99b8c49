public import TallyExtractor

extension Reconciliation {
  /// The categories the daily tally covers: the cumulative ones.
  public static let dailyCategories: [Category] = Category.allCases.filter(\.isCumulative)

  /// The daily tally: one row per day and series, from the series' first as-of day to the last
  /// as-of day of the whole filtered set.
  ///
  /// Only figures of cumulative categories with a full as-of day that are not historical take
  /// part. Of two figures of one series with the same as-of day, the one published later wins.
  /// Rows are ordered by date, then by series (party, category, subject, claimant; unknown last).
  /// `from` and `to` clip the rows shown; a figure before `from` still sets the first row's change.
  ///
  /// For example, `reconciliation.daily(DailyFilter(category: .killed))`.
  ///
  /// - Parameter filter: The days, party and category to show.
  /// - Returns: The rows.
  /// - Complexity: O(n + r) for n claims and r rows.
  public func daily(_ filter: DailyFilter = DailyFilter()) -> [DailyRow] {
    if let category = filter.category, !category.isCumulative { return [] }
    let party = filter.party.map { $0.lowercased() }
    var partyMatches: [Int32: Bool] = [:]

    // The timeline of each series: the day and the winning figure of each as-of day.
    struct Figure {
      var value: Int64
      var low: Int64?
      var high: Int64?
      var id: Int64
      var sources: Int
    }
    struct Timeline {
      var series: Int
      var days: [Int32]
      var winners: [Int32]
    }
    var timelines: [Timeline] = []
    var last = Int32.min
    for (position, entry) in series.enumerated() {
      let key = entry.key
      guard key.category.isCumulative else { continue }
      if let category = filter.category, key.category != category { continue }
      if let party {
        let matches: Bool
        if let known = partyMatches[key.party] {
          matches = known
        } else {
          matches = string(key.party)?.lowercased() == party
          partyMatches[key.party] = matches
        }
        guard matches else { continue }
      }
      var days: [Int32] = []
      var winners: [Int32] = []
      for slot in entry.claims {
        let index = order[slot]
        let fact = facts[Int(index)]
        guard !fact.historical, fact.hasAsOfDay else { continue }
        let day = fact.asOfDay
        if days.last == day {
          winners[winners.count - 1] = index  // the same day, published later: it wins
        } else {
          days.append(day)
          winners.append(index)
        }
      }
      guard let lastDay = days.last else { continue }
      last = max(last, lastDay)
      timelines.append(Timeline(series: position, days: days, winners: winners))
    }
    guard last != Int32.min else { return [] }

    let lowerClip = filter.from.map { Int32(CivilCalendar.days(year: $0.year, month: $0.month ?? 1, day: $0.day ?? 1)) }
    let upperClip = filter.to.map { date -> Int32 in
      let month = date.month ?? 12
      let day = date.day ?? CivilCalendar.daysInMonth(year: date.year, month: month)
      return Int32(CivilCalendar.days(year: date.year, month: month, day: day))
    }
    let end = min(last, upperClip ?? last)

    // Count the rows of each day, so that rows can be laid out by date, then series.
    var first = Int32.max
    var ranges: [(lo: Int32, hi: Int32)] = []
    ranges.reserveCapacity(timelines.count)
    for timeline in timelines {
      let lo = max(timeline.days[0], lowerClip ?? Int32.min)
      ranges.append((lo, end))
      if lo <= end { first = min(first, lo) }
    }
    guard first <= end else { return [] }
    let span = Int(end - first) + 1
    var offsets = [Int](repeating: 0, count: span + 1)
    for range in ranges where range.lo <= range.hi {
      offsets[Int(range.lo - first)] += 1
    }
    // A series is active from its first day to the end, so day d has the series started by d.
    var running = 0
    var starts = [Int](repeating: 0, count: span)
    var total = 0
    for day in 0..<span {
      running += offsets[day]
      starts[day] = total
      total += running
    }
    let dates = (0..<span).map { CivilCalendar.iso(Int(first) + $0) }

    return [DailyRow](unsafeUninitializedCapacity: total) { buffer, count in
      var cursor = starts
      var figures: [Figure] = []
      for (t, timeline) in timelines.enumerated() {
        let (lo, hi) = ranges[t]
        guard lo <= hi else { continue }
        let key = series[timeline.series].key
        let partyName = string(key.party)
        let subject = string(key.subject) ?? ""
        let claimant = string(key.claimant)
        figures.removeAll(keepingCapacity: true)
        for index in timeline.winners.lazy.map({ Int($0) }) {
          figures.append(
            Figure(
              value: table.values[index], low: table.low(index), high: table.high(index), id: table.ids[index],
              sources: table.documentCount(index)))
        }
        var w = 0
        var previous: Int64?
        if lo > timeline.days[0] {
          while w + 1 < timeline.days.count, timeline.days[w + 1] <= lo - 1 { w += 1 }
          previous = figures[w].value
        }
        for day in lo...hi {
          while w + 1 < timeline.days.count, timeline.days[w + 1] <= day { w += 1 }
          let figure = figures[w]
          let slot = Int(day - first)
          buffer.initializeElement(
            at: cursor[slot],
            to: DailyRow(
              date: dates[slot], party: partyName, category: key.category, subject: subject, claimant: claimant,
              value: figure.value, low: figure.low, high: figure.high, change: previous.map { figure.value - $0 },
              status: timeline.days[w] == day ? .reported : .carried, sources: figure.sources, claimID: figure.id))
          cursor[slot] += 1
          previous = figure.value
        }
      }
      count = total
    }
  }
}
