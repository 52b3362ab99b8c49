/// A short list of token indices, in order, kept inline: a claimant's institution words, which
/// come from a noun phrase of a few tokens, are gathered without allocating an array each time.
/// Past 32 indices the rest go to an array, so any length is kept.
struct TokenList {
  private var low = SIMD16<Int32>()
  private var high = SIMD16<Int32>()
  private var rest: [Int32] = []
  /// The number of indices.
  private(set) var count = 0

  /// Whether the list is empty.
  var isEmpty: Bool { count == 0 }

  /// The index at position `i` (`0..<count`).
  subscript(i: Int) -> Int {
    get {
      if i < 16 { return Int(low[i]) }
      if i < 32 { return Int(high[i - 16]) }
      return Int(rest[i - 32])
    }
    set {
      if i < 16 {
        low[i] = Int32(newValue)
      } else if i < 32 {
        high[i - 16] = Int32(newValue)
      } else {
        rest[i - 32] = Int32(newValue)
      }
    }
  }

  /// Adds an index at the end.
  mutating func append(_ index: Int) {
    if count < 32 {
      count += 1
      self[count - 1] = index
    } else {
      rest.append(Int32(index))
      count += 1
    }
  }

  /// Adds the indices of `other` at the end.
  mutating func append(contentsOf other: TokenList) {
    for i in 0..<other.count { append(other[i]) }
  }

  /// Keeps the first `n` indices only.
  mutating func truncate(to n: Int) {
    if n < 32 { rest.removeAll() } else { rest.removeLast(count - n) }
    count = min(count, n)
  }
}
