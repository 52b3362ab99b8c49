public import TallyExtractor
public import TallyLedger

/// The brief: a short plain-text summary of the ledger a journalist can paste, `summary.txt`.
///
/// The layout is the one in the README, section "The brief": a title; the period covered (the
/// first and last day of the daily tallies, the publication dates of the documents and how many
/// documents and outlets there are); one section per party (alphabetical, the unknown side last as
/// `Side not identified`) with, for each group of figures (category, subject, place), the range
/// across claimants and each claimant's latest figure with its as-of date, its outlet and what
/// changed since the previous day; then the findings, one sentence each, grouped by kind; then the
/// historical figures, listed apart. Lines are wrapped at ``lineWidth`` characters. The text is
/// deterministic: everything is sorted, and nothing depends on the clock.
///
/// For example:
///
/// ```swift
/// let brief = Brief.text(Reconciliation(claims: claims), from: nil, to: PartialDate(iso: "2020-10-04"))
/// ```
public enum Brief {
  /// The longest line the brief writes, in characters (a single longer word stays whole).
  public static let lineWidth = 100

  /// The findings of each kind the brief lists; the others are counted and left to `findings.csv`.
  public static let findingsPerKind = 20

  /// The first line of every brief.
  public static let title = "Tally brief: reported casualties and claims"

  /// What the brief of an empty ledger says.
  public static let emptyLedger = "No figures in the ledger yet. Run tally ingest on some articles first."

  /// The brief of a reconciliation, as text with `\n` line ends and a final newline.
  ///
  /// - Parameters:
  ///   - reconciliation: The reconciliation of every claim of the ledger.
  ///   - from: The first day of the period: figures whose as-of date ends before it are left out
  ///     (figures with no as-of date and historical ones, when every document carrying them was
  ///     published before it). A month or a year stands for its first day.
  ///   - to: The last day of the period: the brief as it stood that day. Figures whose as-of date
  ///     begins after it, and documents published after it, are left out. A month or a year stands
  ///     for its last day.
  /// - Returns: The brief.
  /// - Complexity: O(n log n + r) for n claims and r daily rows.
  public static func text(_ reconciliation: Reconciliation, from: PartialDate?, to: PartialDate?) -> String {
    var page = BriefPage(width: lineWidth)
    page.heading(title, underline: "=")
    page.blank()
    guard reconciliation.claimCount > 0 else {
      page.paragraph(emptyLedger)
      return page.text
    }
    let scope = BriefScope(reconciliation, from: from, to: to)
    guard scope.window.claimCount > 0 else {
      page.paragraph("No figures in the ledger for \(scope.periodName). Try a wider period.")
      return page.text
    }
    appendPeriod(scope, to: &page)
    appendParties(scope, to: &page)
    appendFindings(scope, to: &page)
    appendHistorical(scope, to: &page)
    return page.text
  }
}

/// The claims a brief covers, and the daily rows of its period.
struct BriefScope {
  /// The claims known at the end of the period (none published or dated after `to`).
  let known: Reconciliation
  /// The claims of the period: those of ``known`` whose date does not end before `from`.
  let window: Reconciliation
  /// What the brief needs of the daily rows of ``known`` from `from` to `to`, gathered as they
  /// are made (the rows themselves are not kept).
  let daily: BriefDays
  let from: PartialDate?
  let to: PartialDate?

  init(_ reconciliation: Reconciliation, from: PartialDate?, to: PartialDate?) {
    self.from = from
    self.to = to
    guard from != nil || to != nil else {
      known = reconciliation
      window = reconciliation
      daily = BriefDays(reconciliation, DailyFilter())
      return
    }
    let last = to.map { BriefDay.last($0) }
    let first = from.map { BriefDay.first($0) }
    var knownClaims: [LedgerClaim] = []
    var windowClaims: [LedgerClaim] = []
    for (index, original) in reconciliation.claims.enumerated() {
      var claim = original
      let asOf = claim.asOf.flatMap { PartialDate(iso: $0) }
      if let last {
        if let asOf, BriefDay.first(asOf) > last { continue }
        claim.sightings = claim.sightings.filter { sighting in
          guard let published = sighting.published.flatMap({ PartialDate(iso: $0) }) else { return true }
          return BriefDay.first(published) <= last
        }
        if claim.sightings.isEmpty { continue }
      }
      knownClaims.append(claim)
      if let first {
        // A current figure is placed by its as-of date; a historical one, or one with no as-of
        // date, by its latest publication; a figure that cannot be placed stays.
        let placed: Int?
        if let asOf, !reconciliation.isHistorical(index) {
          placed = BriefDay.last(asOf)
        } else {
          placed = claim.sightings.compactMap { $0.published.flatMap { PartialDate(iso: $0) }.map(BriefDay.first) }
            .max()
        }
        if let placed, placed < first { continue }
      }
      windowClaims.append(claim)
    }
    known = Reconciliation(claims: knownClaims, trackedFrom: reconciliation.trackedFrom)
    window = Reconciliation(claims: windowClaims, trackedFrom: reconciliation.trackedFrom)
    daily = BriefDays(known, DailyFilter(from: from, to: to))
  }

  /// The period in words: `the period from 2020-10-01 to 2020-10-04`, `the period up to 2020-10-04`.
  var periodName: String {
    switch (from, to) {
    case (let from?, let to?): "the period from \(from) to \(to)"
    case (let from?, nil): "the period from \(from)"
    case (nil, let to?): "the period up to \(to)"
    case (nil, nil): "the whole ledger"
    }
  }
}

/// The first and last day of the daily tallies, and each series' last daily row.
struct BriefDays {
  /// The date of the first daily row, `nil` when there is none.
  private(set) var first: String?
  /// The date of the last daily row.
  private(set) var last: String?
  /// The last daily row of each series (party, category, subject, claimant).
  private(set) var lastRows: [SeriesKey: DailyRow] = [:]

  init(_ reconciliation: Reconciliation, _ filter: DailyFilter) {
    reconciliation.forEachDailyRow(filter) { row in
      if first == nil { first = row.date }
      last = row.date
      lastRows[
        SeriesKey(party: row.party, category: row.category, subject: row.subject, claimant: row.claimant, location: nil)
      ] = row
    }
  }
}

/// A date as a sortable integer `yyyymmdd`.
enum BriefDay {
  /// The first day a date covers: `2020-10` gives 20201001.
  static func first(_ date: PartialDate) -> Int {
    date.year * 10000 + (date.month ?? 1) * 100 + (date.day ?? 1)
  }

  /// The last day a date covers: `2020-02` gives 20200229, `2020` gives 20201231.
  static func last(_ date: PartialDate) -> Int {
    if let day = date.day, let month = date.month { return date.year * 10000 + month * 100 + day }
    let month = date.month ?? 12
    let next =
      month == 12
      ? PartialDate(year: date.year + 1, month: 1, day: 1) : PartialDate(year: date.year, month: month + 1, day: 1)
    guard let end = next?.adding(days: -1), let day = end.day else { return date.year * 10000 + month * 100 + 31 }
    return date.year * 10000 + month * 100 + day
  }
}

/// Lines of text, wrapped at a width, appended to one text as they come.
struct BriefPage {
  let width: Int
  /// The lines so far, each ended by `\n`.
  private(set) var text = ""
  /// Whether the last line is empty (or there is no line yet).
  private var endsWithBlankOrNothing = true

  init(width: Int) {
    self.width = width
  }

  private mutating func append(_ line: String) {
    text += line
    text += "\n"
    endsWithBlankOrNothing = line.isEmpty
  }

  /// A heading with a line of `underline` characters of its length below it.
  mutating func heading(_ heading: String, underline: Character) {
    append(heading)
    append(String(repeating: underline, count: heading.count))
  }

  /// An empty line, unless the page is empty or already ends with one.
  mutating func blank() {
    if !endsWithBlankOrNothing { append("") }
  }

  /// A paragraph, wrapped.
  mutating func paragraph(_ paragraph: String) {
    for line in wrap(paragraph, first: "", rest: "") { append(line) }
  }

  /// A list item `- text`, wrapped with its continuation lines indented by two spaces.
  mutating func bullet(_ item: String) {
    for line in wrap(item, first: "- ", rest: "  ") { append(line) }
  }

  /// Greedy word wrap at spaces: no line longer than ``width`` unless one word is.
  func wrap(_ text: String, first: String, rest: String) -> [String] {
    var out: [String] = []
    var line = first
    var length = first.count
    var empty = true
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let count = word.count
      if !empty, length + 1 + count > width {
        out.append(line)
        line = rest
        length = rest.count
        empty = true
      }
      if !empty {
        line += " "
        length += 1
      }
      line += word
      length += count
      empty = false
    }
    out.append(line)
    return out
  }
}
