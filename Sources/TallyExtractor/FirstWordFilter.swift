/// A set of byte strings kept as one bit per class of their first two bytes and length: it
/// answers "certainly not a member" for most strings that are not members, in a few
/// instructions, and "maybe" for the members (and for a few strings that share their class).
///
/// ```swift
/// var filter = FirstWordFilter()
/// filter.insert(bytesOf("Baku"))
/// filter.mayHold(bytesOf("Baku"))   // true
/// filter.mayHold(bytesOf("The"))    // false, unless some member is in the class of "The"
/// ```
struct FirstWordFilter: Sendable {
  /// 2^16 bits.
  private var bits = [UInt64](repeating: 0, count: 1 << 10)

  /// The class of `count` (at least one) bytes at `base`: a 16-bit mix of the first two bytes and
  /// the length.
  @inline(__always)
  private static func index(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
    let second = count > 1 ? UInt32(base[1]) : 0
    let key = UInt32(base[0]) | second << 8 | UInt32(truncatingIfNeeded: min(count, 255)) << 16
    return Int((key &* 0x9E37_79B1) >> 16)
  }

  /// Adds a string of at least one byte.
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    let i = Self.index(base, bytes.count)
    bits[i >> 6] |= 1 << UInt64(i & 63)
  }

  /// False when the `count` bytes at `base` are certainly no member; true when they may be one.
  @inline(__always)
  func mayHold(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    guard count > 0 else { return true }
    let i = Self.index(base, count)
    return bits[i >> 6] & (1 << UInt64(i & 63)) != 0
  }
}
