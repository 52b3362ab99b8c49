public import TallyCSV
public import TallyLedger
import TallyExtractor

extension ClaimRow {
  /// The cells of every row of `claims.csv` for the claims of `table`, in the order of
  /// ``rows(_:)``, each handed to `body` in turn (the same cells as ``csvCells``), with no
  /// ``ClaimRow`` built. The table should hold sighting details (``ClaimTable/hasDetails``):
  /// without them quotes are empty and offsets end where they start.
  ///
  /// For example, `ClaimRow.forEachCSVRow(table) { writer.writeRow($0) }`.
  ///
  /// - Returns: The number of rows.
  /// - Complexity: O(n log n) for n sightings.
  @discardableResult
  public static func forEachCSVRow<E: Error>(_ table: ClaimTable, _ body: ([CSVCell]) throws(E) -> Void) throws(E)
    -> Int
  {
    let details = table.hasDetails
    let strings = table.strings
    func text(_ id: Int32) -> CSVCell { id < 0 ? .empty : .optional(strings[Int(id)]) }
    var cells = [CSVCell](repeating: .empty, count: columns.count)
    var previousClaim = -1
    var sightings = 0
    var rows = 0
    try ClaimRowOrder.forEachSorted(table) { claim, position throws(E) in
      rows += 1
      if claim != previousClaim {
        previousClaim = claim
        sightings = table.documentCount(claim)
        cells[3] = text(table.claimants[claim])
        cells[4] = text(table.parties[claim])
        cells[5] = .text(table.categories[claim].rawValue)
        cells[6] = text(table.subjects[claim])
        cells[7] = .integer(table.values[claim])
        cells[8] = .optional(table.low(claim))
        cells[9] = .optional(table.high(claim))
        cells[10] = .text(table.qualifiers[claim].rawValue)
        cells[11] = text(table.asOfs[claim])
        cells[12] = text(table.locations[claim])
        cells[16] = .integer(Int64(sightings))
      }
      let document = Int(table.sightingDocuments[position])
      cells[0] = .text(strings[Int(table.documentNames[document])])
      cells[1] = text(table.documentSources[document])
      cells[2] = text(table.documentPublished[document])
      cells[13] = .text(details ? table.quotes[position] : "")
      cells[14] = .integer(Int64(table.sightingStarts[position]))
      cells[15] = .integer(Int64(details ? table.sightingEnds[position] : table.sightingStarts[position]))
      try body(cells)
    }
    return rows
  }

  /// `claims.csv` for the claims of `table`, as ``Report/csv(_:options:hxl:)`` writes the
  /// ``rows(_:)`` of its claims, streamed to `output` in blocks as the rows are made. Nothing is
  /// flushed at the end: that is the caller's to do.
  ///
  /// For example, `try ClaimRow.writeCSV(try ledger.claimTable(details: true), to: &output)`.
  ///
  /// - Returns: The number of rows.
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` from the first write that fails; the rows
  ///   after it are not written.
  @discardableResult
  public static func writeCSV(_ table: ClaimTable, to output: inout CSVStreamWriter, hxl: Bool = false)
    throws(CSVError) -> Int
  {
    try output.writeHeader(columns)
    if hxl { try output.writeHeader(hxlTags) }
    return try forEachCSVRow(table) { (cells: [CSVCell]) throws(CSVError) -> Void in try output.writeRow(cells) }
  }
}
