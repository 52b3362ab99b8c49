/// The quotes of a ``ClaimTable``'s sightings, stored as UTF-8 bytes in blocks of 1 MB rather
/// than as one `String` each: a million quotes take their bytes and 12 bytes each, where strings
/// took a heap object of 32 bytes of header and 16 bytes of array slot more, and the column never
/// grows by copying itself whole. For example:
///
/// ```swift
/// var quotes = QuoteColumn()
/// quotes.append("209 military deaths")
/// quotes.append("14 civilian fatalities")
/// quotes.swapAt(0, 1)
/// print(quotes[0])  // 14 civilian fatalities
/// ```
public struct QuoteColumn: Sendable {
  /// The size of a block; a longer quote gets a block of its own.
  static let blockSize = 1 << 20
  private var blocks: [[UInt8]] = []
  /// Where each quote is: its block and offset (`block << 32 | offset`), and its length.
  private var places: [Int] = []
  private var lengths: [Int32] = []

  /// An empty column.
  public init() {}

  /// The number of quotes.
  public var count: Int { places.count }

  /// The quote at `index`.
  public subscript(index: Int) -> String {
    let place = places[index]
    let offset = place & 0xFFFF_FFFF
    return blocks[place >> 32].withUnsafeBufferPointer { bytes in
      String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + Int(lengths[index])]), as: UTF8.self)
    }
  }

  /// Makes room for `count` quotes in the index (the bytes go in blocks as they come).
  public mutating func reserveCapacity(_ count: Int) {
    places.reserveCapacity(count)
    lengths.reserveCapacity(count)
  }

  /// Appends a quote.
  public mutating func append(_ quote: String) {
    var quote = quote
    quote.withUTF8 { append(bytes: $0) }
  }

  /// Appends a quote given as UTF-8 bytes; `nil` appends the empty quote.
  public mutating func append(bytes: UnsafeBufferPointer<UInt8>?) {
    let count = bytes?.count ?? 0
    if blocks.isEmpty || blocks[blocks.count - 1].count + count > Self.blockSize {
      var block: [UInt8] = []
      block.reserveCapacity(Swift.max(Self.blockSize, count))
      blocks.append(block)
    }
    let last = blocks.count - 1
    places.append(last << 32 | blocks[last].count)
    lengths.append(Int32(count))
    if let bytes, count > 0 { blocks[last].append(contentsOf: bytes) }
  }

  /// Exchanges the quotes at `i` and `j`.
  public mutating func swapAt(_ i: Int, _ j: Int) {
    places.swapAt(i, j)
    lengths.swapAt(i, j)
  }

  /// Puts the quotes of `range` in the order of `order`: its first quote becomes the one that was
  /// at `order[0]`, and so on (`order` holds the positions of `range`, each once).
  public mutating func reorder(_ range: Range<Int>, as order: [Int]) {
    let newPlaces = order.map { places[$0] }
    let newLengths = order.map { lengths[$0] }
    places.replaceSubrange(range, with: newPlaces)
    lengths.replaceSubrange(range, with: newLengths)
  }
}
