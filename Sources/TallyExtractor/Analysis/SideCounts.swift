/// How often a document names each side (a gazetteer entry): an ``EntryMap`` of counts.
struct SideCounts {
  private var counts: EntryMap<Int>

  /// Counts for at most `capacity` sides, all zero.
  init(capacity: Int) {
    counts = EntryMap(capacity: capacity)
  }

  /// Counts `side` (an entry, not negative) once more.
  mutating func add(_ side: Int32) {
    counts.add(1, to: side)
  }

  /// How often `side` was counted.
  subscript(side: Int32) -> Int { counts[side] ?? 0 }

  /// The sides counted, most counted first, then by entry.
  func ranked() -> [Int32] {
    counts.keys.sorted {
      let (a, b) = (self[$0], self[$1])
      return a != b ? a > b : $0 < $1
    }
  }
}
