/// Small integers (positions, string ids) by ledger row id, for ids read in ascending order:
/// an array when the ids are dense (the usual case), a dictionary when they are too sparse.
///
/// For example, documents 3, 4 and 6 at positions 0, 1 and 2:
///
/// ```swift
/// let index = RowIndex(ids: [3, 4, 6], values: [0, 1, 2])
/// index[6]  // 2
/// index[5]  // nil
/// ```
struct RowIndex {
  private var dense: [Int32] = []
  private var first: Int64 = 0
  private var sparse: [Int64: Int32] = [:]

  /// No ids.
  init() {}

  /// `values[i]` for `ids[i]`; `ids` ascending, `values` not negative.
  init(ids: [Int64], values: [Int32]) {
    if let low = ids.first, let high = ids.last, high - low < Int64(4 * ids.count + 1024) {
      first = low
      dense = Array(repeating: -1, count: Int(high - low) + 1)
      for (id, value) in zip(ids, values) { dense[Int(id - low)] = value }
    } else {
      for (id, value) in zip(ids, values) { sparse[id] = value }
    }
  }

  /// The value of `id`, nil when there is none.
  subscript(id: Int64) -> Int32? {
    if dense.isEmpty { return sparse[id] }
    let offset = id - first
    guard offset >= 0, offset < Int64(dense.count) else { return nil }
    let value = dense[Int(offset)]
    return value < 0 ? nil : value
  }
}
