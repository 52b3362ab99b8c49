import Foundation
import Testing

/// `tally eval` against the shared seed articles.
@Suite struct EvalTests {
  /// `../shared` beside the package root: the seed articles and their gold file.
  static let shared = Tally.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

  // The seeds live outside the repository; in a checkout without ../shared the test is skipped,
  // and `swift test` lists it as skipped with this comment's condition.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: shared.appendingPathComponent("seed_gold.csv").path),
                 "../shared/seed_gold.csv is absent"))
  func seedsScorePerfectF1() throws {
    let result = try Tally.run(
      ["eval", "--gold", "../shared/seed_gold.csv", "../shared/seeds"], in: Tally.packageRoot)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.split(separator: "\n").contains("F1 = 1.000"))
  }

  @Test func missingGoldFileIsAnInputError() throws {
    let folder = try TempFolder()
    try folder.write("a.txt", "Armenia has reported 209 military deaths.\n")
    let result = try Tally.run(["eval", "--gold", "nowhere.csv", "a.txt"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(result.stdout == "")
    #expect(result.stderr == "Error: cannot read nowhere.csv: No such file or directory\n")
  }
}
