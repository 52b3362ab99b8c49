/// A map from gazetteer entries to small integers for one document (a side and the side named
/// most often beside it, or how often a side is named), keeping its keys in the order they were
/// first set.
///
/// A small open-addressing table sized by the document's mentions, so that the cost follows the
/// document, not the gazetteer: setting or reading an entry is a multiply and a probe, not a
/// `Hasher`, and the keys come back in a fixed order (a `Set`'s order changes with the
/// process's hash seed).
struct EntryMap<Value: FixedWidthInteger> {
  /// The key in each slot, or -1.
  private var slots: [Int32]
  private var values: [Value]
  private let mask: Int
  /// The keys, in the order they were first set.
  private(set) var keys: [Int32] = []

  /// An empty map for at most `capacity` keys.
  init(capacity: Int) {
    var size = 8
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
    values = Array(repeating: .zero, count: size)
    mask = size - 1
  }

  /// The slot of `key`: where it stands, or the empty slot where it would go.
  private func slot(_ key: Int32) -> Int {
    var i = Int(truncatingIfNeeded: UInt32(bitPattern: key) &* 0x9E37_79B1) & mask
    while slots[i] != key && slots[i] >= 0 { i = (i + 1) & mask }
    return i
  }

  /// The value of `key` (an entry, not negative), if it was set.
  subscript(key: Int32) -> Value? {
    let i = slot(key)
    return slots[i] < 0 ? nil : values[i]
  }

  /// Sets the value of `key` (an entry, not negative).
  mutating func set(_ key: Int32, to value: Value) {
    let i = claim(key)
    values[i] = value
  }

  /// Adds `amount` to the value of `key` (an entry, not negative; zero until set), in one probe.
  mutating func add(_ amount: Value, to key: Int32) {
    let i = claim(key)
    values[i] += amount
  }

  /// The slot of `key`, taken for it (and its key recorded) if it was empty.
  private mutating func claim(_ key: Int32) -> Int {
    let i = slot(key)
    if slots[i] < 0 {
      slots[i] = key
      values[i] = .zero
      keys.append(key)
    }
    return i
  }
}
