import Foundation
import Testing
import TallyExtractor

/// The sample articles of `data/articles/` that `make demo` reads, against their expected figures.
@Suite("Sample articles")
struct SampleArticlesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test("every expected figure is extracted with every attribute right, and nothing else")
  func sampleArticles() throws {
    let folder = Self.root.appendingPathComponent("data/articles").path
    let gold = try Evaluation.readGold(path: folder + "/expected.csv")
    #expect(gold.count == 18)
    var corpus = CorpusReader(reader: DocumentReader(extractor: Extractor(vocabulary: try Vocabulary.standard())))
    var claims: [Claim] = []
    let errors = corpus.read([folder]) { _, result in claims.append(contentsOf: result.claims) }
    #expect(errors.isEmpty)
    let evaluation = Evaluation(gold: gold, claims: claims)
    #expect(evaluation.missed.map(\.quote) == [])
    #expect(evaluation.extra.map(\.quote) == [])
    #expect(evaluation.disagreements.map { "\($0.gold.quote): \($0.attribute)" } == [])
    #expect(evaluation.overall.truePositives == 18)
  }
}
