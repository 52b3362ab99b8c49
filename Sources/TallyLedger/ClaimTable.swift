public import TallyExtractor

/// The claims of a ledger in columns: one array per field, strings replaced by ids into one table
/// of distinct strings, sightings in one run of arrays with each claim's sightings contiguous.
///
/// It holds what ``LedgerClaim`` arrays hold at a fraction of the memory (no string, array or
/// object per claim or per sighting), and ``Reconciliation`` works on it directly. Load it with
/// ``Ledger/claimTable(party:category:details:)``, or build it from claims with
/// ``init(_:)``. For example:
///
/// ```swift
/// let table = try ledger.claimTable()
/// let rows = Reconciliation(table: table).compare()
/// ```
///
/// Claim `i`'s string fields are ids into the string table (-1 for nil); its sightings are
/// positions `sightingBounds[i] ..< sightingBounds[i + 1]` of the sighting columns; a sighting's
/// document is an index into the document columns.
public struct ClaimTable: Sendable {
  /// Distinct strings; every string id indexes it.
  public internal(set) var strings: [String] = []

  // Claims, parallel arrays.
  /// The claims' ledger ids.
  public internal(set) var ids: [Int64] = []
  /// String ids of the claimants (-1 for none).
  public internal(set) var claimants: [Int32] = []
  /// String ids of the parties (-1 for none).
  public internal(set) var parties: [Int32] = []
  /// The categories.
  public internal(set) var categories: [Category] = []
  /// String ids of the subjects (never -1).
  public internal(set) var subjects: [Int32] = []
  /// The figures.
  public internal(set) var values: [Int64] = []
  /// Bit 0: the claim has a low bound; bit 1: it has a high bound (see ``low(_:)`` and ``high(_:)``).
  public internal(set) var bounds: [UInt8] = []
  /// The bounds of the few claims that have any (ranges, `between 10 and 20`), by claim index:
  /// two columns for every claim would take 16 bytes a claim, 16 MB at 10^6 claims.
  var ranges: [Int32: (low: Int64, high: Int64)] = [:]
  /// The qualifiers.
  public internal(set) var qualifiers: [Qualifier] = []
  /// String ids of the as-of dates (-1 for none).
  public internal(set) var asOfs: [Int32] = []
  /// String ids of the locations (-1 for none).
  public internal(set) var locations: [Int32] = []
  /// `count + 1` entries: claim `i`'s sightings are `sightingBounds[i] ..< sightingBounds[i + 1]`.
  public internal(set) var sightingBounds: [Int32] = [0]

  // Sightings, parallel arrays.
  /// The document of each sighting, an index into the document columns.
  public internal(set) var sightingDocuments: [Int32] = []
  /// The UTF-8 offset where each sighting's quote starts.
  public internal(set) var sightingStarts = OffsetColumn()
  /// The UTF-8 offset where each sighting's quote ends; empty unless ``hasDetails``.
  public internal(set) var sightingEnds = OffsetColumn()
  /// Each sighting's quote; empty unless ``hasDetails``.
  public internal(set) var quotes = QuoteColumn()

  // Documents, parallel arrays.
  /// The documents' ledger ids.
  public internal(set) var documentIDs: [Int64] = []
  /// String ids of the documents' file names.
  public internal(set) var documentNames: [Int32] = []
  /// String ids of the documents' outlets (-1 for none).
  public internal(set) var documentSources: [Int32] = []
  /// String ids of the documents' publication dates (-1 for none).
  public internal(set) var documentPublished: [Int32] = []

  /// An empty table.
  public init() {}

  /// The number of claims.
  public var count: Int { ids.count }

  /// Whether the table has no claims.
  public var isEmpty: Bool { ids.isEmpty }

  /// Whether the sightings carry their quotes and end offsets; a table loaded for the reports that
  /// do not show them (daily, compare, findings) leaves them out.
  public var hasDetails: Bool { quotes.count == sightingDocuments.count }

  /// The string of an id, nil for -1.
  public func string(_ id: Int32) -> String? {
    id < 0 ? nil : strings[Int(id)]
  }

  /// The positions of claim `index`'s sightings in the sighting columns.
  public func sightings(of index: Int) -> Range<Int> {
    Int(sightingBounds[index])..<Int(sightingBounds[index + 1])
  }

  /// The claim's low bound, if any.
  public func low(_ index: Int) -> Int64? {
    bounds[index] & 1 != 0 ? ranges[Int32(index)]?.low : nil
  }

  /// The claim's high bound, if any.
  public func high(_ index: Int) -> Int64? {
    bounds[index] & 2 != 0 ? ranges[Int32(index)]?.high : nil
  }

  /// The claim's figure in words (``FigureText/words(value:low:high:qualifier:)``).
  func figureInWords(_ index: Int) -> String {
    FigureText.words(value: values[index], low: low(index), high: high(index), qualifier: qualifiers[index])
  }

  /// The ledger id of the document of the sighting at `position`.
  public func documentID(ofSighting position: Int) -> Int64 {
    documentIDs[Int(sightingDocuments[position])]
  }

  /// The file name of the document of the sighting at `position`.
  public func documentName(ofSighting position: Int) -> String {
    strings[Int(documentNames[Int(sightingDocuments[position])])]
  }

  /// The publication date of the document of the sighting at `position`, if known.
  public func published(ofSighting position: Int) -> String? {
    string(documentPublished[Int(sightingDocuments[position])])
  }

  /// The outlet of the document of the sighting at `position`, if known.
  public func source(ofSighting position: Int) -> String? {
    string(documentSources[Int(sightingDocuments[position])])
  }

  /// The sighting positions of claim `index` with distinct documents (by ledger id), the first of
  /// each document, in order.
  func distinctSightings(of index: Int) -> [Int] {
    let range = sightings(of: index)
    var out: [Int] = []
    out.reserveCapacity(range.count)
    if range.count > 16 {
      var seen = Set<Int64>()
      for position in range where seen.insert(documentID(ofSighting: position)).inserted { out.append(position) }
      return out
    }
    for position in range {
      let document = documentID(ofSighting: position)
      if !out.contains(where: { documentID(ofSighting: $0) == document }) { out.append(position) }
    }
    return out
  }

  /// The number of distinct documents (by ledger id) that carry claim `index`.
  public func documentCount(_ index: Int) -> Int {
    let range = sightings(of: index)
    if range.count <= 1 { return range.count }
    if range.count > 16 { return Set(range.map { documentID(ofSighting: $0) }).count }
    var count = 0
    for position in range {
      let document = documentID(ofSighting: position)
      if !(range.lowerBound..<position).contains(where: { documentID(ofSighting: $0) == document }) { count += 1 }
    }
    return count
  }

  /// The file names of the distinct documents that carry claim `index`, in sighting order.
  func documentNames(of index: Int) -> [String] {
    let range = sightings(of: index)
    if range.count == 1 { return [documentName(ofSighting: range.lowerBound)] }
    return distinctSightings(of: index).map { documentName(ofSighting: $0) }
  }

  /// The distinct outlets of the documents that carry claim `index`, in sighting order.
  func outlets(of index: Int) -> [String] {
    var out: [String] = []
    for position in sightings(of: index) {
      guard let source = source(ofSighting: position), !source.isEmpty,
        !out.contains(source)
      else { continue }
      out.append(source)
    }
    return out
  }
}
