import Foundation
import TallyExtractor
@testable import TallyLedger

/// A fresh temporary folder, removed when the value goes away.
final class Scratch: Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-ledger-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The path of `name` inside the folder.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `text` to `name` (folders are created as needed) and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  /// Writes `bytes` to `name` and returns its path.
  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  /// A new ledger in the folder.
  func ledger(_ name: String = "ledger.sqlite") throws -> Ledger {
    try Ledger.open(path: path(name))
  }
}

/// Reads articles with the standard vocabulary, loaded once.
enum Articles {
  static let reader: DocumentReader = {
    do {
      return DocumentReader(extractor: Extractor(vocabulary: try Vocabulary.standard()))
    } catch {
      fatalError("the standard vocabulary does not load: \(error)")
    }
  }()

  static func read(_ path: String) throws -> DocumentResult {
    try reader.read(.file(path))
  }

  /// Reads and ingests the file at `path` into `ledger`.
  @discardableResult
  static func ingest(_ path: String, into ledger: Ledger) throws -> IngestOutcome {
    try ledger.ingest(try read(path), from: .file(path))
  }

  /// Two outlets carrying the same statement in different words (syndication): the same figure,
  /// claimant, party and as-of date.
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
