/// One reported figure, with everything needed to check it against its source.
///
/// A claim is the unit tally works with: a number someone asserts, what it counts,
/// whom it is about, who asserts it, where it was published and the exact words
/// that carry it. For example, the sentence
/// `Armenia has reported 209 military deaths` yields:
///
/// ```swift
/// Claim(document: "report.txt", claimant: "Armenia", party: "Armenia",
///       category: .killed, subject: "military", value: 209, low: 209, high: 209,
///       qualifier: .exact, quote: "209 military deaths", start: 120, end: 139)
/// ```
public struct Claim: Sendable, Hashable, Codable {
  /// The file name of the document, without folders (`stdin` for standard input).
  public var document: String
  /// The outlet that published the document, if known.
  public var source: String?
  /// The publication date of the document, `YYYY-MM-DD`, if known.
  public var published: String?
  /// Who asserts the figure (`Azerbaijan Defense Ministry`); `nil` when the outlet states it itself.
  public var claimant: String?
  /// The side the figure is about (`Armenia`), normalised through the gazetteer.
  public var party: String?
  /// What the figure counts.
  public var category: Category
  /// `military`, `civilian` or `unspecified` for people; the equipment noun for `destroyed`;
  /// the place noun for `seized`; empty for `population`.
  public var subject: String
  /// The figure itself: the number as reported (the lower end for ranges and vague plurals).
  public var value: Int64
  /// The smallest amount the wording allows, if it has one.
  public var low: Int64?
  /// The largest amount the wording allows, if it has one.
  public var high: Int64?
  /// How the figure is hedged.
  public var qualifier: Qualifier
  /// The date or period the figure refers to: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
  public var asOf: String?
  /// The place a population figure belongs to (`Ganja`).
  public var location: String?
  /// The exact words of the document that carry the figure.
  public var quote: String
  /// The UTF-8 byte offset of the quote's first byte in the document.
  public var start: Int
  /// The UTF-8 byte offset just past the quote's last byte in the document.
  public var end: Int

  /// Creates a claim.
  public init(
    document: String, source: String? = nil, published: String? = nil,
    claimant: String? = nil, party: String? = nil, category: Category, subject: String,
    value: Int64, low: Int64? = nil, high: Int64? = nil, qualifier: Qualifier,
    asOf: String? = nil, location: String? = nil, quote: String, start: Int, end: Int
  ) {
    self.document = document
    self.source = source
    self.published = published
    self.claimant = claimant
    self.party = party
    self.category = category
    self.subject = subject
    self.value = value
    self.low = low
    self.high = high
    self.qualifier = qualifier
    self.asOf = asOf
    self.location = location
    self.quote = quote
    self.start = start
    self.end = end
  }

  enum CodingKeys: String, CodingKey {
    case document, source, published, claimant, party, category, subject, value, low, high
    case qualifier
    case asOf = "as_of"
    case location, quote, start, end
  }
}

/// What a figure counts. The list is closed: every claim has exactly one category.
public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
  /// People killed: killed, dead, deaths, died, fatalities, lives, death toll.
  case killed
  /// People wounded: wounded, injured, hurt.
  case wounded
  /// Killed and wounded together, not separated (`casualties`, `killed or wounded`).
  case casualties
  /// People missing.
  case missing
  /// People captured: captured, taken prisoner, prisoners of war.
  case captured
  /// People displaced: displaced, fled, refugees, evacuated, homeless.
  case displaced
  /// The population of a place.
  case population
  /// Equipment destroyed, shot down, downed or eliminated.
  case destroyed
  /// Villages, towns, settlements, heights or positions taken.
  case seized
}

/// How a figure is hedged, and so which interval it stands for.
///
/// | qualifier | wording | low | high |
/// | --- | --- | --- | --- |
/// | `exact` | `209` | value | value |
/// | `more_than` | `more than`, `over`, `upwards of` | value + 1 | |
/// | `at_least` | `at least` | value | |
/// | `up_to` | `up to`, `as many as`, `at most` | | value |
/// | `about` | `about`, `around`, `nearly`, `some` | | |
/// | `range` | `between 10 and 15`, `10-15` | first | second |
/// | `vague` | `dozens`, `hundreds` | smallest plausible | |
public enum Qualifier: String, Sendable, Hashable, Codable, CaseIterable {
  case exact
  case moreThan = "more_than"
  case atLeast = "at_least"
  case upTo = "up_to"
  case about
  case range
  case vague
}
