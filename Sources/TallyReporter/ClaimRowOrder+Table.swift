import TallyExtractor
import TallyLedger

extension ClaimRowOrder {
  /// Hands over the sightings of every claim of `table`, in `claims.csv` order
  /// (``ClaimRow/ordered(_:_:)``, then claim and sighting position), as positions in the table's
  /// sighting columns.
  ///
  /// Claims are sorted first on their own columns, each string compared through its rank among
  /// the table's strings (`<`, equal strings sharing a rank); then the sightings of each run of
  /// claims equal in every column are sorted on document name, offsets, quote, outlet and
  /// publication date. Only the claims' and sightings' indices are sorted: no row is built.
  ///
  /// - Parameter body: Given each sighting in order: its claim's index and its position.
  static func forEachSorted<E: Error>(
    _ table: ClaimTable, _ body: (_ claim: Int, _ position: Int) throws(E) -> Void
  ) throws(E) {
    let rank = ranks(of: table.strings)
    func rankOf(_ id: Int32) -> Int32 { id < 0 ? Int32.max : rank[Int(id)] }
    // Ranks run from 0 to below the number of strings; unknown (Int32.max) comes after them all.
    func boundedRank(_ id: Int32) -> Int32 { id < 0 ? Int32(rank.count) : rank[Int(id)] }
    let categoryRank = Dictionary(uniqueKeysWithValues: Category.allCases.enumerated().map { ($1, Int32($0)) })
    let qualifierRank = Dictionary(uniqueKeysWithValues: Qualifier.allCases.enumerated().map { ($1, Int32($0)) })
    let categories = table.categories.map { UInt8(truncatingIfNeeded: categoryRank[$0] ?? 0) }
    let qualifiers = table.qualifiers.map { UInt8(truncatingIfNeeded: qualifierRank[$0] ?? 0) }

    // The claim's own columns, in the order of ClaimRow.ordered; unknown last.
    func claimPrecedes(_ a: Int, _ b: Int) -> Bool? {
      var x = rankOf(table.asOfs[a])
      var y = rankOf(table.asOfs[b])
      if x != y { return x < y }
      x = rankOf(table.parties[a])
      y = rankOf(table.parties[b])
      if x != y { return x < y }
      if categories[a] != categories[b] { return categories[a] < categories[b] }
      x = rankOf(table.subjects[a])
      y = rankOf(table.subjects[b])
      if x != y { return x < y }
      x = rankOf(table.claimants[a])
      y = rankOf(table.claimants[b])
      if x != y { return x < y }
      if table.values[a] != table.values[b] { return table.values[a] < table.values[b] }
      let (aLow, bLow) = (table.bounds[a] & 1, table.bounds[b] & 1)
      if aLow != bLow { return aLow > bLow }
      if aLow != 0, let low = table.low(a), let other = table.low(b), low != other { return low < other }
      let (aHigh, bHigh) = (table.bounds[a] & 2, table.bounds[b] & 2)
      if aHigh != bHigh { return aHigh > bHigh }
      if aHigh != 0, let high = table.high(a), let other = table.high(b), high != other { return high < other }
      if qualifiers[a] != qualifiers[b] { return qualifiers[a] < qualifiers[b] }
      x = rankOf(table.locations[a])
      y = rankOf(table.locations[b])
      if x != y { return x < y }
      return nil
    }
    // The leading columns packed into one integer per claim, so that most comparisons are one.
    let prefix = packedPrefix(
      count: table.count, bound: max(rank.count, Category.allCases.count),
      columns: [
        { boundedRank(table.asOfs[$0]) }, { boundedRank(table.parties[$0]) }, { Int32(categories[$0]) },
        { boundedRank(table.subjects[$0]) }, { boundedRank(table.claimants[$0]) },
      ])
    var claims = (0..<table.count).map { Int32($0) }
    claims.sort { a, b in
      let (x, y) = (prefix[Int(a)], prefix[Int(b)])
      if x != y { return x < y }
      return claimPrecedes(Int(a), Int(b)) ?? (a < b)
    }

    // A sighting's own columns: document name, offsets, quote, outlet, publication; then position.
    let quotes = table.hasDetails
    func sightingPrecedes(_ a: Int, _ b: Int) -> Bool {
      let (da, db) = (Int(table.sightingDocuments[a]), Int(table.sightingDocuments[b]))
      if da != db {
        let (x, y) = (rank[Int(table.documentNames[da])], rank[Int(table.documentNames[db])])
        if x != y { return x < y }
      }
      if table.sightingStarts[a] != table.sightingStarts[b] { return table.sightingStarts[a] < table.sightingStarts[b] }
      if quotes {
        if table.sightingEnds[a] != table.sightingEnds[b] { return table.sightingEnds[a] < table.sightingEnds[b] }
        if table.quotes[a] != table.quotes[b] { return table.quotes[a] < table.quotes[b] }
      }
      if da != db {
        var (x, y) = (rankOf(table.documentSources[da]), rankOf(table.documentSources[db]))
        if x != y { return x < y }
        (x, y) = (rankOf(table.documentPublished[da]), rankOf(table.documentPublished[db]))
        if x != y { return x < y }
      }
      return a < b
    }
    var run: [Int32] = []
    var runClaims: [Int32] = []
    var start = 0
    while start < claims.count {
      var end = start + 1
      while end < claims.count, claimPrecedes(Int(claims[start]), Int(claims[end])) == nil { end += 1 }
      if end == start + 1 && table.sightings(of: Int(claims[start])).count == 1 {
        // The usual case: a claim unlike any other, with one sighting.
        let claim = Int(claims[start])
        try body(claim, table.sightings(of: claim).lowerBound)
        start = end
        continue
      }
      run.removeAll(keepingCapacity: true)
      runClaims.removeAll(keepingCapacity: true)
      for claim in claims[start..<end] {
        for position in table.sightings(of: Int(claim)) {
          run.append(Int32(position))
          runClaims.append(claim)
        }
      }
      // Sorting pairs (position, claim) by position's order keeps each with its claim.
      var pairs = Array(zip(run, runClaims))
      if pairs.count > 1 { pairs.sort { sightingPrecedes(Int($0.0), Int($1.0)) } }
      for (position, claim) in pairs { try body(Int(claim), Int(position)) }
      start = end
    }
  }

  /// For each of `count` rows, its values in `columns` (each from 0 to `bound`, smaller first)
  /// as one integer that orders as the columns do, one after the other: each column's values are
  /// renumbered densely and given as many bits as they need, for as many leading columns as fit
  /// in 64 bits (rows equal in them are told apart by the full comparison).
  static func packedPrefix(count: Int, bound: Int, columns: [(Int) -> Int32]) -> [UInt64] {
    var keys = [UInt64](repeating: 0, count: count)
    var used = 0
    var dense = [Int32](repeating: 0, count: bound + 1)
    for column in columns {
      // Mark the values present, then number them in order.
      for value in dense.indices { dense[value] = 0 }
      for row in 0..<count { dense[Int(column(row))] = 1 }
      var distinct: Int32 = 0
      for value in dense.indices where dense[value] != 0 {
        dense[value] = distinct
        distinct += 1
      }
      let width = UInt64.bitWidth - UInt64(distinct).leadingZeroBitCount
      guard used + width <= UInt64.bitWidth else { break }
      for row in 0..<count { keys[row] = keys[row] << width | UInt64(dense[Int(column(row))]) }
      used += width
    }
    return keys
  }

  /// The rank of each string among `strings` by `<`; strings equal by `==` share a rank.
  static func ranks(of strings: [String]) -> [Int32] {
    let sorted = strings.indices.sorted { strings[$0] < strings[$1] }
    var rank = [Int32](repeating: 0, count: strings.count)
    var current: Int32 = 0
    for (offset, index) in sorted.enumerated() {
      if offset > 0 && strings[sorted[offset - 1]] != strings[index] { current += 1 }
      rank[index] = current
    }
    return rank
  }
}
