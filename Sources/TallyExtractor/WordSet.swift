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

  init(_ words: [String]) {
    var table = ByteTable(capacity: max(8, words.count * 2))
    for (index, word) in words.enumerated() { table.insert(word, value: Int32(index)) }
    self.table = table
    self.words = Set(words)
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
    return table.find(base + start, count, lowercased: true) != nil
  }
}
