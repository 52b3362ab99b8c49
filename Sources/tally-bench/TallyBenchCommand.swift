import ArgumentParser
import Foundation
import TallyBench
import TallyExtractor

#if canImport(Glibc)
import Glibc
#endif

/// `tally-bench`: generates synthetic corpora and measures tally on them.
@main
struct TallyBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tally-bench",
    abstract: "Generate synthetic wire reports and measure tally's extraction, ingest, reports and export.",
    subcommands: [CorpusCommand.self, RunCommand.self, StepCommand.self],
    defaultSubcommand: RunCommand.self)
}

/// `tally-bench corpus`: writes a synthetic corpus.
struct CorpusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "corpus",
    abstract: "Write N MB of synthetic wire reports (the same seed gives the same bytes).",
    discussion: """
      Example:
        tally-bench corpus --megabytes 10 --seed 1 --out /tmp/corpus-10mb
      """)

  @Option(help: "How many megabytes (10^6 bytes) to write.")
  var megabytes: Int

  @Option(help: "The seed of the pseudo-random sequence.")
  var seed: UInt64 = 1

  @Option(help: ArgumentHelp("The folder to write to (created if missing).", valueName: "DIR"))
  var out: String

  func validate() throws {
    if megabytes < 1 { throw ValidationError("--megabytes \(megabytes): give 1 or more") }
  }

  func run() throws {
    let start = BenchClock.now()
    let generator = CorpusGenerator(bytes: megabytes * 1_000_000, seed: seed, vocabulary: try Vocabulary.standard())
    let stats = try generator.write(to: out)
    print(
      "wrote \(stats.files) files, \(stats.bytes) bytes (\(stats.duplicates) syndicated copies) to \(out) in "
        + String(format: "%.1f s", BenchClock.now() - start))
  }
}

/// `tally-bench step`: one measured step, run by `tally-bench run` in a child process.
struct StepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "step",
    abstract: "Run one measured step and print it as a JSON line (used by `tally-bench run`).",
    discussion: """
      Steps: extract, ingest, build-ledger, daily, daily-party, compare, findings, export, report.
      """)

  @Argument(help: "The step.")
  var name: String

  @Option(help: ArgumentHelp("The corpus folder.", valueName: "DIR"))
  var corpus: String?

  @Option(help: ArgumentHelp("The ledger file.", valueName: "PATH"))
  var ledger: String?

  @Option(help: "The label of the input in the table.")
  var label = ""

  @Option(help: "Cores to use.")
  var jobs = 1

  @Option(help: "Claims of a synthetic ledger (build-ledger).")
  var claims = 0

  @Option(help: "The seed (build-ledger).")
  var seed: UInt64 = 1

  @Option(help: ArgumentHelp("A file to write (export), a folder to write (report) or a scratch folder (build-ledger).", valueName: "PATH"))
  var out: String?

  func run() throws {
    var measurement: BenchMeasurement
    switch name {
    case "extract":
      measurement = try BenchSteps.extract(corpus: try need(corpus, "--corpus"), label: label, jobs: jobs)
    case "ingest":
      measurement = try BenchSteps.ingest(
        corpus: try need(corpus, "--corpus"), label: label, ledgerPath: try need(ledger, "--ledger"), jobs: jobs)
    case "build-ledger":
      let start = BenchClock.now()
      let count = try SyntheticLedger.build(
        claims: claims, seed: seed, ledgerPath: try need(ledger, "--ledger"), folder: try need(out, "--out"))
      measurement = BenchMeasurement(step: "build-ledger", input: label, seconds: BenchClock.now() - start)
      measurement.claims = count
    case "export":
      measurement = try BenchSteps.export(
        ledgerPath: try need(ledger, "--ledger"), label: label, outPath: try need(out, "--out"))
    case "report":
      measurement = try BenchSteps.report(
        ledgerPath: try need(ledger, "--ledger"), label: label, outPath: try need(out, "--out"))
    default:
      measurement = try BenchSteps.query(name, ledgerPath: try need(ledger, "--ledger"), label: label)
    }
    measurement.peakKB = BenchMeasurement.peakResidentKB()
    // CPU time of the whole process (setup included): on a shared machine, wall time alone hides
    // whether a parallel step got its cores.
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    measurement.note += (measurement.note.isEmpty ? "" : "; ") + String(format: "process CPU %.2f s", cpu)
    let line = try JSONEncoder().encode(measurement)
    FileHandle.standardOutput.write(line + Data("\n".utf8))
  }

  private func need(_ value: String?, _ option: String) throws -> String {
    guard let value else { throw ValidationError("step \(name) needs \(option)") }
    return value
  }
}

enum BenchClock {
  static func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}

/// `tally-bench run`: the whole benchmark, each step in a child process, then the table.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Measure extraction, ingest, reports and export; print a table and write it as CSV.",
    discussion: """
      Corpora are generated once per size and seed and kept in DIR; so are the query ledgers.
      A size the disk has no room for (about 2.5 times the corpus) is skipped, and the table says so.
      Example:
        tally-bench run --sizes 10,100 --out bench.csv
      """)

  @Option(help: "Corpus sizes in MB, comma-separated.")
  var sizes = "10,100,1000"

  @Option(help: "Claims of the query ledgers, comma-separated.")
  var claims = "10000,100000,1000000"

  @Option(help: "The seed of the corpora and ledgers.")
  var seed: UInt64 = 1

  @Option(help: ArgumentHelp("Where corpora and ledgers are kept.", valueName: "DIR"))
  var dir = ".build/bench"

  @Option(help: ArgumentHelp("The CSV file of the results (default: DIR/bench.csv).", valueName: "PATH"))
  var out: String?

  @Option(help: "Cores for the parallel steps (default: all).")
  var jobs: Int?

  @Option(
    help: ArgumentHelp(
      "Runs of each step; the fastest is shown, with every run's time in its note. A step whose runs have taken 20 s runs no more.",
      valueName: "N"))
  var `repeat` = 3

  func validate() throws {
    if `repeat` < 1 { throw ValidationError("--repeat \(`repeat`): give 1 or more") }
  }

  func run() throws {
    let sizes = try Self.numbers(self.sizes, "--sizes")
    let claimCounts = try Self.numbers(self.claims, "--claims")
    let jobs = jobs ?? ParallelCorpusReader.defaultJobs
    let machine = BenchMachine.current()
    Self.say("machine: \(machine.description)")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var results: [BenchMeasurement] = []
    for size in sizes {
      let label = size >= 1000 && size % 1000 == 0 ? "\(size / 1000) GB corpus" : "\(size) MB corpus"
      let corpus = "\(dir)/corpus-\(size)mb-seed\(seed)"
      let ready = FileManager.default.fileExists(atPath: corpus + "/.complete")
      let need = (ready ? 0 : size * 1_000_000) + size * 1_500_000 + 200_000_000
      let free = Self.freeBytes(dir)
      if free < need {
        var skipped = BenchMeasurement(step: "skipped", input: label, seconds: 0)
        skipped.note = "needs \(need / 1_000_000) MB free, \(free / 1_000_000) MB free"
        results.append(skipped)
        continue
      }
      if !ready {
        Self.say("generating \(label) in \(corpus)")
        let start = BenchClock.now()
        let generator = CorpusGenerator(bytes: size * 1_000_000, seed: seed, vocabulary: try Vocabulary.standard())
        let stats = try generator.write(to: corpus)
        try Data("\(stats.files) files, \(stats.bytes) bytes\n".utf8).write(to: URL(fileURLWithPath: corpus + "/.complete"))
        Self.say(
          "  \(stats.files) files, \(stats.bytes) bytes, \(stats.duplicates) syndicated copies in "
            + String(format: "%.1f s", BenchClock.now() - start))
      }
      // The steps measure tally, not the disk: the corpus is read once first, so that its files
      // are in the page cache (the machine reclaims cold pages, so a corpus written an hour ago
      // may not be).
      let warmStart = BenchClock.now()
      let warm = try BenchSteps.readAll(corpus)
      Self.say(
        "  read \(warm.files) files, \(warm.bytes) bytes into the page cache in "
          + String(format: "%.1f s", BenchClock.now() - warmStart))
      results.append(try child(["extract", "--corpus", corpus, "--label", label, "--jobs", "1"]))
      if jobs > 1 {
        results.append(try child(["extract", "--corpus", corpus, "--label", label, "--jobs", "\(jobs)"]))
      }
      let ledger = "\(dir)/ingest-\(size)mb.sqlite"
      results.append(try child(["ingest", "--corpus", corpus, "--ledger", ledger, "--label", label, "--jobs", "\(jobs)"]))
      for suffix in ["", "-wal", "-shm"] { unlink(ledger + suffix) }
    }
    for count in claimCounts {
      let label = Self.power(count) + " claims"
      let ledger = "\(dir)/claims-\(count)-seed\(seed).sqlite"
      if !FileManager.default.fileExists(atPath: ledger + ".complete") {
        for suffix in ["", "-wal", "-shm"] { unlink(ledger + suffix) }
        results.append(try child(["build-ledger", "--claims", "\(count)", "--seed", "\(seed)", "--ledger", ledger, "--out", dir, "--label", label]))
        try Data().write(to: URL(fileURLWithPath: ledger + ".complete"))
      }
      for query in ["daily", "daily-party", "compare", "findings"] {
        results.append(try child([query, "--ledger", ledger, "--label", label]))
      }
      results.append(try child(["export", "--ledger", ledger, "--label", label, "--out", "\(dir)/export.csv"]))
      unlink("\(dir)/export.csv")
      results.append(try child(["report", "--ledger", ledger, "--label", label, "--out", "\(dir)/report"]))
      try? FileManager.default.removeItem(atPath: "\(dir)/report")
    }
    print("machine: \(machine.description); load average \(BenchMachine.loadAverage()) at the end")
    print(BenchMeasurement.table(results), terminator: "")
    let csv = out ?? "\(dir)/bench.csv"
    try BenchMeasurement.writeCSV(results, to: csv)
    print("wrote \(csv)")
  }

  /// Runs `tally-bench step ARGS` in a child process ``repeat`` times (fewer once the runs have
  /// taken 20 s) and keeps the fastest run, with the largest peak memory of them all: on a
  /// shared machine the fastest run is the one least slowed by others, and memory does not
  /// depend on them. Building a ledger runs once.
  private func child(_ arguments: [String]) throws -> BenchMeasurement {
    let runs = arguments[0] == "build-ledger" ? 1 : `repeat`
    var measured: [BenchMeasurement] = []
    repeat {
      measured.append(try childRun(arguments))
    } while measured.count < runs && measured.reduce(0, { $0 + $1.seconds }) < 20
    guard var fastest = measured.min(by: { $0.seconds < $1.seconds }) else { throw BenchError("no run") }
    if measured.count > 1 {
      fastest.peakKB = measured.map(\.peakKB).max() ?? fastest.peakKB
      let times = measured.map { String(format: "%.3f", $0.seconds) }.joined(separator: ", ")
      fastest.note += (fastest.note.isEmpty ? "" : "; ") + "fastest of \(measured.count) runs (\(times) s)"
    }
    return fastest
  }

  /// Runs `tally-bench step ARGS` once in a child process and reads its measurement.
  private func childRun(_ arguments: [String]) throws -> BenchMeasurement {
    Self.say("step \(arguments.joined(separator: " "))")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.executablePath())
    process.arguments = ["step"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchError("step \(arguments[0]) failed with exit code \(process.terminationStatus)")
    }
    let measurement = try JSONDecoder().decode(BenchMeasurement.self, from: data)
    Self.say("  " + zip(BenchMeasurement.columns, measurement.cells).filter { !$1.isEmpty }.map { "\($0) \($1)" }
      .joined(separator: ", "))
    return measurement
  }

  static func executablePath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    return CommandLine.arguments[0]
  }

  static func freeBytes(_ path: String) -> Int {
    var st = statvfs()
    guard statvfs(path, &st) == 0 else { return Int.max }
    return Int(st.f_bavail) * Int(st.f_frsize)
  }

  static func numbers(_ list: String, _ option: String) throws -> [Int] {
    try list.split(separator: ",").map {
      guard let n = Int($0.trimmingCharacters(in: .whitespaces)), n > 0 else {
        throw ValidationError("\(option) \(list): give positive whole numbers separated by commas")
      }
      return n
    }
  }

  /// `10^6` for 1000000, else the number.
  static func power(_ n: Int) -> String {
    var exponent = 0
    var rest = n
    while rest >= 10 && rest % 10 == 0 {
      rest /= 10
      exponent += 1
    }
    return rest == 1 && exponent > 0 ? "10^\(exponent)" : String(n)
  }

  static func say(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
