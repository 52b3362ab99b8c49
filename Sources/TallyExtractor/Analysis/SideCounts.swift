/// How often a document names each side (a gazetteer entry).
///
/// A small open-addressing table sized for the mentions of one document, so that the cost follows
/// the document, not the gazetteer, and counting a side is a multiply and a probe, not a `Hasher`.
struct SideCounts {
  /// The side in each slot, or -1.
  private var slots: [Int32]
  private var slotCounts: [Int]
  private let mask: Int
  /// The sides counted at least once, in the order first counted.
  private var sides: [Int32] = []

  /// Counts for at most `capacity` sides, all zero.
  init(capacity: Int) {
    var size = 8
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
    slotCounts = Array(repeating: 0, count: size)
    mask = size - 1
  }

  /// The slot of `side`: where it stands, or the empty slot where it would go.
  private func slot(_ side: Int32) -> Int {
    var i = Int(truncatingIfNeeded: UInt32(bitPattern: side) &* 0x9E37_79B1) & mask
    while slots[i] != side && slots[i] >= 0 { i = (i + 1) & mask }
    return i
  }

  /// Counts `side` (an entry, not negative) once more.
  mutating func add(_ side: Int32) {
    let i = slot(side)
    if slots[i] < 0 {
      slots[i] = side
      sides.append(side)
    }
    slotCounts[i] += 1
  }

  /// How often `side` was counted.
  subscript(side: Int32) -> Int { slotCounts[slot(side)] }

  /// The sides counted, most counted first, then by entry.
  func ranked() -> [Int32] {
    sides.sorted {
      let (a, b) = (self[$0], self[$1])
      return a != b ? a > b : $0 < $1
    }
  }
}
