import Foundation
import TallyExtractor
import TallyLedger
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `tally ingest` and `tally import` through the binary: output lines, exit codes, two processes
/// on one ledger, and a `kill -9` in the middle of a large ingest.
@Suite(.serialized) struct LedgerEndToEndTests {
  static let sudanArmy = """
    ---
    source: Delta Times
    published: 2021-04-02
    ---
    Fighting spread to the northern farms on Thursday. The Sudanese army said on Thursday that 14 soldiers were killed and 30 were wounded near Kadugli.

    """

  @Test func ingestTwiceThenEdit() throws {
    let folder = try TempFolder()
    try folder.write("articles/delta.txt", Self.sudanArmy)
    try folder.write("articles/post.txt", LedgerArticles.harbourPost)
    try folder.write("articles/herald.txt", LedgerArticles.valleyHerald)
    let first = try Tally.run(["ingest", "--db", "l.sqlite", "articles"], in: folder.url)
    #expect(first.stderr == "")
    #expect(first.stdout == "ingested 3 documents: 3 new, 0 unchanged, 0 updated, 0 failed; 3 claims added\n")
    #expect(first.exitCode == 0)
    let second = try Tally.run(["ingest", "--db", "l.sqlite", "articles"], in: folder.url)
    #expect(second.stderr == "")
    #expect(second.stdout == "ingested 3 documents: 0 new, 3 unchanged, 0 updated, 0 failed; 0 claims added\n")
    #expect(second.exitCode == 0)

    try folder.write("articles/delta.txt", Self.sudanArmy.replacingOccurrences(of: "14 soldiers", with: "19 soldiers"))
    let third = try Tally.run(["ingest", "--db", "l.sqlite", "articles"], in: folder.url)
    #expect(third.stderr == "updated: delta.txt (1 claim added)\n")
    #expect(third.stdout == "ingested 3 documents: 0 new, 2 unchanged, 1 updated, 0 failed; 1 claim added\n")
    #expect(third.exitCode == 0)

    let ledger = try Ledger.open(path: folder.path("l.sqlite"))
    #expect(try ledger.claims().map(\.value) == [30, 37, 19])
    #expect(try ledger.claims().map(\.sightings.count) == [1, 2, 1])
  }

  @Test func ledgerFromEnvironmentAndDefault() throws {
    let folder = try TempFolder()
    try folder.write("post.txt", LedgerArticles.harbourPost)
    func ingest(environment: [String: String]) throws -> Int32 {
      let process = Process()
      process.executableURL = Tally.binary
      process.arguments = ["ingest", "post.txt"]
      process.currentDirectoryURL = folder.url
      var env = ProcessInfo.processInfo.environment
      env["TALLY_DB"] = nil
      env.merge(environment) { $1 }
      process.environment = env
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus
    }
    #expect(try ingest(environment: ["TALLY_DB": "env/l.sqlite"]) == 0)
    #expect(FileManager.default.fileExists(atPath: folder.path("env/l.sqlite")))
    #expect(!FileManager.default.fileExists(atPath: folder.path("data/ledger.sqlite")))
    #expect(try ingest(environment: [:]) == 0)
    #expect(FileManager.default.fileExists(atPath: folder.path("data/ledger.sqlite")))
  }

  @Test func failedDocumentsAreCountedAndExitOne() throws {
    let folder = try TempFolder()
    try folder.write("post.txt", LedgerArticles.harbourPost)
    try folder.write("binary.txt", bytes: [0x41, 0x00, 0x42])
    let result = try Tally.run(["ingest", "--db", "l.sqlite", "post.txt", "binary.txt", "missing.txt"], in: folder.url)
    #expect(result.stdout == "ingested 3 documents: 1 new, 0 unchanged, 0 updated, 2 failed; 1 claim added\n")
    #expect(
      result.stderr
        == "error: missing.txt: no such file or folder; check the path\n"
        + "error: binary.txt: skipped: binary file (NUL byte at offset 1); tally reads plain-text articles\n")
    #expect(result.exitCode == 1)
  }

  @Test func standardInputIsNamedByItsHash() throws {
    let folder = try TempFolder()
    let bytes = Array(LedgerArticles.harbourPost.utf8)
    let result = try Tally.run(["ingest", "--db", "l.sqlite", "-"], in: folder.url, stdin: bytes)
    #expect(result.exitCode == 0)
    let documents = try Ledger.open(path: folder.path("l.sqlite")).documents()
    #expect(documents.map(\.name) == ["stdin-" + SHA256.hex(of: bytes).prefix(12)])
    #expect(documents.map(\.path) == [nil])
  }

  @Test func badLedgers() throws {
    let folder = try TempFolder()
    try folder.write("post.txt", LedgerArticles.harbourPost)
    let garbage = Array("not a ledger\n".utf8)
    try folder.write("notes.sqlite", bytes: garbage)
    let notSQLite = try Tally.run(["ingest", "--db", "notes.sqlite", "post.txt"], in: folder.url)
    #expect(notSQLite.stdout == "")
    #expect(notSQLite.stderr == "Error: notes.sqlite: file is not a database; move it away or pass another ledger with --db\n")
    #expect(notSQLite.exitCode == 1)
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.path("notes.sqlite")))) == garbage)

    let underFile = try Tally.run(["import", "--db", "post.txt/l.sqlite", "x.csv"], in: folder.url)
    #expect(underFile.stderr == "Error: post.txt/l.sqlite: cannot create the ledger's folder (post.txt is a file); create it or pass another ledger with --db\n")
    #expect(underFile.exitCode == 1)
  }

  @Test func importGoodThenBad() throws {
    let folder = try TempFolder()
    let header = Claim.columns.joined(separator: ",") + "\n"
    try folder.write(
      "manual.csv",
      header + "manual,Analyst,2021-03-20,South Sudan Health Ministry,South Sudan,killed,civilian,37,37,37,exact,2021-03-13,,,,\n"
        + "manual,Analyst,2021-03-20,UNHCR,South Sudan,displaced,unspecified,12000,,,about,2021-03,,,,\n")
    let good = try Tally.run(["import", "--db", "l.sqlite", "manual.csv"], in: folder.url)
    #expect(good.stdout == "imported 2 figures from manual.csv (2 new claims)\n")
    #expect(good.stderr == "")
    #expect(good.exitCode == 0)
    let again = try Tally.run(["import", "--db", "l.sqlite", "manual.csv"], in: folder.url)
    #expect(again.stdout == "imported 2 figures from manual.csv (0 new claims)\n")

    try folder.write(
      "bad.csv",
      header + "manual,,,,Armenia,killed,military,209,209,209,exact,2020-10-04,,,,\n"
        + "manual,,,,Armenia,killed,military,210,210,210,exactly,2020-10-05,,,,\n")
    let bad = try Tally.run(["import", "--db", "l.sqlite", "bad.csv"], in: folder.url)
    #expect(bad.stdout == "")
    #expect(
      bad.stderr
        == "Error: bad.csv: 1 bad row, nothing imported; fix it and import the file again:\n"
        + "line 3: qualifier `exactly` is not one of exact, more_than, at_least, up_to, about, range, vague\n")
    #expect(bad.exitCode == 1)
    #expect(try Ledger.open(path: folder.path("l.sqlite")).claimCount() == 2)
  }

  @Test func twoProcessesOnOneLedger() throws {
    let folder = try TempFolder()
    try LedgerArticles.writeArticles(count: 120, into: folder, prefix: "a/x")
    try LedgerArticles.writeArticles(count: 120, into: folder, prefix: "b/y", offset: 10_000)
    let binary = Tally.binary
    func start(_ subfolder: String) throws -> (Process, Pipe) {
      let process = Process()
      process.executableURL = binary
      process.arguments = ["ingest", "--db", "shared.sqlite", subfolder]
      process.currentDirectoryURL = folder.url
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.nullDevice
      try process.run()
      return (process, out)
    }
    let (first, firstOut) = try start("a")
    let (second, secondOut) = try start("b")
    let firstText = String(decoding: firstOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let secondText = String(decoding: secondOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    first.waitUntilExit()
    second.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(second.terminationStatus == 0)
    #expect(firstText.hasPrefix("ingested 120 documents: 120 new, 0 unchanged, 0 updated, 0 failed; "))
    #expect(secondText.hasPrefix("ingested 120 documents: 120 new, 0 unchanged, 0 updated, 0 failed; "))

    let alone = try Tally.run(["ingest", "--db", "alone.sqlite", "a", "b"], in: folder.url)
    #expect(alone.exitCode == 0)
    let shared = try Ledger.open(path: folder.path("shared.sqlite"))
    let reference = try Ledger.open(path: folder.path("alone.sqlite"))
    #expect(try shared.documentCount() == 240)
    #expect(try shared.claimCount() == reference.claimCount())
    #expect(try shared.sightingCount() == reference.sightingCount())
    #expect(try shared.integrityCheck() == "ok")
  }

  @Test func killNineDuringALargeIngest() throws {
    let folder = try TempFolder()
    // About 3 MB: three times what the first batch holds (1 MB), so that the first commit comes
    // while most documents are still to be stored, however fast extraction is.
    let total = 12_000
    try LedgerArticles.writeArticles(count: total, into: folder, prefix: "corpus/n")
    let ledgerPath = folder.path("big.sqlite")
    let process = Process()
    process.executableURL = Tally.binary
    process.arguments = ["ingest", "--db", ledgerPath, "corpus"]
    process.currentDirectoryURL = folder.url
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait for the first batch of documents to be committed, let the ingest run a little longer,
    // then kill it without warning.
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: ledgerPath + "-wal") && Date() < deadline { usleep(10_000) }
    while Date() < deadline, (try? Ledger.open(path: ledgerPath).documentCount()) ?? 0 == 0 { usleep(20_000) }
    usleep(100_000)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)

    let ledger = try Ledger.open(path: ledgerPath)
    #expect(try ledger.integrityCheck() == "ok")
    let documents = try ledger.documents()
    #expect(!documents.isEmpty)
    #expect(documents.count < total, "the ingest finished before the kill; the test proves less")
    // Every document present carries every claim a fresh extraction finds, at the same offsets.
    var sightings: [String: [(Int, Int)]] = [:]
    for claim in try ledger.claims() {
      for sighting in claim.sightings { sightings[sighting.document, default: []].append((sighting.start, sighting.end)) }
    }
    let reader = DocumentReader(extractor: Extractor(vocabulary: try Vocabulary.standard()))
    for document in documents {
      let fresh = try reader.read(.file(folder.path("corpus/" + document.name)))
      #expect(document.sha256 == fresh.sha256)
      let stored = (sightings[document.name] ?? []).sorted { $0 < $1 }
      let expected = fresh.claims.map { ($0.start, $0.end) }.sorted { $0 < $1 }
      #expect(stored.map(\.0) == expected.map(\.0), "\(document.name)")
      #expect(stored.map(\.1) == expected.map(\.1), "\(document.name)")
    }

    // The next ingest completes the rest; the result equals an uninterrupted run.
    let rest = try Tally.run(["ingest", "--db", ledgerPath, "corpus"], in: folder.url)
    #expect(rest.exitCode == 0)
    #expect(
      rest.stdout.hasPrefix(
        "ingested \(total) documents: \(total - documents.count) new, \(documents.count) unchanged, 0 updated, 0 failed; "))
    let whole = try Tally.run(["ingest", "--db", "whole.sqlite", "corpus"], in: folder.url)
    #expect(whole.exitCode == 0)
    let reference = try Ledger.open(path: folder.path("whole.sqlite"))
    #expect(try ledger.documentCount() == total)
    #expect(try ledger.claimCount() == reference.claimCount())
    #expect(try ledger.sightingCount() == reference.sightingCount())
    #expect(try ledger.integrityCheck() == "ok")
  }
}

/// Articles for the ledger tests, written for them.
enum LedgerArticles {
  /// Small generated articles: a figure of their own and two statements shared by all
  /// (syndication), over a week of publication dates.
  static func writeArticles(count: Int, into folder: TempFolder, prefix: String, offset: Int = 0) throws {
    for i in 0..<count {
      let n = i + offset
      try folder.write(
        "\(prefix)\(String(n + 100_000)).txt",
        """
        ---
        source: Outlet \(n % 13)
        published: 2021-05-0\(n % 7 + 1)
        ---
        The Sudanese army said on Thursday that \(100 + n) soldiers were killed near Kadugli. South Sudan's Health Ministry said on Saturday that 37 civilians were killed in the shelling of Malakal.

        """)
    }
  }

  static let harbourPost = """
    ---
    source: Harbour Post
    published: 2021-03-14
    ---
    Artillery fire struck the river port of Malakal overnight. South Sudan's Health Ministry said on Saturday that 37 civilians were killed in the shelling.

    """
  static let valleyHerald = """
    ---
    source: Valley Herald
    published: 2021-03-15
    ---
    South Sudan's Health Ministry said on Saturday that 37 civilians were killed in the shelling of Malakal, where rounds landed near the market. Aid convoys were turned back at the bridge.

    """
}
