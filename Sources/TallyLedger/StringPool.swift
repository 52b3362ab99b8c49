#if canImport(Glibc)
import Glibc
#endif

/// Interns strings read from SQLite by their bytes: a value that repeats (a claimant, a party, a
/// subject) becomes one shared `String` rather than one heap copy per row.
///
/// Strings of up to 15 UTF-8 bytes are stored inline by Swift, need no allocation and are made
/// directly; longer ones are looked up in an open-addressing table keyed by an FNV-1a hash of the
/// bytes. For example:
///
/// ```swift
/// var pool = StringPool()
/// let a = pool.string(bytes)  // allocates
/// let b = pool.string(bytes)  // the same storage as `a`
/// ```
struct StringPool {
  /// The interned strings.
  private var strings: [String] = []
  /// The hashes of ``strings``, parallel to it.
  private var hashes: [UInt64] = []
  /// Open-addressing slots: an index into ``strings`` plus one, 0 for an empty slot.
  private var slots: [Int32] = Array(repeating: 0, count: 256)

  /// The string of `bytes` (UTF-8, repaired as `String(decoding:as:)` does), shared with every
  /// earlier call for the same bytes.
  mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot] - 1)
      if hashes[index] == hash && Self.equal(strings[index], bytes) { return strings[index] }
      slot = (slot + 1) & mask
    }
    let string = String(decoding: bytes, as: UTF8.self)
    strings.append(string)
    hashes.append(hash)
    slots[slot] = Int32(strings.count)
    if strings.count * 2 > slots.count { grow() }
    return string
  }

  /// Whether `string`'s UTF-8 is exactly `bytes`.
  private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let contiguous = string.utf8.withContiguousStorageIfAvailable { stored in
      stored.count == bytes.count
        && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }
    return contiguous ?? string.utf8.elementsEqual(bytes)
  }

  /// Doubles the table and re-inserts every string.
  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }
}
