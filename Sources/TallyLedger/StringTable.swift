#if canImport(Glibc)
import Glibc
#endif

/// Gives each distinct string, compared byte for byte, a small integer id: the string table of a
/// ``ClaimTable``.
///
/// Ids count up from 0 in order of first appearance. Strings are told apart by their UTF-8 bytes
/// (not by Unicode equivalence), so a string read back by its id is exactly the one stored. An
/// open-addressing table keyed by a hash of the bytes, which are kept in one array to compare. For example:
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
  /// The UTF-8 bytes of every string, one after the other, to compare against.
  private var arena: [UInt8] = []
  /// Where each string's bytes start in ``arena``; one more entry than ``strings``.
  private var offsets: [Int] = [0]
  /// Open-addressing slots: an id plus one, 0 for an empty slot.
  private var slots: [Int32] = Array(repeating: 0, count: 256)

  /// The id of the string of `bytes` (UTF-8, repaired as `String(decoding:as:)` does).
  mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Self.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot] - 1)
      if hashes[index] == hash && equal(index, bytes) { return Int32(index) }
      slot = (slot + 1) & mask
    }
    strings.append(String(decoding: bytes, as: UTF8.self))
    hashes.append(hash)
    arena.append(contentsOf: bytes)
    offsets.append(arena.count)
    slots[slot] = Int32(strings.count)
    if strings.count * 2 > slots.count { grow() }
    return Int32(strings.count - 1)
  }

  /// The id of `string`, -1 for nil.
  mutating func id(_ string: String?) -> Int32 {
    guard var string else { return -1 }
    return string.withUTF8 { id($0) }
  }

  /// Whether string `a`'s bytes come before string `b`'s, byte by byte (a prefix first), as
  /// SQLite's binary collation orders text.
  func bytesPrecede(_ a: Int32, _ b: Int32) -> Bool {
    let (startA, startB) = (offsets[Int(a)], offsets[Int(b)])
    let (countA, countB) = (offsets[Int(a) + 1] - startA, offsets[Int(b) + 1] - startB)
    let common = min(countA, countB)
    let order =
      common == 0 ? 0 : arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + startA, $0.baseAddress! + startB, common) }
    return order != 0 ? order < 0 : countA < countB
  }

  /// A hash of `bytes`, eight at a time.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = bytes.count
    var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
    guard let base = bytes.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < count {
      tail |= UInt64(base[offset]) << shift
      shift += 8
      offset += 1
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 29)
  }

  /// Whether the bytes of string `index` are exactly `bytes`.
  private func equal(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[index]
    let count = offsets[index + 1] - start
    guard count == bytes.count else { return false }
    guard count > 0 else { return true }
    return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes.baseAddress!, count) == 0 }
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
