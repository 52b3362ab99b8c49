import TallyLedger
import Testing

@Suite("The quote column of a claim table")
struct QuoteColumnTests {
  @Test func appendSwapAndReorderKeepEachQuoteWhole() {
    var column = QuoteColumn()
    let quotes = ["209 military deaths", "", "Ganja, a city of more than 330,000", "19 civilian deaths", "1 093 tués à Gandja"]
    for quote in quotes { column.append(quote) }
    column.append(bytes: nil)
    #expect(column.count == 6)
    #expect((0..<6).map { column[$0] } == quotes + [""])
    column.swapAt(0, 4)
    #expect(column[0] == "1 093 tués à Gandja" && column[4] == "209 military deaths")
    column.reorder(1..<4, as: [3, 1, 2])
    #expect((0..<6).map { column[$0] } == ["1 093 tués à Gandja", "19 civilian deaths", "", "Ganja, a city of more than 330,000", "209 military deaths", ""])
  }

  /// Quotes fill blocks of 1 MB; one that does not fit starts the next, and a longer one has its own.
  @Test func quotesAcrossBlocks() {
    var column = QuoteColumn()
    let small = String(repeating: "a", count: 700_000)
    let large = String(repeating: "b", count: 1_500_000)
    for quote in [small, small, large, "c"] { column.append(quote) }
    #expect(column[0] == small && column[1] == small && column[2] == large && column[3] == "c")
  }
}
