import Foundation
import TallyCSV
import TallyExtractor
import TallyLedger

/// Builds a ledger of a given number of claims for the query benchmarks, through the analyst's
/// import (`Ledger.importFigures`), from CSV files written here.
///
/// The claims look like a long war's coverage: series (party, category, subject, claimant) of
/// the generator's sides and claimants, each reporting on about 55% of 180 days from 2021-02-01
/// with a rising figure (and now and then a lower one), in documents of ten figures each.
/// Two series can share a key (same side, claimant, category and subject), and then an equal
/// figure on the same day is one claim: the ledger holds slightly fewer than `claims` claims, and
/// the benchmark reports the number it holds.
public enum SyntheticLedger {
  /// Writes the import files for `claims` claims into `folder` and imports them into the ledger
  /// at `ledgerPath` (which must not exist), 100,000 rows per file.
  ///
  /// - Returns: The number of claims in the ledger.
  public static func build(claims: Int, seed: UInt64, ledgerPath: String, folder: String) throws -> Int {
    let ledger = try Ledger.open(path: ledgerPath)
    let vocabulary = try Vocabulary.standard()
    let world = CorpusWorld(seed: seed, entries: vocabulary.gazetteerEntries)
    var random = SplitMix64(seed: seed &+ 0x1ED6E5)
    let categories: [(Category, String)] = [
      (.killed, "military"), (.killed, "civilian"), (.wounded, "military"), (.wounded, "civilian"),
      (.missing, "military"), (.captured, "military"), (.displaced, "civilian"), (.destroyed, "tank"),
      (.casualties, "unspecified"),
    ]
    struct Series {
      var party: String
      var claimant: String
      var category: Category
      var subject: String
      var value: Int64
    }
    // The sides of the generator's conflicts, most covered first.
    var sides: [Int] = []
    for (a, b) in world.conflicts {
      for side in [a, b] where !sides.contains(side) { sides.append(side) }
    }
    let seriesCount = max(1, claims / 90 + 1)
    var series: [Series] = []
    series.reserveCapacity(seriesCount)
    for index in 0..<seriesCount {
      let side = world.sides[sides[min(random.below(sides.count), random.below(sides.count))]]
      let (category, subject) = categories[index % categories.count]
      series.append(
        Series(
          party: side.name, claimant: random.pick(side.claimants), category: category, subject: subject,
          value: Int64(random.int(1...50))))
    }
    let firstDay = CivilDate(year: 2021, month: 2, day: 1).days
    let perFile = 100_000
    var written = 0
    var fileIndex = 0
    var file: CSVFileWriter?
    var rowsInFile = 0
    var paths: [String] = []
    outer: for day in 0..<100_000 {
      let date = CivilDate(days: firstDay + day % 180)
      let year = date.year + day / 180  // past 180 days, the next "year" keeps keys distinct
      let asOf = CivilDate(year: year, month: date.month, day: date.day).iso
      for (index, _) in series.enumerated() where (index &* 7 &+ day) % 9 < 5 {
        if written == claims { break outer }
        if file == nil {
          let path = folder + "/import-\(CorpusGenerator.padded(fileIndex, width: 3)).csv"
          paths.append(path)
          file = try CSVFileWriter(path: path)
          try file?.writeHeader(Claim.columns)
          fileIndex += 1
        }
        if random.chance(2) {
          series[index].value -= Int64(random.int(0...Int(max(0, series[index].value / 10))))
        } else {
          series[index].value += Int64(random.int(1...20))
        }
        let s = series[index]
        let document = "bench-\(written / 10)"
        let cells: [CSVCell] = [
          .text(document), .text(CorpusTemplates.outlets[(written / 10) % CorpusTemplates.outlets.count]),
          .text(asOf), .text(s.claimant), .text(s.party), .text(s.category.rawValue), .text(s.subject),
          .integer(s.value), .empty, .empty, .text("exact"), .text(asOf), .empty,
          .text("\(s.value) \(s.category.rawValue)"), .integer(0), .integer(0),
        ]
        try file?.writeRow(cells)
        written += 1
        rowsInFile += 1
        // Documents never straddle two files.
        if rowsInFile >= perFile && written % 10 == 0 {
          try finish(&file)
          rowsInFile = 0
        }
      }
    }
    try finish(&file)
    for path in paths {
      try ledger.importFigures(path: path)
      unlink(path)
    }
    return try ledger.claimCount()
  }

  private static func finish(_ file: inout CSVFileWriter?) throws {
    if let open = file.take() { try open.finish() }
  }
}
