#if canImport(Glibc)
import Glibc
#endif

/// Gives each distinct string, compared byte for byte, a small integer id: the string table of a
/// ``ClaimTable``.
///
/// Ids count up from 0 in order of first appearance. Strings are told apart by their UTF-8 bytes
/// (not by Unicode equivalence), so a string read back by its id is exactly the one stored. An
/// open-addressing table keyed by an FNV-1a hash of the bytes. For example:
///
/// ```swift
/// var table = StringTable()
/// let a = table.id(bytes)   // 0, a new string
/// let b = table.id(bytes)   // 0 again
/// ```
struct StringTable {
  /// The strings, by id.
  private(set) var strings: [String] = []
  /// The hashes of ``strings``, parallel to it.
  private var hashes: [UInt64] = []
  /// Open-addressing slots: an id plus one, 0 for an empty slot.
  private var slots: [Int32] = Array(repeating: 0, count: 256)

  /// The id of the string of `bytes` (UTF-8, repaired as `String(decoding:as:)` does).
  mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot] - 1)
      if hashes[index] == hash && Self.equal(strings[index], bytes) { return Int32(index) }
      slot = (slot + 1) & mask
    }
    strings.append(String(decoding: bytes, as: UTF8.self))
    hashes.append(hash)
    slots[slot] = Int32(strings.count)
    if strings.count * 2 > slots.count { grow() }
    return Int32(strings.count - 1)
  }

  /// The id of `string`, -1 for nil.
  mutating func id(_ string: String?) -> Int32 {
    guard var string else { return -1 }
    return string.withUTF8 { id($0) }
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
