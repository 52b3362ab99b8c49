import Foundation
import TallyCSV
import TallyExtractor
import Testing

/// The five shared seed articles give exactly the figures of `../shared/seed_gold.csv`.
@Suite struct SeedTests {
  /// `../shared` beside the package root.
  static let shared = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared")
  static let goldPath = shared.appendingPathComponent("seed_gold.csv").path
  static let seedsPath = shared.appendingPathComponent("seeds").path

  /// The seed files, by name; empty when ../shared is absent.
  static let seeds: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: seedsPath)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()

  // The seeds live outside the repository: without ../shared these tests are listed as skipped.
  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: goldPath), "../shared/seed_gold.csv is absent"),
    arguments: seeds)
  func seedGivesExactlyItsGoldFigures(_ seed: String) throws {
    let gold = try GoldFile(atPath: Self.goldPath)
    let path = (Self.seedsPath as NSString).appendingPathComponent(seed)
    let claims = try GoldFile.claims(ofFile: path)
    #expect(gold.found(claims) == gold.expected(for: seed))
    try GoldFile.expectQuotesMatchBytes(claims, path: path)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: goldPath), "../shared/seed_gold.csv is absent"))
  func everyGoldDocumentIsASeed() throws {
    let gold = try GoldFile(atPath: Self.goldPath)
    #expect(Set(gold.figures.keys).subtracting(Self.seeds.map(GoldFile.stem)) == [])
  }
}

// MARK: - Gold files, shared with CasesTests

/// The attributes of a figure that a gold file fixes, as one comparable line:
/// `value|low|high|qualifier|category|subject|party|claimant|as_of|location`.
struct FigureKey: Hashable, Comparable, CustomStringConvertible {
  var description: String

  init(_ claim: Claim, includingLocation: Bool) {
    self.init(
      [String(claim.value), claim.low.map { String($0) } ?? "", claim.high.map { String($0) } ?? "",
       claim.qualifier.rawValue, claim.category.rawValue, claim.subject, claim.party ?? "", claim.claimant ?? "",
       claim.asOf ?? "", includingLocation ? claim.location ?? "" : ""])
  }

  init(_ fields: [String]) { description = fields.joined(separator: "|") }

  static func < (a: FigureKey, b: FigureKey) -> Bool { a.description < b.description }
}

/// A gold file's figures by document, and the claims they describe.
struct GoldFile {
  /// The figures of each document (the file name without `.txt`).
  var figures: [String: [FigureKey]] = [:]
  /// Whether the file has a `location` column; without one, locations are not compared.
  var hasLocation: Bool

  /// Reads the gold file at `path`. `Evaluation.readGold` drops `low` and `high`, so this reads
  /// the columns itself.
  init(atPath path: String) throws {
    let records = try CSVReader.records(atPath: path)
    let header = try #require(records.first).fields
    let columns = ["value", "low", "high", "qualifier", "category", "subject", "party", "claimant", "as_of"]
    let indices = try columns.map { name in try #require(header.firstIndex(of: name), "no column \(name)") }
    let doc = try #require(header.firstIndex(of: "doc"))
    let location = header.firstIndex(of: "location")
    hasLocation = location != nil
    for record in records.dropFirst() {
      try #require(record.fields.count == header.count, "line \(record.line) of \(path)")
      let fields = indices.map { record.fields[$0] } + [location.map { record.fields[$0] } ?? ""]
      figures[record.fields[doc], default: []].append(FigureKey(fields))
    }
  }

  /// The sorted gold figures of the document in the file `name`.
  func expected(for name: String) -> [FigureKey] {
    figures[GoldFile.stem(name), default: []].sorted()
  }

  /// The sorted figures of `claims`, comparable with ``expected(for:)``.
  func found(_ claims: [Claim]) -> [FigureKey] {
    claims.map { FigureKey($0, includingLocation: hasLocation) }.sorted()
  }

  /// The claims of one file, read as `tally extract` reads it.
  static func claims(ofFile path: String) throws -> [Claim] {
    let reader = DocumentReader(extractor: Extractor(vocabulary: try Vocabulary.standard()))
    return try reader.read(.file(path)).claims
  }

  /// The file name without `.txt`, as gold files name documents.
  static func stem(_ name: String) -> String {
    name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
  }

  /// Checks that each claim's quote is the file's bytes at `[start, end)`.
  static func expectQuotesMatchBytes(
    _ claims: [Claim], path: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    for claim in claims {
      let inRange = 0 <= claim.start && claim.start <= claim.end && claim.end <= bytes.count
      #expect(inRange, "\(claim.quote): offsets \(claim.start)..<\(claim.end)", sourceLocation: sourceLocation)
      if inRange {
        #expect(
          String(decoding: bytes[claim.start..<claim.end], as: UTF8.self) == claim.quote,
          sourceLocation: sourceLocation)
      }
    }
  }
}
