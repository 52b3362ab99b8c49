/// An open-addressing hash table from short byte strings to `Int32` values.
///
/// The extractor looks up every word of every document, so a Swift `Dictionary<String, _>`
/// (a `String` allocation and a Unicode-aware hash per word) is too slow. Keys are stored
/// in one byte arena; a lookup hashes the bytes in place and compares them with `memcmp`-like
/// loops, with no allocation.

struct ByteTable: Sendable {
  var slots: [Int32]  // index into entries, or -1
  var keyStarts: [Int32] = []
  var keyEnds: [Int32] = []
  var values: [Int32] = []
  var arena: [UInt8] = []
  var mask: Int

  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
    mask = size - 1
  }

  /// The number of keys in the table.
  var count: Int { values.count }

  
  static func hash(_ base: UnsafePointer<UInt8>, _ count: Int, lowercased: Bool) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in 0..<count {
      var b = base[i]
      if lowercased && b >= 0x41 && b <= 0x5A { b |= 0x20 }
      h = (h ^ UInt64(b)) &* 0x100_0000_01b3
    }
    return h
  }

  /// Looks up `count` bytes at `base`, folding ASCII upper case when `lowercased` is true.
  
  func find(_ base: UnsafePointer<UInt8>, _ count: Int, lowercased: Bool) -> Int32? {
    find(base, count, lowercased: lowercased, hash: ByteTable.hash(base, count, lowercased: lowercased))
  }

  /// ``find(_:_:lowercased:)`` with the key's hash already known.
  @inline(__always)
  func find(_ base: UnsafePointer<UInt8>, _ count: Int, lowercased: Bool, hash: UInt64) -> Int32? {
    var i = Int(truncatingIfNeeded: hash) & mask
    return arena.withUnsafeBufferPointer { arena -> Int32? in
      while true {
        let e = slots[i]
        if e < 0 { return nil }
        let ks = Int(keyStarts[Int(e)])
        let ke = Int(keyEnds[Int(e)])
        if ke - ks == count {
          var same = true
          for j in 0..<count {
            var b = base[j]
            if lowercased && b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if arena[ks + j] != b {
              same = false
              break
            }
          }
          if same { return values[Int(e)] }
        }
        i = (i + 1) & mask
      }
    }
  }

  /// ``find(_:_:lowercased:hash:)`` with ASCII upper case folded, for a key of ASCII letters
  /// only with at least eight bytes readable at `base` (`readable`): a key of up to eight letters
  /// is compared with each candidate as one word, its letters folded by setting 0x20 in each
  /// byte, instead of byte by byte. The answer is `find`'s: a letter folded so is the lower-case
  /// letter `find` compares, and no other byte of a stored key is one.
  @inline(__always)
  func findLetters(_ base: UnsafePointer<UInt8>, _ count: Int, hash: UInt64, readable: Int) -> Int32? {
    guard count <= 8, readable >= 8 else { return findFolded(base, count, hash: hash) }
    let lengthMask: UInt64 = count == 8 ? ~0 : (1 << (UInt64(count) &* 8)) &- 1
    let word =
      (UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) | 0x2020_2020_2020_2020)
      & lengthMask
    var i = Int(truncatingIfNeeded: hash) & mask
    return arena.withUnsafeBytes { arena -> Int32? in
      while true {
        let e = slots[i]
        if e < 0 { return nil }
        let ks = Int(keyStarts[Int(e)])
        if Int(keyEnds[Int(e)]) - ks == count {
          // A key among the arena's last eight bytes is compared byte by byte.
          let stored =
            ks + 8 <= arena.count
            ? UInt64(littleEndian: arena.loadUnaligned(fromByteOffset: ks, as: UInt64.self)) & lengthMask
            : ByteTable.word(arena, from: ks, count: count)
          if stored == word { return values[Int(e)] }
        }
        i = (i + 1) & mask
      }
    }
  }

  /// The `count` (at most eight) bytes of `bytes` at `start` as a little-endian word, the bytes
  /// beyond them zero.
  @inline(never)
  static func word(_ bytes: UnsafeRawBufferPointer, from start: Int, count: Int) -> UInt64 {
    var word: UInt64 = 0
    for j in 0..<count { word |= UInt64(bytes[start + j]) << (UInt64(j) &* 8) }
    return word
  }

  /// ``find(_:_:lowercased:hash:)`` with ASCII upper case folded, kept out of line: the longer
  /// keys of ``findLetters(_:_:hash:readable:)``.
  @inline(never)
  func findFolded(_ base: UnsafePointer<UInt8>, _ count: Int, hash: UInt64) -> Int32? {
    find(base, count, lowercased: true, hash: hash)
  }

  /// Looks up a string key exactly as given.
  func find(_ key: String) -> Int32? {
    var key = key
    return key.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return nil }
      return find(base, buffer.count, lowercased: false)
    }
  }

  /// Inserts `key` with `value`, or returns the existing value if the key is present.
  @discardableResult
  mutating func insert(_ key: String, value: Int32) -> Int32 {
    if let existing = find(key) { return existing }
    if (values.count + 1) * 2 > slots.count { grow() }
    let bytes = Array(key.utf8)
    let start = Int32(arena.count)
    arena.append(contentsOf: bytes)
    keyStarts.append(start)
    keyEnds.append(Int32(arena.count))
    values.append(value)
    place(Int32(values.count - 1))
    return value
  }

  private mutating func place(_ entry: Int32) {
    let ks = Int(keyStarts[Int(entry)])
    let ke = Int(keyEnds[Int(entry)])
    let h = arena.withUnsafeBufferPointer { buffer -> UInt64 in
      guard let base = buffer.baseAddress else { return 0 }
      return ByteTable.hash(base + ks, ke - ks, lowercased: false)
    }
    var i = Int(truncatingIfNeeded: h) & mask
    while slots[i] >= 0 { i = (i + 1) & mask }
    slots[i] = entry
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for entry in 0..<values.count { place(Int32(entry)) }
  }
}
