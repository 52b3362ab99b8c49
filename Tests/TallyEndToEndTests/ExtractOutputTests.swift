import Foundation
import Testing

/// `tally extract` output in its three formats, compared in full.
@Suite struct ExtractOutputTests {
  static let header =
    "document,source,published,claimant,party,category,subject,value,low,high,qualifier,as_of,location,quote,start,end\r\n"

  /// The one-sentence article of the conventions, with front matter.
  static let article = "---\nsource: Test Wire\npublished: 2020-10-04\n---\nArmenia has reported 209 military deaths.\n"

  /// A fresh two-paragraph article: a quoted CSV field, open-ended qualifiers, a weekday.
  static let floods = """
    ---
    source: Harbour Courier
    published: 2021-06-15
    ---
    Floods along the river have displaced more than 1,200 residents, the Red Cross said on Monday.

    At least 9 people are missing, officials said.

    """

  /// The claim of ``article`` as the keys and values every format carries; `nil` is empty or null.
  static let articleClaim: [String: String?] = [
    "document": "article.txt", "source": "Test Wire", "published": "2020-10-04", "claimant": "Armenia",
    "party": "Armenia", "category": "killed", "subject": "military", "value": "209", "low": "209", "high": "209",
    "qualifier": "exact", "as_of": "2020-10-04", "location": nil, "quote": "209 military deaths",
    "start": "69", "end": "88",
  ]

  @Test func csvHeaderIsExact() throws {
    let folder = try TempFolder()
    try folder.write("article.txt", Self.article)
    let result = try Tally.run(["extract", "article.txt"], in: folder.url)
    let firstLine = result.stdoutBytes.prefix { $0 != 0x0A } + [0x0A]
    #expect(String(decoding: firstLine, as: UTF8.self) == Self.header)
  }

  @Test func csvRowOfOneSentence() throws {
    let folder = try TempFolder()
    let path = try folder.write("article.txt", Self.article)
    let result = try Tally.run(["extract", "article.txt"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout
        == Self.header
        + "article.txt,Test Wire,2020-10-04,Armenia,Armenia,killed,military,209,209,209,exact,2020-10-04,,209 military deaths,69,88\r\n"
    )
    // start and end are byte offsets into the file, front matter included.
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(String(decoding: bytes[69..<88], as: UTF8.self) == "209 military deaths")
  }

  @Test func csvRowsOfFreshArticle() throws {
    let folder = try TempFolder()
    let path = try folder.write("floods.txt", Self.floods)
    let result = try Tally.run(["extract", "floods.txt"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout
        == Self.header
        + "floods.txt,Harbour Courier,2021-06-15,Red Cross,,displaced,civilian,1200,1201,,more_than,2021-06-14,,\"displaced more than 1,200 residents\",82,117\r\n"
        + "floods.txt,Harbour Courier,2021-06-15,,,missing,unspecified,9,9,,at_least,2021-06-14,,At least 9 people are missing,150,179\r\n"
    )
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(String(decoding: bytes[82..<117], as: UTF8.self) == "displaced more than 1,200 residents")
    #expect(String(decoding: bytes[150..<179], as: UTF8.self) == "At least 9 people are missing")
  }

  @Test func jsonHasTheSameKeysAndValues() throws {
    let folder = try TempFolder()
    try folder.write("article.txt", Self.article)
    let result = try Tally.run(["extract", "--format", "json", "article.txt"], in: folder.url)
    #expect(result.exitCode == 0)
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdoutBytes))
    let claims = try #require(parsed as? [[String: Any]])
    try #require(claims.count == 1)
    #expect(claims[0].mapValues(Self.jsonText) == Self.articleClaim)
  }

  @Test func jsonOfNoClaimsIsAnEmptyArray() throws {
    let folder = try TempFolder()
    try folder.write("calm.txt", "The harbour was quiet all week.\n")
    let result = try Tally.run(["extract", "--format", "json", "calm.txt"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stdout == "[]\n")
  }

  @Test func textHasTheValueAndTheQuote() throws {
    let folder = try TempFolder()
    try folder.write("article.txt", Self.article)
    let result = try Tally.run(["extract", "--format", "text", "article.txt"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(
      result.stdout == """
        document     value  qualifier  low  high  category  subject   party    claimant  as_of       location  quote
        article.txt  209    exact      209  209   killed    military  Armenia  Armenia   2020-10-04            209 military deaths
        1 claim

        """)
  }

  /// A JSON value as the text a CSV cell would hold: `nil` for null.
  static func jsonText(_ value: Any) -> String? {
    switch value {
    case is NSNull: nil
    case let text as String: text
    case let number as NSNumber: number.stringValue
    default: "\(value)"
    }
  }
}
