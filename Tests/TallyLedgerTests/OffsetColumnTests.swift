import Testing

@testable import TallyLedger

@Suite("The offset column of a claim table")
struct OffsetColumnTests {
  /// Offsets that fit in 32 bits are kept in four bytes; the first that does not moves every
  /// offset to eight, and none changes.
  @Test func widensWithoutLosingAnOffset() {
    var column = OffsetColumn()
    column.reserveCapacity(4)
    for offset in [0, 1_204, Int(UInt32.max)] { column.append(offset) }
    #expect(Array(column) == [0, 1_204, 4_294_967_295])
    column.append(5_000_000_000)
    #expect(Array(column) == [0, 1_204, 4_294_967_295, 5_000_000_000])
    column.append(7)
    #expect(column.count == 5 && column[4] == 7)
  }

  /// Setting an offset that does not fit (an imported figure's, negative or huge) widens too.
  @Test(arguments: [-1, Int.max, 1 << 32])
  func settingAWideOffset(_ wide: Int) {
    var column = OffsetColumn()
    for offset in [10, 20, 30] { column.append(offset) }
    column[1] = wide
    #expect(Array(column) == [10, wide, 30])
  }

  @Test func swapAndAssignKeepTheOthers() {
    var column = OffsetColumn()
    for offset in [5, 6, 7, 8] { column.append(offset) }
    column.swapAt(0, 3)
    #expect(Array(column) == [8, 6, 7, 5])
    column.assign(1..<3, [70, 60])
    #expect(Array(column) == [8, 70, 60, 5])
    column.assign(0..<2, [-3, 9])
    #expect(Array(column) == [-3, 9, 60, 5])
  }
}
