public import TallyExtractor

/// A claim as the ledger keeps it: one figure, counted once however many documents carry it.
///
/// The same figure from the same claimant about the same party, category, subject, location and
/// as-of date, with the same qualifier, is one claim; each document that carries it is a
/// ``Sighting``. The sighting count is corroboration, never added up.
public struct LedgerClaim: Sendable, Hashable, Codable {
  /// The claim's row id in the ledger.
  public var id: Int64
  public var claimant: String?
  public var party: String?
  public var category: Category
  public var subject: String
  public var value: Int64
  public var low: Int64?
  public var high: Int64?
  public var qualifier: Qualifier
  /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or nil when unknown.
  public var asOf: String?
  public var location: String?
  /// The documents that carry the figure, oldest publication first; never empty.
  public var sightings: [Sighting]

  /// Creates a ledger claim.
  public init(
    id: Int64, claimant: String?, party: String?, category: Category, subject: String, value: Int64,
    low: Int64?, high: Int64?, qualifier: Qualifier, asOf: String?, location: String?, sightings: [Sighting]
  ) {
    self.id = id
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
    self.sightings = sightings
  }
}

/// One document carrying a claim, with the words it uses.
public struct Sighting: Sendable, Hashable, Codable {
  /// The document's row id in the ledger.
  public var documentID: Int64
  /// The document's file name.
  public var document: String
  /// The outlet, if known.
  public var source: String?
  /// The publication date, `YYYY-MM-DD`, if known.
  public var published: String?
  /// The exact words of the document that carry the figure.
  public var quote: String
  /// UTF-8 byte offsets of the quote in the document.
  public var start: Int
  public var end: Int

  /// Creates a sighting.
  public init(documentID: Int64, document: String, source: String?, published: String?, quote: String, start: Int, end: Int) {
    self.documentID = documentID
    self.document = document
    self.source = source
    self.published = published
    self.quote = quote
    self.start = start
    self.end = end
  }
}
