import Foundation
import Testing
import TallyExtractor

@Test func debugPrint() throws {
  guard let path = ProcessInfo.processInfo.environment["DBG_FILE"] else { return }
  let pub = ProcessInfo.processInfo.environment["DBG_PUB"]
  let text = try String(contentsOfFile: path, encoding: .utf8)
  let extractor = Extractor(vocabulary: try Vocabulary.standard())
  for c in extractor.claims(in: text, document: "x", published: pub) {
    print("CLAIM|\(c.value)|\(c.low.map{String($0)} ?? "")|\(c.high.map{String($0)} ?? "")|\(c.qualifier.rawValue)|\(c.category.rawValue)|\(c.subject)|\(c.party ?? "")|\(c.claimant ?? "")|\(c.asOf ?? "")|\(c.quote)|\(c.location ?? "")")
  }
}
