/// A map from gazetteer entries to gazetteer entries for one document (a side and the side
/// named most often beside it), keeping its keys in the order they were first set.
///
/// A small open-addressing table sized by the document's mentions, like ``SideCounts``: setting
/// or reading an entry is a multiply and a probe, not a `Hasher`, and the keys come back in a
/// fixed order (a `Set`'s order changes with the process's hash seed).
struct EntryMap {
  /// The key in each slot, or -1.
  private var slots: [Int32]
  private var values: [Int32]
  private let mask: Int
  /// The keys, in the order they were first set.
  private(set) var keys: [Int32] = []

  /// An empty map for at most `capacity` keys.
  init(capacity: Int) {
    var size = 8
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
    values = Array(repeating: 0, count: size)
    mask = size - 1
  }

  /// The slot of `key`: where it stands, or the empty slot where it would go.
  private func slot(_ key: Int32) -> Int {
    var i = Int(truncatingIfNeeded: UInt32(bitPattern: key) &* 0x9E37_79B1) & mask
    while slots[i] != key && slots[i] >= 0 { i = (i + 1) & mask }
    return i
  }

  /// The value of `key` (an entry, not negative), if it was set.
  subscript(key: Int32) -> Int32? {
    let i = slot(key)
    return slots[i] < 0 ? nil : values[i]
  }

  /// Sets the value of `key` (an entry, not negative).
  mutating func set(_ key: Int32, to value: Int32) {
    let i = slot(key)
    if slots[i] < 0 {
      slots[i] = key
      keys.append(key)
    }
    values[i] = value
  }
}
