import Foundation
import TallyCSV
import TallyExtractor
import TallyLedger
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` at random points of `tally ingest`, `tally report` and `tally import`, and several
/// tally processes on one ledger at once: nothing half-written is ever seen, and the end result
/// is the one of an uninterrupted, sequential run.
@Suite struct CrashSafetyTests {
  /// What a ledger holds, independent of row ids: every claim with its sightings.
  static func content(_ ledger: Ledger) throws -> Set<String> {
    var lines: Set<String> = []
    for claim in try ledger.claims() {
      let key = [
        claim.claimant ?? "", claim.party ?? "", claim.category.rawValue, claim.subject, String(claim.value),
        claim.low.map(String.init) ?? "", claim.high.map(String.init) ?? "", claim.qualifier.rawValue,
        claim.asOf ?? "", claim.location ?? "",
      ].joined(separator: "|")
      lines.insert("claim " + key)
      for sighting in claim.sightings {
        lines.insert("sighting \(key) @ \(sighting.document) \(sighting.start)..<\(sighting.end) \(sighting.quote)")
      }
    }
    return lines
  }

  /// Starts `tally` with `arguments` in `folder`, output discarded; standard error goes to the
  /// file `errors` in `folder` when given, so that a failure can say why.
  static func start(_ arguments: [String], in folder: TempFolder, errors: String? = nil) throws -> Process {
    let process = Process()
    process.executableURL = Tally.binary
    process.arguments = arguments
    process.currentDirectoryURL = folder.url
    process.standardOutput = FileHandle.nullDevice
    if let errors {
      try folder.write(errors, "")
      process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path(errors)))
    } else {
      process.standardError = FileHandle.nullDevice
    }
    try process.run()
    return process
  }

  /// Kills `process` with SIGKILL after `delay` seconds unless it exits first; true when killed.
  static func kill(_ process: Process, after delay: Double) -> Bool {
    let deadline = Date().addingTimeInterval(delay)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    guard process.isRunning else { return false }
    Glibc.kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal
  }

  /// Checks that every document in the ledger holds exactly the claims a fresh extraction finds.
  static func expectWholeDocuments(_ ledger: Ledger, corpus: String) throws {
    #expect(try ledger.integrityCheck() == "ok")
    var stored: [String: [Int]] = [:]
    for claim in try ledger.claims() {
      for sighting in claim.sightings { stored[sighting.document, default: []].append(sighting.start) }
    }
    let reader = DocumentReader(extractor: Extractor(vocabulary: try Vocabulary.standard()))
    for document in try ledger.documents() {
      let fresh = try reader.read(.file(corpus + "/" + document.name))
      #expect(document.sha256 == fresh.sha256)
      #expect((stored[document.name] ?? []).sorted() == fresh.claims.map(\.start).sorted(), "\(document.name)")
    }
  }

  @Test func ingestKilledRepeatedly() throws {
    let folder = try TempFolder()
    let total = 1500
    try LedgerArticles.writeArticles(count: total, into: folder, prefix: "corpus/n")
    // The kills land at random fractions of an uninterrupted run's duration on this machine.
    let began = Date()
    let reference = try Tally.run(["ingest", "--db", "whole.sqlite", "corpus"], in: folder.url)
    let duration = Date().timeIntervalSince(began)
    #expect(reference.exitCode == 0)
    var generator = SystemRandomNumberGenerator()
    var kills = 0
    for _ in 0..<4 {
      let process = try Self.start(["ingest", "--db", "big.sqlite", "corpus"], in: folder)
      if Self.kill(process, after: duration * Double.random(in: 0.1...0.8, using: &generator)) { kills += 1 }
      let ledger = try Ledger.open(path: folder.path("big.sqlite"))
      try Self.expectWholeDocuments(ledger, corpus: folder.path("corpus"))
    }
    #expect(kills >= 2, "the ingests finished before the kills; the test proves less")
    let rest = try Tally.run(["ingest", "--db", "big.sqlite", "corpus"], in: folder.url)
    #expect(rest.exitCode == 0)
    let ledger = try Ledger.open(path: folder.path("big.sqlite"))
    #expect(try ledger.documentCount() == total)
    #expect(try Self.content(ledger) == Self.content(Ledger.open(path: folder.path("whole.sqlite"))))
  }

  @Test func reportKilledRepeatedly() throws {
    let folder = try TempFolder()
    try LedgerArticles.writeArticles(count: 800, into: folder, prefix: "corpus/n")
    #expect(try Tally.run(["ingest", "--db", "l.sqlite", "corpus"], in: folder.url).exitCode == 0)
    let names = ["claims.csv", "daily.csv", "compare.csv", "findings.csv", "summary.txt", "chart.svg"]
    // The kills land at random fractions of how long an uninterrupted run takes on this machine,
    // so that they fall inside the run whether the build is fast or slow.
    let began = Date()
    #expect(try Tally.run(["report", "--db", "l.sqlite", "--out", "reference"], in: folder.url).exitCode == 0)
    let duration = Date().timeIntervalSince(began)
    var expected: [String: Data] = [:]
    for name in names { expected[name] = try Data(contentsOf: URL(fileURLWithPath: folder.path("reference/" + name))) }

    var generator = SystemRandomNumberGenerator()
    var kills = 0
    for _ in 0..<10 where kills < 4 {
      let process = try Self.start(["report", "--db", "l.sqlite", "--out", "out"], in: folder)
      if Self.kill(process, after: duration * Double.random(in: 0.05...0.8, using: &generator)) { kills += 1 }
      // Each report file is absent or complete; a killed run may leave NAME.tmp-PID files.
      for name in names where FileManager.default.fileExists(atPath: folder.path("out/" + name)) {
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("out/" + name))) == expected[name], "\(name)")
      }
    }
    #expect(kills >= 2, "the reports finished before the kills; the test proves less")
    // The next run removes the temporary files of the dead runs (one more is planted, as a run
    // killed between creating and renaming it leaves), and leaves other files alone.
    try folder.write("out/claims.csv.tmp-3999999", "half")
    try folder.write("out/notes.txt.tmp-3999999", "not ours")
    let last = try Tally.run(["report", "--db", "l.sqlite", "--out", "out"], in: folder.url)
    #expect(last.exitCode == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted() == (names + ["notes.txt.tmp-3999999"]).sorted())
  }

  @Test func importKilledRepeatedly() throws {
    let folder = try TempFolder()
    let rows = 20_000
    var csv = Claim.columns.joined(separator: ",") + "\n"
    for i in 0..<rows {
      csv += "manual-\(i % 50),Analyst,2021-03-20,UNHCR,South Sudan,displaced,unspecified,\(1000 + i),,,about,2021-03,,,,\n"
    }
    try folder.write("figures.csv", csv)
    // The kills land at random fractions of an uninterrupted import's duration on this machine.
    let began = Date()
    #expect(try Tally.run(["import", "--db", "timing.sqlite", "figures.csv"], in: folder.url).exitCode == 0)
    let duration = Date().timeIntervalSince(began)
    var generator = SystemRandomNumberGenerator()
    var kills = 0
    // An import that finishes before its kill (the timing run was slow, say) leaves every row: the
    // ledger is then removed and the next kill comes earlier, so that kills do land.
    var scale = 1.0
    for _ in 0..<12 where kills < 2 {
      let process = try Self.start(["import", "--db", "l.sqlite", "figures.csv"], in: folder)
      if Self.kill(process, after: duration * scale * Double.random(in: 0.1...0.9, using: &generator)) { kills += 1 }
      guard FileManager.default.fileExists(atPath: folder.path("l.sqlite")) else { continue }
      let complete: Bool = try {
        let ledger = try Ledger.open(path: folder.path("l.sqlite"))
        #expect(try ledger.integrityCheck() == "ok")
        // All or nothing: no rows, or every row.
        #expect([0, rows].contains(try ledger.importedFigureCount()))
        #expect([0, rows].contains(try ledger.claimCount()))
        #expect([0, 50].contains(try ledger.documentCount()))
        return try ledger.importedFigureCount() == rows
      }()
      if complete {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: folder.path("l.sqlite" + suffix)) }
        scale *= 0.6
      }
    }
    #expect(kills >= 1, "the imports finished before the kills; the test proves less")
    let last = try Tally.run(["import", "--db", "l.sqlite", "figures.csv"], in: folder.url)
    #expect(last.exitCode == 0)
    let ledger = try Ledger.open(path: folder.path("l.sqlite"))
    #expect(try ledger.importedFigureCount() == rows)
    #expect(try ledger.claimCount() == rows)
  }

  @Test(arguments: [2, 4]) func parallelIngestsEqualASequentialOne(processes: Int) throws {
    let folder = try TempFolder()
    // Overlapping sets: set k holds batches k and k+1, so every batch is ingested twice at once.
    let batch = 60
    for b in 0...processes {
      try LedgerArticles.writeArticles(count: batch, into: folder, prefix: "batch\(b)/n", offset: b * batch)
    }
    for k in 0..<processes {
      for b in [k, k + 1] {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path("batch\(b)")) {
          try FileManager.default.createDirectory(atPath: folder.path("set\(k)"), withIntermediateDirectories: true)
          try FileManager.default.copyItem(atPath: folder.path("batch\(b)/\(name)"), toPath: folder.path("set\(k)/\(name)"))
        }
      }
    }
    let all = (0...processes).map { "batch\($0)" }
    let sequential = try Tally.run(["ingest", "--db", "sequential.sqlite"] + all, in: folder.url)
    #expect(sequential.exitCode == 0)

    let running = try (0..<processes).map {
      try Self.start(["ingest", "--db", "shared.sqlite", "set\($0)"], in: folder, errors: "errors\($0).txt")
    }
    // A report taken while they run sees each document with all of its claims or not at all.
    var reports = 0
    while running.contains(where: \.isRunning) {
      let report = try Tally.run(["report", "--db", "shared.sqlite", "--out", "r"], in: folder.url)
      guard report.exitCode == 0 else { continue }  // the ledger may not exist yet
      reports += 1
      var rowsPerDocument: [String: Int] = [:]
      for record in try CSVReader.records(atPath: folder.path("r/claims.csv")).dropFirst() {
        rowsPerDocument[record.fields[0], default: 0] += 1
      }
      // Every article yields two figures.
      #expect(rowsPerDocument.values.allSatisfy { $0 == 2 }, "\(rowsPerDocument.filter { $0.value != 2 })")
    }
    for (k, process) in running.enumerated() {
      process.waitUntilExit()
      let errors = (try? String(contentsOfFile: folder.path("errors\(k).txt"), encoding: .utf8)) ?? ""
      #expect(process.terminationStatus == 0, "ingest of set\(k): \(errors)")
    }
    #expect(reports >= 1)
    let shared = try Ledger.open(path: folder.path("shared.sqlite"))
    #expect(try shared.integrityCheck() == "ok")
    #expect(try shared.documentCount() == (processes + 1) * batch)
    #expect(try Self.content(shared) == Self.content(Ledger.open(path: folder.path("sequential.sqlite"))))
  }
}
