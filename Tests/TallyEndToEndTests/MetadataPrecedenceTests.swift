import Foundation
import Testing

/// Where `source` and `published` come from: flags, then front matter, then `sources.csv`.
@Suite struct MetadataPrecedenceTests {
  static let sentence = "Armenia has reported 209 military deaths.\n"

  /// The `source,published` cells and the `as_of` of every row of a CSV output, in order.
  static func provenance(_ result: RunResult) -> [String] {
    result.stdout.split(separator: "\r\n").dropFirst().map { line in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      return "\(cells[0])|\(cells[1])|\(cells[2])|\(cells[11])"
    }
  }

  /// Two articles and a `sources.csv`: one article has no front matter, the other names only its source.
  static func folder() throws -> TempFolder {
    let folder = try TempFolder()
    try folder.write("plain.txt", sentence)
    try folder.write("front.txt", "---\nsource: Front Wire\n---\n" + sentence)
    try folder.write(
      "sources.csv",
      "file,source,url,published\nplain.txt,Sidecar Daily,https://example.org/plain,2021-03-05\nfront.txt,Sidecar Daily,,2021-03-05\n"
    )
    return folder
  }

  @Test func flagsOverrideFrontMatter() throws {
    let folder = try TempFolder()
    try folder.write("article.txt", "---\nsource: Test Wire\npublished: 2020-10-04\n---\n" + Self.sentence)
    let result = try Tally.run(
      ["extract", "--source", "Flag Post", "--date", "2022-01-02", "article.txt"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(Self.provenance(result) == ["article.txt|Flag Post|2022-01-02|2022-01-02"])
  }

  @Test func sourcesFileFillsWhatFrontMatterLacks() throws {
    let folder = try Self.folder()
    let result = try Tally.run(["extract", "."], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(
      Self.provenance(result) == [
        "front.txt|Front Wire|2021-03-05|2021-03-05",
        "plain.txt|Sidecar Daily|2021-03-05|2021-03-05",
      ])
  }

  @Test func flagsBeatFrontMatterAndSourcesFile() throws {
    let folder = try Self.folder()
    let result = try Tally.run(["extract", "--source", "Flag Post", "--date", "2022-01-02", "."], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(
      Self.provenance(result) == [
        "front.txt|Flag Post|2022-01-02|2022-01-02",
        "plain.txt|Flag Post|2022-01-02|2022-01-02",
      ])
  }

  @Test func malformedSourcesFileIsAnInputError() throws {
    let folder = try TempFolder()
    try folder.write("plain.txt", Self.sentence)
    try folder.write("sources.csv", "file,source\n")
    let result = try Tally.run(["extract", "plain.txt"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(
      result.stderr
        == "error: ./sources.csv: line 1: expected header `file,source,url,published`, found `file,source`; expected columns file,source,url,published\n"
    )
    // The article is still read, without the sidecar's metadata.
    #expect(Self.provenance(result) == ["plain.txt|||"])
  }
}
