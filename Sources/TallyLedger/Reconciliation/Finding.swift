public import TallyExtractor

/// Something in the ledger a reader should know before trusting a figure.
///
/// For example, the two populations given for Ganja make this finding:
///
/// ```swift
/// Finding(kind: .conflict, party: "Azerbaijan", category: .population, subject: nil, location: "Ganja",
///         claimant: "Azerbaijan Defense Ministry; Hikmet Hajiyev",
///         figures: "more than 330,000 (Press TV, 2020-10-04) vs more than 500,000 (Windowofworld.com, 2020-10-05)",
///         documents: ["presstv.txt", "windowofworld.txt"],
///         message: "Sources disagree on the population of Ganja: more than 330,000 (Press TV, 2020-10-04) "
///           + "vs more than 500,000 (Windowofworld.com, 2020-10-05).",
///         claimIDs: [3, 7])
/// ```
public struct Finding: Sendable, Hashable {
  /// What was found.
  public var kind: FindingKind
  /// The side the figures are about; `nil` when unknown.
  public var party: String?
  /// What the figures count (`casualties` for a merged category).
  public var category: Category
  /// The subject of the series; `nil` when the finding spans several subjects.
  public var subject: String?
  /// The place, for population figures.
  public var location: String?
  /// The claimant of the series, or the claimants involved separated by `; `; `nil` when none is named.
  public var claimant: String?
  /// The figures involved, in words with their outlet and date:
  /// `more than 330,000 (Press TV, 2020-10-04) vs more than 500,000 (Windowofworld.com, 2020-10-05)`.
  public var figures: String
  /// The file names of the documents that carry those figures.
  public var documents: [String]
  /// One plain sentence saying what was found, ready to quote.
  public var message: String
  /// The ids of the ledger claims involved.
  public var claimIDs: [Int64]

  /// Creates a finding.
  public init(
    kind: FindingKind, party: String?, category: Category, subject: String?, location: String?,
    claimant: String?, figures: String, documents: [String], message: String, claimIDs: [Int64]
  ) {
    self.kind = kind
    self.party = party
    self.category = category
    self.subject = subject
    self.location = location
    self.claimant = claimant
    self.figures = figures
    self.documents = documents
    self.message = message
    self.claimIDs = claimIDs
  }
}

/// The kinds of finding, in the order ``Reconciliation/findings()`` lists them.
public enum FindingKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A later figure of a cumulative series is lower than the one before it.
  case regression
  /// Claimants give population figures for one place that differ by more than 10%.
  case conflict
  /// A party has `casualties` figures beside separate `killed` or `wounded` figures.
  case mergedCategory = "merged-category"
  /// A figure refers to an earlier period; it is kept but not in the daily tally.
  case historical
  /// A figure with no claimant.
  case unattributed
  /// A figure none of whose documents has a publication date.
  case undated
}
