/// A small fixed set of lower-case words, asked about tokens in place.
///
/// ```swift
/// static let lossVerbs = WordSet(["suffered", "lost"])
/// lossVerbs.contains(token, in: bytes)  // "Suffered" -> true
/// ```
///
/// An ASCII token is looked up with its ASCII letters folded, with no allocation; any other
/// token is compared through `String.lowercased()`, so the answer is always that of
/// `words.contains(text.lowercased())`.
struct WordSet: Sendable {
  private let table: ByteTable
  private let words: Set<String>
  /// Bit `n` set when a word is `n` bytes long (`n` < 64; longer words set none and are always
  /// looked up).
  private let lengths: UInt64
  /// Bit `b` set when a word starts with byte `b`, for `b` < 128 (words starting beyond ASCII
  /// set none and are always looked up).
  private let firstBytes: (UInt64, UInt64)
  /// Some word is 64 bytes or longer, or starts with a byte beyond ASCII.
  private let unfiltered: Bool

  init(_ words: [String]) {
    var table = ByteTable(capacity: max(8, words.count * 2))
    for (index, word) in words.enumerated() { table.insert(word, value: Int32(index)) }
    self.table = table
    self.words = Set(words)
    var lengths: UInt64 = 0
    var firstBytes: (UInt64, UInt64) = (0, 0)
    var unfiltered = false
    for word in words {
      let n = word.utf8.count
      guard n > 0, n < 64, let first = word.utf8.first, first < 0x80 else {
        unfiltered = true
        continue
      }
      lengths |= 1 << UInt64(n)
      if first < 64 { firstBytes.0 |= 1 << UInt64(first) } else { firstBytes.1 |= 1 << UInt64(first - 64) }
    }
    self.lengths = lengths
    self.firstBytes = firstBytes
    self.unfiltered = unfiltered
  }

  /// Whether an ASCII token of `count` bytes (more than none) starting with `first` may be one of
  /// the words, folded as the table folds it: false when no word has its length or first byte.
  @inline(__always)
  private func mayHold(first: UInt8, count: Int) -> Bool {
    if unfiltered { return true }
    guard count < 64, lengths & (1 << UInt64(count)) != 0 else { return false }
    let folded = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
    return folded < 64 ? firstBytes.0 & (1 << UInt64(folded)) != 0 : firstBytes.1 & (1 << UInt64(folded - 64)) != 0
  }

  /// Whether the token's text, lowercased, is one of the words.
  func contains(_ token: Token, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(token.start)
    let count = Int(token.end - token.start)
    guard let base = p.baseAddress, count > 0 else { return words.contains("") }
    for i in start..<(start + count) where p[i] >= 0x80 {
      let text = String(decoding: UnsafeBufferPointer(rebasing: p[token.range]), as: UTF8.self)
      return words.contains(text.lowercased())
    }
    guard mayHold(first: p[start], count: count) else { return false }
    return table.find(base + start, count, lowercased: true) != nil
  }
}
