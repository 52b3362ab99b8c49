public import TallyExtractor

/// One claimant's latest figure in a comparison group, with the group's low, best and high.
///
/// A group is (party, category, subject, location) for current figures, and additionally the
/// as-of date for historical ones. For example, the Ganja population group has one row for
/// `Azerbaijan Defense Ministry` (more than 330,000) and one for `Hikmet Hajiyev` (more than
/// 500,000), both with `groupLow` 330,001, `best` 330,001, `groupHigh` 500,001 and `spread` `1.52`.
public struct CompareRow: Sendable, Hashable {
  /// The side the figures are about; `nil` when unknown.
  public var party: String?
  /// What the figures count.
  public var category: Category
  /// `military`, `civilian`, `unspecified`, the equipment or place noun, or empty.
  public var subject: String
  /// The place, for population figures.
  public var location: String?
  /// Who gives the figure; `nil` when the outlets state it themselves.
  public var claimant: String?
  /// The figure as reported.
  public var value: Int64
  /// The smallest amount its wording allows, if any.
  public var low: Int64?
  /// The largest amount its wording allows, if any.
  public var high: Int64?
  /// How the figure is hedged.
  public var qualifier: Qualifier
  /// The date or period the figure refers to, if known.
  public var asOf: String?
  /// What the figure counts for in the median: its value, its lower bound for `more_than`,
  /// `at_least` and `vague`, its upper bound for `up_to`, the middle of a range (rounded down).
  public var countsAs: Int64
  /// The number of distinct documents that carry the figure.
  public var sources: Int
  /// The outlets of those documents.
  public var outlets: [String]
  /// The file names of those documents.
  public var documents: [String]
  /// The smallest figure of the group (a range gives its low end).
  public var groupLow: Int64
  /// The party's own figure if there is one, else the lower median of the group's figures.
  public var best: Int64
  /// The largest figure of the group (a range gives its high end).
  public var groupHigh: Int64
  /// `groupHigh / groupLow` with two decimals (`1.52`); `nil` when `groupLow` is 0.
  public var spread: String?
  /// Where `best` comes from.
  public var basis: BestBasis
  /// Whether the figures of the group are historical.
  public var historical: Bool
  /// The id of the ledger claim that gives the figure.
  public var claimID: Int64

  /// Creates a row.
  public init(
    party: String?, category: Category, subject: String, location: String?, claimant: String?, value: Int64,
    low: Int64?, high: Int64?, qualifier: Qualifier, asOf: String?, countsAs: Int64, sources: Int,
    outlets: [String], documents: [String], groupLow: Int64, best: Int64, groupHigh: Int64, spread: String?,
    basis: BestBasis, historical: Bool, claimID: Int64
  ) {
    self.party = party
    self.category = category
    self.subject = subject
    self.location = location
    self.claimant = claimant
    self.value = value
    self.low = low
    self.high = high
    self.qualifier = qualifier
    self.asOf = asOf
    self.countsAs = countsAs
    self.sources = sources
    self.outlets = outlets
    self.documents = documents
    self.groupLow = groupLow
    self.best = best
    self.groupHigh = groupHigh
    self.spread = spread
    self.basis = basis
    self.historical = historical
    self.claimID = claimID
  }
}

/// Where a comparison group's best estimate comes from.
public enum BestBasis: String, Sendable, Hashable, Codable, CaseIterable {
  /// The figure the party itself gives for its own losses.
  case own
  /// The lower median of the claimants' figures.
  case median
}
