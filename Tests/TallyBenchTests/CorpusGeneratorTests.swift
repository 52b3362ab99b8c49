import Foundation
import Testing
import TallyBench
import TallyExtractor

/// A fresh temporary folder, removed when the value goes away.
final class BenchScratch: Sendable {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-bench-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum BenchVocabulary {
  static let standard: Vocabulary = {
    do {
      return try Vocabulary.standard()
    } catch {
      fatalError("the standard vocabulary does not load: \(error)")
    }
  }()
}

/// Every file below `folder`, by relative path, with its bytes.
func contents(of folder: String) throws -> [String: Data] {
  var files: [String: Data] = [:]
  let walker = FileManager.default.enumerator(atPath: folder)
  while let relative = walker?.nextObject() as? String {
    var isFolder: ObjCBool = false
    let full = folder + "/" + relative
    if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
      files[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
    }
  }
  return files
}

@Suite("Corpus generator")
struct CorpusGeneratorTests {
  @Test("the same seed writes the same bytes; another seed writes others")
  func deterministic() throws {
    let scratch = try BenchScratch()
    let generator = CorpusGenerator(bytes: 1_000_000, seed: 7, vocabulary: BenchVocabulary.standard)
    let first = try generator.write(to: scratch.path + "/a")
    let second = try generator.write(to: scratch.path + "/b")
    let other = try CorpusGenerator(bytes: 1_000_000, seed: 8, vocabulary: BenchVocabulary.standard)
      .write(to: scratch.path + "/c")
    #expect(first == second)
    let a = try contents(of: scratch.path + "/a")
    let b = try contents(of: scratch.path + "/b")
    let c = try contents(of: scratch.path + "/c")
    #expect(a.count == first.files)
    #expect(a.values.reduce(0) { $0 + $1.count } == first.bytes)
    #expect(a == b)
    #expect(a != c)
    #expect(first.bytes >= 1_000_000)
    #expect(first.bytes < 1_006_000)
    #expect(other.bytes >= 1_000_000)
  }

  @Test("articles are 1-6 KB, in folders of at most filesPerFolder files, about 5% syndicated")
  func shape() throws {
    var generator = CorpusGenerator(bytes: 2_000_000, seed: 1, vocabulary: BenchVocabulary.standard)
    generator.filesPerFolder = 100
    var perFolder: [String: Int] = [:]
    var sizes: [Int] = []
    var names: [String] = []
    let stats = generator.generate { article in
      perFolder[String(article.relativePath.prefix(4)), default: 0] += 1
      sizes.append(article.bytes.count)
      names.append(article.relativePath)
    }
    #expect(perFolder.values.allSatisfy { $0 <= 100 })
    #expect(perFolder.count == (stats.files + 99) / 100)
    #expect(names == names.sorted())
    #expect(sizes.allSatisfy { $0 >= 1000 && $0 < 6500 })
    #expect(stats.duplicates * 100 >= stats.files * 3)
    #expect(stats.duplicates * 100 <= stats.files * 8)
  }

  @Test("a syndicated copy carries the same claims under another outlet")
  func syndicated() throws {
    let generator = CorpusGenerator(bytes: 300_000, seed: 3, vocabulary: BenchVocabulary.standard)
    var articles: [CorpusGenerator.Article] = []
    generator.generate { articles.append($0) }
    let extractor = Extractor(vocabulary: BenchVocabulary.standard)
    var copies = 0
    for (previous, article) in zip(articles, articles.dropFirst()) {
      let a = String(decoding: previous.bytes, as: UTF8.self)
      let b = String(decoding: article.bytes, as: UTF8.self)
      // A copy differs from its original only in the outlet's name.
      guard a.split(separator: "\n").count == b.split(separator: "\n").count,
        a.split(separator: "\n").last == b.split(separator: "\n").last
      else { continue }
      copies += 1
      let key = { (claim: Claim) in [claim.claimant, claim.party, claim.category.rawValue, String(claim.value), claim.asOf] }
      #expect(
        extractor.claims(in: a, document: "a").map(key) == extractor.claims(in: b, document: "b").map(key))
    }
    #expect(copies > 0)
  }
}

@Suite("Parallel extraction")
struct ParallelExtractionTests {
  @Test("the claims are the same, in the same order, on 1, 2 and 4 jobs", arguments: [2, 4])
  func sameClaims(jobs: Int) throws {
    let scratch = try BenchScratch()
    try CorpusGenerator(bytes: 400_000, seed: 11, vocabulary: BenchVocabulary.standard).write(to: scratch.path)
    let reader = DocumentReader(extractor: Extractor(vocabulary: BenchVocabulary.standard))
    func read(jobs: Int, emitting: Bool) -> ([String], [Claim], [DocumentError]) {
      var parallel = ParallelCorpusReader(corpus: CorpusReader(reader: reader), jobs: jobs)
      var documents: [String] = []
      var claims: [Claim] = []
      let errors = parallel.read(
        [scratch.path], emit: emitting ? { _, found in claims.append(contentsOf: found) } : nil
      ) { input, result in
        documents.append(input.documentName)
        if !emitting { claims.append(contentsOf: result.claims) }
      }
      return (documents, claims, errors)
    }
    let serial = read(jobs: 1, emitting: false)
    #expect(serial.0.count > 100)
    #expect(serial.1.count > 1000)
    #expect(serial.2.isEmpty)
    let parallel = read(jobs: jobs, emitting: false)
    #expect(parallel.0 == serial.0)
    #expect(parallel.1 == serial.1)
    let streamed = read(jobs: jobs, emitting: true)
    #expect(streamed.0 == serial.0)
    #expect(streamed.1 == serial.1)
  }

  /// The workers wait for room ahead of the caller (by count and by bytes), and the caller waits
  /// for several files at once: with a read-ahead bound smaller than most files and large files
  /// left to the caller, every file still comes once, in order, with the claims of a serial read.
  @Test(
    "every file comes once, in order, whatever bounds the read-ahead", .timeLimit(.minutes(1)),
    arguments: [2, 3])
  func boundedReadAhead(jobs: Int) throws {
    let scratch = try BenchScratch()
    var paths: [String] = []
    for index in 0..<300 {
      let sentence = "Armenia said \(index + 1) soldiers were killed on Monday.\n\n"
      let path = scratch.path + "/f\(String(format: "%03d", index)).txt"
      let copies = index % 37 == 0 ? 120 : 1 + index % 5
      #expect(FileManager.default.createFile(atPath: path, contents: Data(String(repeating: sentence, count: copies).utf8)))
      paths.append(path)
    }
    let reader = DocumentReader(extractor: Extractor(vocabulary: BenchVocabulary.standard))
    func read(jobs: Int) -> ([String], [Int64]) {
      var parallel = ParallelCorpusReader(corpus: CorpusReader(reader: reader), jobs: jobs)
      parallel.streamingThreshold = 4096
      parallel.readAheadBytes = 300
      var names: [String] = []
      var values: [Int64] = []
      let errors = parallel.read(paths, emit: { _, claims in values += claims.map(\.value) }) { input, _ in
        names.append(input.documentName)
      }
      #expect(errors.isEmpty)
      return (names, values)
    }
    let serial = read(jobs: 1)
    #expect(serial.0 == paths.map { InputFile.file($0).documentName })
    #expect(serial.1.count == (0..<300).reduce(0) { $0 + ($1 % 37 == 0 ? 120 : 1 + $1 % 5) })
    let parallel = read(jobs: jobs)
    #expect(parallel.0 == serial.0)
    #expect(parallel.1 == serial.1)
  }

  @Test("errors come in file order, and a large file is streamed by the caller")
  func errorsAndLargeFiles() throws {
    let scratch = try BenchScratch()
    let text = "Armenia said 12 soldiers were killed on Monday.\n\n"
    var paths: [String] = []
    for index in 0..<12 {
      let path = scratch.path + "/f\(String(format: "%02d", index)).txt"
      let bytes: [UInt8] = index == 5 ? [0x41, 0x00, 0x42] : Array(String(repeating: text, count: index == 8 ? 400 : 1).utf8)
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      paths.append(path)
    }
    let reader = DocumentReader(extractor: Extractor(vocabulary: BenchVocabulary.standard))
    var parallel = ParallelCorpusReader(corpus: CorpusReader(reader: reader), jobs: 3)
    parallel.streamingThreshold = 4096
    var order: [String] = []
    var chunks: [String: Int] = [:]
    let errors = parallel.read(
      paths + [scratch.path + "/missing.txt"], emit: { input, _ in chunks[input.documentName, default: 0] += 1 }
    ) { input, _ in order.append(input.documentName) }
    #expect(order == (0..<12).filter { $0 != 5 }.map { "f\(String(format: "%02d", $0)).txt" })
    #expect(errors == [.notFound(path: scratch.path + "/missing.txt"), .binary(path: paths[5], offset: 1)])
    #expect(chunks["f00.txt"] == 1)
  }
}
