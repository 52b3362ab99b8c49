import TallyExtractor
import Testing

@Suite("FrontMatter")
struct MetadataFrontMatterTests {
  @Test("Reads the four fields and reports where the body starts")
  func basic() throws {
    let text = """
      ---
      title: Azerbaijan, Armenia Clashes Intensify in Karabakh
      source: Press TV
      url: https://example.com/news/2020/10/04?id=1#top
      published: 2020-10-04
      ---
      Intense fighting rages on.
      """
    let (metadata, bodyStart) = try #require(try FrontMatter.parse(text))
    #expect(
      metadata
        == DocumentMetadata(
          title: "Azerbaijan, Armenia Clashes Intensify in Karabakh", source: "Press TV",
          url: "https://example.com/news/2020/10/04?id=1#top", published: "2020-10-04"))
    #expect(
      String(decoding: Array(text.utf8)[bodyStart...], as: UTF8.self)
        == "Intense fighting rages on.")
  }

  @Test("Allows a byte order mark, CRLF line ends, quotes, any key case and unknown keys")
  func tolerant() throws {
    let text =
      "\u{FEFF}---\r\nTitle: \"Clashes: \\\"the worst\\\" since 1994\"\r\nauthor: Jane Doe\r\n"
      + "tags: [war, caucasus]\r\n# a comment\r\n\r\nSOURCE: 'Reuters'' wire'\r\n---\r\nBody"
    let (metadata, bodyStart) = try #require(try FrontMatter.parse(text))
    #expect(metadata.title == "Clashes: \"the worst\" since 1994")
    #expect(metadata.source == "Reuters' wire")
    #expect(metadata.url == nil && metadata.published == nil)
    #expect(bodyStart == text.utf8.count - 4)
  }

  @Test("Empty values are absent, and a later key overrides an earlier one")
  func emptyAndRepeated() throws {
    let text = "---\ntitle:\nsource: AFP\nsource: Reuters\nurl: \"\"\n---\n"
    let (metadata, bodyStart) = try #require(try FrontMatter.parse(text))
    #expect(metadata == DocumentMetadata(source: "Reuters"))
    #expect(bodyStart == text.utf8.count)
  }

  @Test("The closing line may end the file")
  func closingAtEnd() throws {
    let text = "---\nsource: AFP\n---"
    let result = try #require(try FrontMatter.parse(text))
    #expect(result.metadata.source == "AFP")
    #expect(result.bodyStart == 19)
  }

  @Test(
    "Files that do not open with a --- line have no front matter",
    arguments: [
      "Headline\n---\ntitle: x\n---\n", "----\ntitle: x\n----\n", " ---\ntitle: x\n---\n",
      "", "---", "--- title: x\n---\n", "\u{FEFF}Headline",
    ])
  func absent(text: String) throws {
    #expect(try FrontMatter.parse(text) == nil)
  }

  @Test("A --- line never closed is plain text, unless a known key follows it")
  func unterminated() throws {
    #expect(try FrontMatter.parse("---\nA horizontal rule above the story.\n\nMore text.\n") == nil)
    #expect(throws: MetadataError.unterminatedFrontMatter) {
      try FrontMatter.parse("---\ntitle: Clashes\npublished: 2020-10-04\nBody text\n")
    }
  }

  @Test(
    "A published value that is not a YYYY-MM-DD date is an error",
    arguments: [
      "2020-13-01", "October 4, 2020", "2020-10-4", "2020-10", "2020-02-30", "\"\u{20}2020-10-04\"",
    ])
  func invalidPublished(value: String) throws {
    let text = "---\npublished: \(value)\n---\nBody"
    let unquoted = value.hasPrefix("\"") ? String(value.dropFirst().dropLast()) : value
    #expect(throws: MetadataError.invalidDate(field: "published", value: unquoted)) {
      try FrontMatter.parse(text)
    }
  }

  @Test("Errors read as one clear line")
  func messages() {
    #expect(
      MetadataError.invalidDate(field: "published", value: "2020-13-01").description
        == "front matter field 'published' is '2020-13-01', which is not a valid YYYY-MM-DD date")
    #expect(
      MetadataError.unterminatedFrontMatter.description
        == "front matter opened with '---' on the first line is never closed by a '---' line")
  }

  @Test("The buffer entry point works on raw bytes")
  func buffer() throws {
    let bytes = Array("---\npublished: \"2020-10-04\"\n---\nText".utf8)
    let result = try bytes.withUnsafeBufferPointer { buffer throws(MetadataError) in
      try FrontMatter.parse(buffer)
    }
    #expect(result?.metadata.published == "2020-10-04")
    #expect(result?.bodyStart == 32)
  }

  @Test("filling(from:) keeps what is known and fills the rest")
  func filling() {
    let flags = DocumentMetadata(source: "Reuters")
    let inferred = DocumentMetadata(title: "Clashes", source: "Press TV", published: "2020-10-04")
    #expect(
      flags.filling(from: inferred)
        == DocumentMetadata(title: "Clashes", source: "Reuters", published: "2020-10-04"))
    #expect(DocumentMetadata().filling(from: DocumentMetadata()) == DocumentMetadata())
  }
}
