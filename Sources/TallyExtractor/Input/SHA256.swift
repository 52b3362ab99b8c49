/// An incremental SHA-256 (FIPS 180-4), with no dependency.
///
/// Feed it bytes in as many pieces as you like, then ask for the digest. For example:
///
/// ```swift
/// var hash = SHA256()
/// hash.update(Array("ab".utf8))
/// hash.update(Array("c".utf8))
/// hash.hexDigest()  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
///
/// ``finalize()`` and ``hexDigest()`` do not change the value, so a digest can be taken midway.
public struct SHA256: Sendable {
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  /// Bytes waiting for a full 64-byte block.
  private var pending: [UInt8] = []
  /// The number of bytes fed so far.
  private var length: UInt64 = 0

  /// A hash of nothing yet.
  public init() {
    pending.reserveCapacity(64)
  }

  /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
  ///
  /// For example, `SHA256.hex(of: Array("abc".utf8))` starts with `ba7816bf`.
  public static func hex(of bytes: some Collection<UInt8>) -> String {
    var hash = SHA256()
    hash.update(bytes)
    return hash.hexDigest()
  }

  /// Feeds more bytes.
  ///
  /// - Complexity: O(n) in the number of bytes.
  public mutating func update(_ bytes: some Collection<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: UnsafeRawBufferPointer($0)) }
    if done == nil { Array(bytes).withUnsafeBytes { update(buffer: $0) } }
  }

  /// Feeds more bytes, given as raw memory.
  public mutating func update(buffer: UnsafeRawBufferPointer) {
    length &+= UInt64(buffer.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, buffer.count)
      pending.append(contentsOf: buffer[0..<take])
      offset = take
      if pending.count == 64 {
        let block = pending
        block.withUnsafeBytes { compress($0, at: 0) }
        pending.removeAll(keepingCapacity: true)
      }
    }
    while buffer.count - offset >= 64 {
      compress(buffer, at: offset)
      offset += 64
    }
    if offset < buffer.count { pending.append(contentsOf: buffer[offset...]) }
  }

  /// The 32-byte digest of everything fed so far.
  public func finalize() -> [UInt8] {
    var copy = self
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    let bits = length &* 8
    for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    tail.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        copy.compress(raw, at: offset)
        offset += 64
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(32)
    let s = copy.state
    for word in [s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7] {
      out.append(UInt8(truncatingIfNeeded: word >> 24))
      out.append(UInt8(truncatingIfNeeded: word >> 16))
      out.append(UInt8(truncatingIfNeeded: word >> 8))
      out.append(UInt8(truncatingIfNeeded: word))
    }
    return out
  }

  /// The digest of everything fed so far, as 64 lower-case hex digits.
  public func hexDigest() -> String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in finalize() {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  /// Processes the 64-byte block of `raw` that starts at `offset`.
  private mutating func compress(_ raw: UnsafeRawBufferPointer, at offset: Int) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      for t in 0..<16 {
        let p = offset + t * 4
        w[t] = UInt32(raw[p]) << 24 | UInt32(raw[p + 1]) << 16 | UInt32(raw[p + 2]) << 8 | UInt32(raw[p + 3])
      }
      for t in 16..<64 {
        let x = w[t - 15]
        let y = w[t - 2]
        let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
        let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = state
      SHA256.k.withUnsafeBufferPointer { k in
        for t in 0..<64 {
          let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
          let ch = (e & f) ^ (~e & g)
          let t1 = h &+ s1 &+ ch &+ k[t] &+ w[t]
          let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
          let maj = (a & b) ^ (a & c) ^ (b & c)
          let t2 = s0 &+ maj
          h = g
          g = f
          f = e
          e = d &+ t1
          d = c
          c = b
          b = a
          a = t1 &+ t2
        }
      }
      state = (
        state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
        state.7 &+ h
      )
    }
  }
}

private extension UInt32 {
  @inline(__always)
  func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
