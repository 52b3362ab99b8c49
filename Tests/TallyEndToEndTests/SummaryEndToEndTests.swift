import Foundation
import Testing

/// `tally summary` through the binary, on the sample articles that `make demo` reads.
@Suite(.serialized) struct SummaryEndToEndTests {
  /// The sample brief shown in the README, section "The brief".
  static func readmeBrief() throws -> String {
    let readme = try String(contentsOf: Tally.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "\n## The brief\n"))
    let open = try #require(readme.range(of: "```text\n", range: section.upperBound..<readme.endIndex))
    let close = try #require(readme.range(of: "\n```\n", range: open.upperBound..<readme.endIndex))
    return String(readme[open.upperBound..<close.lowerBound]) + "\n"
  }

  @Test func summaryOfTheSampleArticlesIsTheREADMEs() throws {
    let folder = try ReconcileEndToEndTests.ledger()
    let result = try Tally.run(["summary", "--db", "l.sqlite"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(result.stdout == (try Self.readmeBrief()))
  }

  @Test func toGivesTheBriefAsItStood() throws {
    let folder = try ReconcileEndToEndTests.ledger()
    let result = try Tally.run(["summary", "--db", "l.sqlite", "--to", "2020-10-04"], in: folder.url)
    #expect(result.exitCode == 0)
    #expect(result.stdout.contains("Population of Ganja: more than 330,000, from 1 claimant\n"))
    #expect(!result.stdout.contains("Windowofworld.com"))
  }

  @Test func badDatesAndMissingLedgers() throws {
    let folder = try TempFolder()
    let badDate = try Tally.run(["summary", "--db", "none.sqlite", "--from", "2020-13-01"], in: folder.url)
    #expect(badDate.exitCode == 1)
    #expect(badDate.stderr.hasPrefix("Error: --from 2020-13-01: not a date; use YYYY-MM-DD, YYYY-MM or YYYY\n"))
    let missing = try Tally.run(["summary", "--db", "none.sqlite"], in: folder.url)
    #expect(missing.exitCode == 1)
    #expect(missing.stderr.hasPrefix("Error: none.sqlite: no ledger there yet"))
  }
}
