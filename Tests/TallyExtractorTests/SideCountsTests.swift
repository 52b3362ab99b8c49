import Testing

@testable import TallyExtractor

/// ``SideCounts`` counts and ranks as a dictionary of counts sorted by count, then by entry, does.
@Suite struct SideCountsTests {
  @Test func countsAndRanksLikeADictionary() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let count = Int.random(in: 0..<60, using: &generator)
      let sides = (0..<count).map { _ in Int32.random(in: 0..<40, using: &generator) * 97 }
      var counts = SideCounts(capacity: sides.count)
      var expected: [Int32: Int] = [:]
      for side in sides {
        counts.add(side)
        expected[side, default: 0] += 1
      }
      for (side, n) in expected { #expect(counts[side] == n) }
      let ranked = expected.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
      #expect(counts.ranked() == ranked)
    }
  }
}
