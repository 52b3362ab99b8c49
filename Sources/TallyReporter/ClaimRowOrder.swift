import TallyExtractor
import TallyLedger

/// The order of `claims.csv` (``ClaimRow/ordered(_:_:)``) computed on integers: each text column
/// with few distinct values (as-of dates, parties, subjects, claimants, locations, documents) is
/// replaced by the rank of its value among the distinct values, so that sorting a million rows
/// compares integers rather than strings.
///
/// Ranks come from sorting the distinct values with `<`, and values equal by `==` share a rank,
/// so comparing ranks gives what comparing the strings gives. Rows equal in every ranked column
/// and offset are compared by ``ClaimRow/ordered(_:_:)`` itself, then by claim and sighting
/// position, as the stable sort of the rows in that order did.
struct ClaimRowOrder {
  /// One row's sort key; `Int32.max` (or `Int64.max` with `flags`) stands for unknown, which
  /// sorts last.
  struct Key {
    var asOf: Int32
    var party: Int32
    var category: Int32
    var subject: Int32
    var claimant: Int32
    var qualifier: Int32
    var location: Int32
    var document: Int32
    var value: Int64
    var low: Int64
    var high: Int64
    var start: Int
    var end: Int
    /// Bit 0: no low; bit 1: no high.
    var flags: Int32
    /// The claim's index.
    var claim: Int32
    /// The sighting's index in the claim.
    var sighting: Int32
  }

  /// Assigns ranks to the distinct strings of one column.
  struct Ranks {
    private var ids: [String: Int32] = [:]
    private var values: [String] = []
    private(set) var ids32: [Int32] = []

    /// Records `value` for the next row.
    mutating func add(_ value: String?) {
      guard let value else {
        ids32.append(-1)
        return
      }
      if let id = ids[value] {
        ids32.append(id)
      } else {
        let id = Int32(values.count)
        ids[value] = id
        values.append(value)
        ids32.append(id)
      }
    }

    /// The rank of each recorded row's value, `Int32.max` for nil.
    func ranks() -> [Int32] {
      let order = values.indices.sorted { values[$0] < values[$1] }
      var rankOf = [Int32](repeating: 0, count: values.count)
      for (rank, id) in order.enumerated() { rankOf[id] = Int32(rank) }
      return ids32.map { $0 < 0 ? Int32.max : rankOf[Int($0)] }
    }
  }

  /// The (claim, sighting) index pairs of every sighting of `claims`, in `claims.csv` order.
  ///
  /// - Parameter row: Builds the row of a pair, for the rare rows that tie on every ranked column.
  static func sorted(_ claims: [LedgerClaim], row: (Int, Int) -> ClaimRow) -> [(claim: Int, sighting: Int)] {
    var asOf = Ranks()
    var party = Ranks()
    var subject = Ranks()
    var claimant = Ranks()
    var location = Ranks()
    var document = Ranks()
    var total = 0
    for claim in claims {
      asOf.add(claim.asOf)
      party.add(claim.party)
      subject.add(claim.subject)
      claimant.add(claim.claimant)
      location.add(claim.location)
      for sighting in claim.sightings { document.add(sighting.document) }
      total += claim.sightings.count
    }
    let asOfRanks = asOf.ranks()
    let partyRanks = party.ranks()
    let subjectRanks = subject.ranks()
    let claimantRanks = claimant.ranks()
    let locationRanks = location.ranks()
    let documentRanks = document.ranks()
    let categoryRank = Dictionary(uniqueKeysWithValues: Category.allCases.enumerated().map { ($1, Int32($0)) })
    let qualifierRank = Dictionary(uniqueKeysWithValues: Qualifier.allCases.enumerated().map { ($1, Int32($0)) })
    var keys: [Key] = []
    keys.reserveCapacity(total)
    var next = 0
    for (c, claim) in claims.enumerated() {
      let category = categoryRank[claim.category] ?? 0
      let qualifier = qualifierRank[claim.qualifier] ?? 0
      let flags: Int32 = (claim.low == nil ? 1 : 0) | (claim.high == nil ? 2 : 0)
      for (s, sighting) in claim.sightings.enumerated() {
        keys.append(
          Key(
            asOf: asOfRanks[c], party: partyRanks[c], category: category, subject: subjectRanks[c],
            claimant: claimantRanks[c], qualifier: qualifier, location: locationRanks[c], document: documentRanks[next],
            value: claim.value, low: claim.low ?? 0, high: claim.high ?? 0, start: sighting.start, end: sighting.end,
            flags: flags, claim: Int32(c), sighting: Int32(s)))
        next += 1
      }
    }
    keys.sort { a, b in
      if let order = precedes(a, b) { return order }
      let x = row(Int(a.claim), Int(a.sighting)).claim
      let y = row(Int(b.claim), Int(b.sighting)).claim
      if ClaimRow.ordered(x, y) { return true }
      if ClaimRow.ordered(y, x) { return false }
      return (a.claim, a.sighting) < (b.claim, b.sighting)
    }
    return keys.map { (Int($0.claim), Int($0.sighting)) }
  }

  /// Whether `a` comes before `b` by the ranked columns, in the order of ``ClaimRow/ordered(_:_:)``;
  /// nil when they tie on all of them.
  static func precedes(_ a: Key, _ b: Key) -> Bool? {
    if a.asOf != b.asOf { return a.asOf < b.asOf }
    if a.party != b.party { return a.party < b.party }
    if a.category != b.category { return a.category < b.category }
    if a.subject != b.subject { return a.subject < b.subject }
    if a.claimant != b.claimant { return a.claimant < b.claimant }
    if a.value != b.value { return a.value < b.value }
    let (aLow, bLow) = (a.flags & 1, b.flags & 1)
    if aLow != bLow { return aLow < bLow }
    if a.low != b.low { return a.low < b.low }
    let (aHigh, bHigh) = (a.flags & 2, b.flags & 2)
    if aHigh != bHigh { return aHigh < bHigh }
    if a.high != b.high { return a.high < b.high }
    if a.qualifier != b.qualifier { return a.qualifier < b.qualifier }
    if a.location != b.location { return a.location < b.location }
    if a.document != b.document { return a.document < b.document }
    if a.start != b.start { return a.start < b.start }
    if a.end != b.end { return a.end < b.end }
    return nil
  }
}
