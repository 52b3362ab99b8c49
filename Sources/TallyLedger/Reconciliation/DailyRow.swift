public import TallyExtractor

/// One day of one series in the daily tally.
///
/// For example, after `Armenia Defense Ministry` reported 16 military deaths as of 2020-09-27 and
/// 84 as of 2020-09-29, the series has three rows: 27 (`reported`, 16, no change), 28 (`carried`,
/// 16, change 0) and 29 (`reported`, 84, change 68).
public struct DailyRow: Sendable, Hashable {
  /// The day, `YYYY-MM-DD`.
  public var date: String
  /// The side the figure is about; `nil` when unknown.
  public var party: String?
  /// What the figure counts (a cumulative category).
  public var category: Category
  /// `military`, `civilian`, `unspecified` or the equipment noun.
  public var subject: String
  /// Who gives the figure; `nil` when the outlets state it themselves.
  public var claimant: String?
  /// The figure in effect that day.
  public var value: Int64
  /// The smallest amount its wording allows, if any.
  public var low: Int64?
  /// The largest amount its wording allows, if any.
  public var high: Int64?
  /// The increase since the previous day's row of the series; `nil` on the series' first day.
  public var change: Int64?
  /// Whether the figure was reported that day or carried forward.
  public var status: DailyStatus
  /// The number of distinct documents that carry the figure.
  public var sources: Int
  /// The id of the ledger claim that gives the figure.
  public var claimID: Int64

  /// Creates a row.
  public init(
    date: String, party: String?, category: Category, subject: String, claimant: String?, value: Int64,
    low: Int64?, high: Int64?, change: Int64?, status: DailyStatus, sources: Int, claimID: Int64
  ) {
    self.date = date
    self.party = party
    self.category = category
    self.subject = subject
    self.claimant = claimant
    self.value = value
    self.low = low
    self.high = high
    self.change = change
    self.status = status
    self.sources = sources
    self.claimID = claimID
  }
}

/// Whether a daily row's figure is new that day.
public enum DailyStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// The series has a figure with that as-of date.
  case reported
  /// The last known figure of the series, carried forward.
  case carried
}

/// Which rows ``Reconciliation/daily(_:)`` returns.
///
/// For example, `DailyFilter(from: PartialDate(iso: "2020-10-01"), party: "Armenia")`.
/// A month or a year stands for its first day in `from` and its last day in `to`.
public struct DailyFilter: Sendable, Hashable {
  /// The first day to show; earlier figures are still carried into it.
  public var from: PartialDate?
  /// The last day to show.
  public var to: PartialDate?
  /// Only this party (compared without regard to ASCII case).
  public var party: String?
  /// Only this category.
  public var category: Category?

  /// Creates a filter; every criterion is optional.
  public init(from: PartialDate? = nil, to: PartialDate? = nil, party: String? = nil, category: Category? = nil) {
    self.from = from
    self.to = to
    self.party = party
    self.category = category
  }
}
