public import TallyExtractor

/// The identity of a series: the figures one claimant gives for one thing over time.
///
/// A series is (party, category, subject, claimant), plus the location for population figures.
/// Within a series of a cumulative category a later figure supersedes the earlier one. For example,
/// every `killed` `military` figure that `Armenia Defense Ministry` gives about `Armenia` is one series:
///
/// ```swift
/// SeriesKey(party: "Armenia", category: .killed, subject: "military",
///           claimant: "Armenia Defense Ministry", location: nil)
/// ```
public struct SeriesKey: Sendable, Hashable {
  /// The side the figures are about; `nil` when unknown.
  public var party: String?
  /// What the figures count.
  public var category: Category
  /// `military`, `civilian`, `unspecified`, the equipment noun, the place noun, or empty.
  public var subject: String
  /// Who gives the figures; `nil` when the outlets state them themselves.
  public var claimant: String?
  /// The place, for population figures only; `nil` for every other category.
  public var location: String?

  /// Creates a series key. The location is dropped unless the category is `population`.
  public init(party: String?, category: Category, subject: String, claimant: String?, location: String?) {
    self.party = party.flatMap { $0.isEmpty ? nil : $0 }
    self.category = category
    self.subject = subject
    self.claimant = claimant.flatMap { $0.isEmpty ? nil : $0 }
    self.location = category == .population ? location.flatMap { $0.isEmpty ? nil : $0 } : nil
  }

  /// The series a claim belongs to.
  public init(_ claim: LedgerClaim) {
    self.init(
      party: claim.party, category: claim.category, subject: claim.subject, claimant: claim.claimant,
      location: claim.location)
  }
}

extension Category {
  /// Whether figures of this category are running totals, so that a later figure supersedes an
  /// earlier one: `killed`, `wounded`, `casualties`, `missing`, `captured`, `displaced`, `destroyed`.
  public var isCumulative: Bool {
    switch self {
    case .killed, .wounded, .casualties, .missing, .captured, .displaced, .destroyed: true
    case .population, .seized: false
    }
  }

  /// Whether the party's own figure, when there is one, is the best estimate of a group
  /// (every category but `population` and `seized`).
  var admitsOwnFigure: Bool {
    self != .population && self != .seized
  }

  /// The position of the category in ``Category/allCases``, for sorting.
  var rank: Int32 {
    switch self {
    case .killed: 0
    case .wounded: 1
    case .casualties: 2
    case .missing: 3
    case .captured: 4
    case .displaced: 5
    case .population: 6
    case .destroyed: 7
    case .seized: 8
    }
  }
}

/// A series key with its strings replaced by interned ids (-1 for none), cheap to hash.
struct InternedSeriesKey: Hashable {
  var party: Int32
  var category: Category
  var subject: Int32
  var location: Int32
  var claimant: Int32
}

/// One series of the reconciliation, with its claims.
struct SeriesEntry {
  /// The interned key.
  var key: InternedSeriesKey
  /// The positions in ``Reconciliation/order`` of the series' claims, oldest first.
  var claims: Range<Int>
}

/// What the reconciliation works out once per claim.
struct ClaimFacts {
  /// The ordinal of the as-of date (``AsOfDate/ordinal``), -1 when the claim has no valid one.
  var asOfOrdinal: Int32
  /// The as-of day, in days since 1970-01-01, `Int32.min` unless the as-of date is a valid full date.
  var asOfDay: Int32
  /// The earliest publication date of the claim's sightings, in days since 1970-01-01, or
  /// `Int32.min` when none of its sightings has one.
  var published: Int32
  /// The index in `sightings` of the earliest published sighting (0 when none is dated).
  var earliestSighting: Int32
  /// Whether the figure is historical.
  var historical: Bool
  /// The claim's series (an index into ``Reconciliation/series``).
  var series: Int32

  /// Whether some sighting has a publication date.
  var isDated: Bool { published != Int32.min }

  /// Whether the claim has a valid as-of date.
  var hasAsOf: Bool { asOfOrdinal >= 0 }

  /// Whether the as-of date is a valid full day.
  var hasAsOfDay: Bool { asOfDay != Int32.min }
}

/// Maps strings to small integer ids.
///
/// A small direct-mapped cache keyed by a string's two machine words sits in front of the
/// dictionary: the claims of a ledger share the storage of their repeated strings (the loader
/// interns them) and short strings are stored inline, so most look-ups are answered by comparing
/// two words instead of hashing the text. Equal words always mean equal strings; the cache keeps
/// the strings it holds alive, so their storage cannot be reused by another string meanwhile.
struct StringInterner {
  private(set) var strings: [String] = []
  private var ids: [String: Int32] = [:]
  private var cached: [String]
  private var cachedIDs: [Int32]

  init(capacity: Int) {
    ids.reserveCapacity(capacity)
    cached = Array(repeating: "", count: Self.cacheSize)
    cachedIDs = Array(repeating: -1, count: Self.cacheSize)
  }

  /// The number of cache slots, a power of two.
  private static let cacheSize = 4096

  /// The two machine words of a string.
  private static func words(_ text: String) -> (UInt64, UInt64) {
    unsafeBitCast(text, to: (UInt64, UInt64).self)
  }

  /// The id of `text`, or -1 for `nil` and the empty string.
  mutating func id(_ text: String?) -> Int32 {
    guard let text, !text.isEmpty else { return -1 }
    let words = Self.words(text)
    let mixed = (words.0 &* 0x9E37_79B9_7F4A_7C15) ^ (words.1 &* 0xC2B2_AE3D_27D4_EB4F)
    let slot = Int(truncatingIfNeeded: mixed >> 52) & (Self.cacheSize - 1)
    if cachedIDs[slot] >= 0 && Self.words(cached[slot]) == words { return cachedIDs[slot] }
    let id: Int32
    if let known = ids[text] {
      id = known
    } else {
      id = Int32(strings.count)
      strings.append(text)
      ids[text] = id
    }
    cached[slot] = text
    cachedIDs[slot] = id
    return id
  }

  /// The sort position of every id (ids in order of their strings).
  func ranks() -> [Int32] {
    let sorted = strings.indices.sorted { strings[$0] < strings[$1] }
    var ranks = [Int32](repeating: 0, count: strings.count)
    for (rank, id) in sorted.enumerated() { ranks[id] = Int32(rank) }
    return ranks
  }
}
