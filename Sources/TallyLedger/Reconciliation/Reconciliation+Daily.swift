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
    var rows: [DailyRow] = []
    let total = forEachDailyRow(filter, count: { rows.reserveCapacity($0) }) { rows.append($0) }
    assert(rows.count == total)
    return rows
  }

  /// The rows of ``daily(_:)``, in the same order, each handed to `body` as soon as it is made,
  /// so that a long tally can be written out without being held whole.
  ///
  /// For example, `reconciliation.forEachDailyRow(DailyFilter()) { writer.writeRow($0.csvCells) }`.
  ///
  /// - Parameters:
  ///   - filter: The days, party and category to show.
  ///   - count: Told the number of rows before the first one comes.
  ///   - body: Given each row in turn.
  /// - Returns: The number of rows.
  @discardableResult
  public func forEachDailyRow(
    _ filter: DailyFilter = DailyFilter(), count: (Int) -> Void = { _ in }, _ body: (DailyRow) -> Void
  ) -> Int {
    if let category = filter.category, !category.isCumulative { return 0 }
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
    guard last != Int32.min else { return 0 }

    let lowerClip = filter.from.map { Int32(CivilCalendar.days(year: $0.year, month: $0.month ?? 1, day: $0.day ?? 1)) }
    let upperClip = filter.to.map { date -> Int32 in
      let month = date.month ?? 12
      let day = date.day ?? CivilCalendar.daysInMonth(year: date.year, month: month)
      return Int32(CivilCalendar.days(year: date.year, month: month, day: day))
    }
    let end = min(last, upperClip ?? last)

    // The days each timeline shows: from its first day (or `from`) to the last day shown.
    var first = Int32.max
    var ranges: [(lo: Int32, hi: Int32)] = []
    ranges.reserveCapacity(timelines.count)
    for timeline in timelines {
      let lo = max(timeline.days[0], lowerClip ?? Int32.min)
      ranges.append((lo, end))
      if lo <= end { first = min(first, lo) }
    }
    guard first <= end else { return 0 }
    let span = Int(end - first) + 1
    // The timelines that start showing on each day, in series order.
    var starting = [[Int32]](repeating: [], count: span)
    var total = 0
    for (t, range) in ranges.enumerated() where range.lo <= range.hi {
      starting[Int(range.lo - first)].append(Int32(t))
      total += Int(range.hi - range.lo) + 1
    }
    count(total)

    // Each showing timeline's state: its strings, its current figure and the value before.
    struct Showing {
      var timeline: Int
      var party: String?
      var subject: String
      var claimant: String?
      var category: Category
      var w: Int
      var figure: Figure
      var previous: Int64?
    }
    func figure(_ timeline: Timeline, _ w: Int) -> Figure {
      let index = Int(timeline.winners[w])
      return Figure(
        value: table.values[index], low: table.low(index), high: table.high(index), id: table.ids[index],
        sources: table.documentCount(index))
    }
    var showing: [Showing] = []
    var merged: [Showing] = []
    for offset in 0..<span {
      let day = first + Int32(offset)
      if !starting[offset].isEmpty {
        // Merge the timelines that start today into the showing ones, keeping series order.
        var added: [Showing] = []
        for t in starting[offset].lazy.map({ Int($0) }) {
          let timeline = timelines[t]
          let key = series[timeline.series].key
          var w = 0
          var previous: Int64?
          if day > timeline.days[0] {
            while w + 1 < timeline.days.count, timeline.days[w + 1] <= day - 1 { w += 1 }
            previous = table.values[Int(timeline.winners[w])]
          }
          added.append(
            Showing(
              timeline: t, party: string(key.party), subject: string(key.subject) ?? "", claimant: string(key.claimant),
              category: key.category, w: w, figure: figure(timeline, w), previous: previous))
        }
        merged.removeAll(keepingCapacity: true)
        var (i, j) = (0, 0)
        while i < showing.count || j < added.count {
          if j == added.count || (i < showing.count && showing[i].timeline < added[j].timeline) {
            merged.append(showing[i])
            i += 1
          } else {
            merged.append(added[j])
            j += 1
          }
        }
        swap(&showing, &merged)
      }
      let date = CivilCalendar.iso(Int(day))
      for k in showing.indices {
        let timeline = timelines[showing[k].timeline]
        var w = showing[k].w
        if w + 1 < timeline.days.count, timeline.days[w + 1] <= day {
          while w + 1 < timeline.days.count, timeline.days[w + 1] <= day { w += 1 }
          showing[k].w = w
          showing[k].figure = figure(timeline, w)
        }
        let current = showing[k].figure
        body(
          DailyRow(
            date: date, party: showing[k].party, category: showing[k].category, subject: showing[k].subject,
            claimant: showing[k].claimant, value: current.value, low: current.low, high: current.high,
            change: showing[k].previous.map { current.value - $0 },
            status: timeline.days[w] == day ? .reported : .carried, sources: current.sources, claimID: current.id))
        showing[k].previous = current.value
      }
    }
    return total
  }
}
