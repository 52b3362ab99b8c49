import Foundation
import TallyExtractor
import Testing

/// `../shared/seeds` next to the package root: `/work/shared/seeds` for the worktrees.
private let seedsDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()  // TallyExtractorTests
  .deletingLastPathComponent()  // Tests
  .deletingLastPathComponent()  // package root
  .deletingLastPathComponent()
  .appendingPathComponent("shared/seeds").path

private func infer(_ text: String) -> DocumentMetadata {
  let bytes = Array(text.utf8)
  let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
  let tail = String(decoding: bytes.suffix(4096), as: UTF8.self)
  return MetadataInference.infer(head: head, tail: tail)
}

@Suite("MetadataInference")
struct MetadataInferenceTests {
  @Test(
    "Seed articles",
    .enabled(
      if: FileManager.default.fileExists(atPath: seedsDirectory),
      "the seed articles in ../shared/seeds are not present; skipping"),
    arguments: [
      ("000_056a6789485d9fa3", "2020-10-05", "Windowofworld.com"),
      ("001_b082ab4a923e1df2", "2020-10-04", nil),
      ("002_1801fe88208fa2f1", "2020-10-04", "Press TV"),
      ("003_37305f08884328e6", "2020-09-28", nil),
      ("004_cb372d90f576539b", nil, nil),
    ] as [(String, String?, String?)])
  func seeds(name: String, published: String?, source: String?) throws {
    let text = try String(contentsOfFile: seedsDirectory + "/\(name).txt", encoding: .utf8)
    let metadata = infer(text)
    #expect(metadata.published == published)
    #expect(metadata.source == source)
    #expect(metadata.url == nil)
  }

  @Test(
    "Seed titles",
    .enabled(
      if: FileManager.default.fileExists(atPath: seedsDirectory),
      "the seed articles in ../shared/seeds are not present; skipping"),
    arguments: [
      ("000_056a6789485d9fa3", "Missiles War Goes Wild in the Armenia vs Azerbaijan Conflict"),
      ("001_b082ab4a923e1df2", "AZERBAIJAN CLAIMS ADVANCE IN KARABAKH HOISTS FLAG OVER MADAGIZ"),
      ("002_1801fe88208fa2f1", "Azerbaijan, Armenia Clashes Intensify in Karabakh"),
      ("003_37305f08884328e6", "Fighting erupts between Armenia, Azerbaijan in disputed area"),
      // The first line is a 205-character paragraph, not a headline.
      ("004_cb372d90f576539b", nil),
    ] as [(String, String?)])
  func seedTitles(name: String, title: String?) throws {
    let text = try String(contentsOfFile: seedsDirectory + "/\(name).txt", encoding: .utf8)
    #expect(infer(text).title == title)
  }

  @Test(
    "Datelines",
    arguments: [
      (
        "Clashes Intensify\n\nPublished October 4th, 2020 - 10:54 GMT\nA woman lights a candle on October 5, 2020. AFP\n",
        "2020-10-04"
      ),
      ("Headline\nUpdated: 5 October 2020\nPublished: 4 October 2020\nText.\n", "2020-10-04"),
      ("Headline\nLast updated Oct. 6, 2020 09:12 UTC\nText.\n", "2020-10-06"),
      ("Headline\n2020-10-04\nText.\n", "2020-10-04"),
      ("Headline\nMonday, October 5, 2020\nText.\n", "2020-10-05"),
      ("Headline\nBy Jane Doe | Published Oct 4, 2020, 10:54 a.m. ET\nText.\n", "2020-10-04"),
      ("Headline\nPosted on 12/10/2020 at 14:00\nText.\n", "2020-10-12"),
      ("Headline\n4 October 2020 14:05 local time\nText.\n", "2020-10-04"),
      ("Заголовок\n\nПонедельник, 28 Сен, 2020\n\nТекст.\n", "2020-09-28"),
      ("Headline\n\nSun 04 October 2020:\n\nA photo taken on October 2, 2020.\n", "2020-10-04"),
      (
        "Headline\nMenu\nHome\nWorld\n\nAs quoted by CNN, Monday (5/10/2020), he said.\n",
        "2020-10-05"
      ),
      ("Le titre\n\nlundi 5 octobre 2020\n\nTexte.\n", "2020-10-05"),
    ])
  func datelines(text: String, published: String) {
    #expect(infer(text).published == published)
  }

  @Test(
    "No publication date unless a dateline says so",
    arguments: [
      "Headline\n\nA woman lights a candle on October 4, 2020. AFP\n",
      "Headline\n2020\nText.\n",
      "Headline\nOctober 2020\nText.\n",
      "Headline\nBAKU, Oct 4 (AP) — Azerbaijan said on Sunday.\n",
      "Headline\nThe report published October 4, 2020 found that 12 people died.\n",
      "Headline\n\nFighting began on Sunday, September 27, 2020, officials said.\n",
      "",
    ])
  func noDateline(text: String) {
    #expect(infer(text).published == nil)
  }

  @Test("A dateline far down the page does not count")
  func datelineTooLate() {
    let filler = (1...24).map {
      "Paragraph \($0) of the story, with enough words to push the page past 1.5 KB."
    }.joined(separator: "\n\n")
    #expect(infer("Headline\n\n" + filler + "\n\nOctober 4, 2020\n").published == nil)
    #expect(infer("Headline\n\nOctober 4, 2020\n\n" + filler).published == "2020-10-04")
  }

  @Test(
    "Sources",
    arguments: [
      (
        "Headline\n\nText.\n\nCopyright © 2022 Press TV. All rights reserved.\n\nYou may also like\n",
        "Press TV"
      ),
      ("Headline\n\nText.\n\n© 2020 Reuters\n", "Reuters"),
      ("Headline\n\nText.\n\n(c) AFP 2020\n", "AFP"),
      (
        "Headline\n\nText.\n\nCopyright 2020 The Associated Press. All rights reserved. This material may not be published.\n",
        "The Associated Press"
      ),
      (
        "Headline\n\nText.\n\n© Copyright 2018-2020, Trend News Agency | All rights reserved\n",
        "Trend News Agency"
      ),
      ("Headline\n\nNews.az – Azerbaijan's Defense Ministry said on Sunday.\n", "News.az"),
      ("Headline\n\nCaucasus Watch – The exchange of fire continued.\n", "Caucasus Watch"),
      ("Headline\n\nYEREVAN (Reuters) - Armenia said on Sunday.\n", "Reuters"),
      ("Headline\n\nBAKU, Oct 4 (AP) — Azerbaijan said on Sunday.\n", "AP"),
      ("Headline\n\nMOSCOW, October 4 (Reuters) - Russia said.\n", "Reuters"),
      ("Headline\n\nYerevan (AFP) - Armenia said.\n", "AFP"),
      ("Headline\nBy Jane Doe, Reuters\n\nText.\n", "Reuters"),
      ("Headline\nBy Jane Doe and John Roe for Al Jazeera\n\nText.\n", "Al Jazeera"),
      ("Headline\n\nText.\n\nSource: Anadolu Agency\n", "Anadolu Agency"),
      // The copyright line beats a wire dateline: the outlet republished a wire story.
      ("Headline\n\nYEREVAN (Reuters) - Text.\n\n© 2020 Press TV\n", "Press TV"),
    ])
  func sources(text: String, source: String) {
    #expect(infer(text).source == source)
  }

  @Test(
    "No source unless a rule finds one",
    arguments: [
      "Headline\n\nMostly mountainous Nagorno-Karabakh - a region some 4,400 square kilometers.\n",
      "Headline\n\nYerevan: The fierce fighting continues.\n",
      "Headline\nBy Jane Doe, Staff Writer\n\nText.\n",
      "Headline\n\nThe law's section (c) 2 applies.\n",
      "Headline\n\nHe cited copyright law.\n",
      "Headline\n\nSome text (NKR) – more text.\n",
    ])
  func noSource(text: String) {
    #expect(infer(text).source == nil)
  }

  @Test("A photo credit in the head is not the outlet")
  func photoCredit() {
    let head = "Headline\n\nPhoto: © AFP\n\nText.\n"
    #expect(MetadataInference.infer(head: head, tail: "The end.").source == nil)
  }

  @Test(
    "Titles",
    arguments: [
      ("\n\n  Clashes Intensify in Karabakh  \nText.", "Clashes Intensify in Karabakh"),
      ("\u{FEFF}Headline\nText.", "Headline"),
      ("October 4, 2020\nText.", nil),
      ("Sun 04 October 2020:\nText.", nil),
      (String(repeating: "word ", count: 50) + "\nText.", nil),
      ("***\nText.", nil),
      ("", nil),
    ] as [(String, String?)])
  func titles(text: String, title: String?) {
    #expect(infer(text).title == title)
  }
}
