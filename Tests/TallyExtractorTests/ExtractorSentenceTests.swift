import Testing
import TallyExtractor

/// One sentence and the figures it must give: value, qualifier, low, high, category, subject.
struct SentenceCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: [String]
  var testDescription: String { text }
  init(_ text: String, _ expected: String...) {
    self.text = text
    self.expected = expected
  }
}

@Suite("Extractor on single sentences")
struct ExtractorSentenceTests {
  static let extractor: Extractor? = try? Extractor(vocabulary: Vocabulary.standard())

  static func figures(_ text: String) throws -> [String] {
    let extractor = try #require(extractor)
    return extractor.claims(in: text, document: "t.txt", published: "2024-03-15").map {
      "\($0.value) \($0.qualifier.rawValue) \($0.low.map { String($0) } ?? "-") \($0.high.map { String($0) } ?? "-") \($0.category.rawValue) \($0.subject)"
    }
  }

  @Test("number forms and qualifiers", arguments: [
    SentenceCase("Shelling killed 1,250 civilians, officials said.", "1250 exact 1250 1250 killed civilian"),
    SentenceCase("Some 1 250 displaced people crowded into the school.", "1250 about - - displaced civilian"),
    SentenceCase("The agency said 1.2 million people had fled the region.", "1200000 exact 1200000 1200000 displaced civilian"),
    SentenceCase("Twenty-one soldiers were wounded in the raid.", "21 exact 21 21 wounded military"),
    SentenceCase("Forty two fighters were captured near the river.", "42 exact 42 42 captured military"),
    SentenceCase("One hundred and twenty people died in the floods of fighting.", "120 exact 120 120 killed unspecified"),
    SentenceCase("A dozen villagers were reported missing.", "12 exact 12 12 missing civilian"),
    SentenceCase("A couple of medics were hurt by shrapnel.", "2 exact 2 2 wounded civilian"),
    SentenceCase("Dozens of civilians were killed overnight.", "24 vague 24 - killed civilian"),
    SentenceCase("Thousands have fled the town since Monday.", "2000 vague 2000 - displaced civilian"),
    SentenceCase("Tens of thousands of people were displaced.", "20000 vague 20000 - displaced civilian"),
    SentenceCase("More than 300 soldiers were killed.", "300 more_than 301 - killed military"),
    SentenceCase("The strike killed upwards of 40 people.", "40 more_than 41 - killed unspecified"),
    SentenceCase("At least 12 civilians were injured.", "12 at_least 12 - wounded civilian"),
    SentenceCase("As many as 14 drones were shot down.", "14 up_to - 14 destroyed drone"),
    SentenceCase("Up to 60 militants were killed in the clashes.", "60 up_to - 60 killed military"),
    SentenceCase("Around 110 people were killed.", "110 about - - killed unspecified"),
    SentenceCase("Nearly 3,000 residents fled their homes.", "3000 about - - displaced civilian"),
    SentenceCase("Between 30 and 40 fighters were killed.", "30 range 30 40 killed military"),
    SentenceCase("The clashes left 10-15 soldiers dead.", "10 range 10 15 killed military"),
  ])
  func numbersAndQualifiers(_ c: SentenceCase) throws {
    #expect(try Self.figures(c.text) == c.expected)
  }

  @Test("categories", arguments: [
    SentenceCase("Armenia has reported 209 military deaths and 14 civilian fatalities.",
                 "209 exact 209 209 killed military", "14 exact 14 14 killed civilian"),
    SentenceCase("The blast killed five people and wounded 30.",
                 "5 exact 5 5 killed unspecified", "30 exact 30 30 wounded unspecified"),
    SentenceCase("The army said it had suffered 340 casualties.", "340 exact 340 340 casualties unspecified"),
    SentenceCase("Rebels took 25 soldiers prisoner, the ministry said.", "25 exact 25 25 captured military"),
    SentenceCase("Ganja, a city of more than 330,000, was shelled.", "330000 more_than 330001 - population "),
    SentenceCase("Two helicopters and 14 drones were destroyed.",
                 "2 exact 2 2 destroyed helicopter", "14 exact 14 14 destroyed drone"),
    SentenceCase("Forces seized control over seven villages on Saturday.", "7 exact 7 7 seized village"),
    SentenceCase("Russia launched 74 drones overnight, and 47 were shot down.", "47 exact 47 47 destroyed drone"),
  ])
  func categories(_ c: SentenceCase) throws {
    #expect(try Self.figures(c.text) == c.expected)
  }

  @Test("numbers that are not figures", arguments: [
    "A 45-year-old man was among those detained for questioning.",
    "The war ended in 1994 with a ceasefire.",
    "The talks lasted 48 hours and involved seven countries.",
    "The region covers some 4,400 square kilometres, 50 km from the border.",
    "Aid pledges reached $1.2 million, about 12% of the appeal.",
    "Fighting raged for a seventh day on Sunday at 10:54 GMT.",
    "Four Security Council resolutions demand a withdrawal.",
    "Azerbaijan has not confirmed any fatalities among its troops.",
    "No one was killed in the attack, officials said.",
    "Not a single soldier was captured, the ministry insisted.",
  ])
  func nonFigures(_ text: String) throws {
    #expect(try Self.figures(text) == [])
  }
}
