/// Byte offsets of quotes in their documents, a column of ``ClaimTable``: four bytes each while
/// every offset fits in 32 bits (any document under 4 GB), eight once one does not (an imported
/// figure may give any offset), with the same values either way.
///
/// At 10^6 sightings the start and end columns take 8 MB instead of 16. For example:
///
/// ```swift
/// var starts = OffsetColumn()
/// starts.append(1_204)
/// starts.append(5_000_000_000)  // widens the column; 1_204 is still there
/// starts[0]  // 1204
/// ```
public struct OffsetColumn: RandomAccessCollection, MutableCollection, Sendable {
  /// The offsets while all fit in 32 bits.
  private var narrow: [UInt32] = []
  /// Every offset, once one did not fit in 32 bits (`narrow` is then empty).
  private var wide: [Int]?

  /// An empty column.
  public init() {}

  public var startIndex: Int { 0 }
  public var endIndex: Int { wide?.count ?? narrow.count }

  /// The offset at `position`.
  public subscript(position: Int) -> Int {
    get {
      if let wide { return wide[position] }
      return Int(narrow[position])
    }
    set {
      if wide != nil {
        wide![position] = newValue
      } else if let value = UInt32(exactly: newValue) {
        narrow[position] = value
      } else {
        widen()
        wide![position] = newValue
      }
    }
  }

  /// Makes room for `count` offsets.
  public mutating func reserveCapacity(_ count: Int) {
    if wide != nil { wide!.reserveCapacity(count) } else { narrow.reserveCapacity(count) }
  }

  /// Appends an offset.
  public mutating func append(_ offset: Int) {
    if wide != nil {
      wide!.append(offset)
    } else if let value = UInt32(exactly: offset) {
      narrow.append(value)
    } else {
      widen()
      wide!.append(offset)
    }
  }

  /// Sets the offsets of `range` to `offsets`, one for one.
  mutating func assign(_ range: Range<Int>, _ offsets: [Int]) {
    precondition(range.count == offsets.count, "an offset for each position")
    for (position, offset) in zip(range, offsets) { self[position] = offset }
  }

  /// Moves every offset to eight bytes.
  private mutating func widen() {
    var all: [Int] = []
    all.reserveCapacity(Swift.max(narrow.capacity, narrow.count + 1))
    for value in narrow { all.append(Int(value)) }
    narrow = []
    wide = all
  }
}
