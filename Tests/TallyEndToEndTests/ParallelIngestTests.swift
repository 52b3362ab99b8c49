import Foundation
import TallyBench
import TallyExtractor
import TallyLedger
import Testing

/// `--jobs` and progress through the binary, on a generated corpus.
@Suite(.serialized) struct ParallelIngestTests {
  /// A generated corpus of `bytes` bytes (1 MB is a little over 300 files, enough for progress to apply).
  static func corpus(in folder: TempFolder, bytes: Int = 400_000) throws -> CorpusGenerator.Stats {
    try CorpusGenerator(bytes: bytes, seed: 5, vocabulary: try Vocabulary.standard()).write(to: folder.path("corpus"))
  }

  /// A ledger's contents without the ingest times.
  static func contents(_ path: String) throws -> ([LedgerDocument], [LedgerClaim]) {
    let ledger = try Ledger.open(path: path)
    let documents = try ledger.documents().map { document -> LedgerDocument in
      var copy = document
      copy.ingestedAt = ""
      return copy
    }
    return (documents, try ledger.claims())
  }

  @Test("the ledger after ingest --jobs 1 equals the ledger after --jobs 2, ids included")
  func sameLedger() throws {
    let folder = try TempFolder()
    let stats = try Self.corpus(in: folder)
    let one = try Tally.run(["ingest", "--jobs", "1", "--db", "one.sqlite", "corpus"], in: folder.url)
    let two = try Tally.run(["ingest", "--jobs", "2", "--db", "two.sqlite", "corpus"], in: folder.url)
    #expect(one.exitCode == 0)
    #expect(two.exitCode == 0)
    #expect(one.stderr == "")
    #expect(two.stderr == "")
    #expect(one.stdout == two.stdout)
    #expect(one.stdout.hasPrefix("ingested \(stats.files) documents: \(stats.files) new, 0 unchanged"))
    let a = try Self.contents(folder.path("one.sqlite"))
    let b = try Self.contents(folder.path("two.sqlite"))
    #expect(a.0.count == stats.files)
    #expect(a.0.map(\.name) == a.0.map(\.name).sorted())
    #expect(a.0 == b.0)
    #expect(a.1.count > 500)
    #expect(a.1 == b.1)
    // Syndicated copies are sightings of the same claims.
    #expect(a.1.contains { $0.sightings.count > 1 })
  }

  @Test("extract prints the same bytes on 1 and 3 jobs")
  func sameExtractOutput() throws {
    let folder = try TempFolder()
    _ = try Self.corpus(in: folder)
    let one = try Tally.run(["extract", "--jobs", "1", "corpus"], in: folder.url)
    #expect(one.exitCode == 0)
    #expect(one.stdoutBytes.count > 50_000)
    let three = try Tally.run(["extract", "--jobs", "3", "corpus"], in: folder.url)
    #expect(three.exitCode == 0)
    #expect(three.stdoutBytes == one.stdoutBytes)
    let json = try Tally.run(["extract", "--format", "json", "--jobs", "2", "corpus"], in: folder.url)
    let jsonOne = try Tally.run(["extract", "--format", "json", "--jobs", "1", "corpus"], in: folder.url)
    #expect(json.stdoutBytes == jsonOne.stdoutBytes)
  }

  @Test("progress stays off standard error when it is not a terminal")
  func quietWhenNotATerminal() throws {
    let folder = try TempFolder()
    let stats = try Self.corpus(in: folder, bytes: 1_100_000)
    #expect(stats.files > 300)
    let ingest = try Tally.run(["ingest", "--db", "l.sqlite", "corpus"], in: folder.url)
    #expect(ingest.exitCode == 0)
    #expect(ingest.stderr == "")
    let extract = try Tally.run(["extract", "corpus"], in: folder.url)
    #expect(extract.exitCode == 0)
    #expect(extract.stderr == "")
  }

  @Test("--jobs 0 is a usage error")
  func badJobs() throws {
    let folder = try TempFolder()
    let result = try Tally.run(["ingest", "--jobs", "0", "--db", "l.sqlite", "corpus"], in: folder.url)
    #expect(result.exitCode == 1)
    #expect(result.stderr.hasPrefix("Error: --jobs 0: give 1 or more documents at once\n"))
  }
}
