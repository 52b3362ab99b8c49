import Foundation
import TallyCSV

/// The UTF-8 bytes of `text`, to compare encoder output byte for byte.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The fields of each record.
func fields(_ records: [CSVRecord]) -> [[String]] { records.map(\.fields) }

/// The start line of each record.
func lines(_ records: [CSVRecord]) -> [Int] { records.map(\.line) }

/// Reads `text` (or raw bytes) with all the records in one call.
func read(_ text: String, options: CSVReaderOptions = .init()) throws(CSVError) -> [CSVRecord] {
  try CSVReader.records(in: utf8(text), options: options)
}

/// Feeds `bytes` to a streaming reader in chunks of `size` bytes.
func readInChunks(
  _ bytes: [UInt8], size: Int, options: CSVReaderOptions = .init()
) throws(CSVError) -> [CSVRecord] {
  var reader = CSVReader(options: options)
  var records: [CSVRecord] = []
  var start = 0
  while start < bytes.count {
    let end = min(start + size, bytes.count)
    records += try reader.feed(bytes[start..<end])
    start = end
  }
  records += try reader.finish()
  return records
}

/// A fresh, empty folder under the system temporary folder, removed by `cleanup()`.
struct TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("TallyCSVTests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { "\(path)/\(name)" }

  func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  func bytes(of name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: file(name))))
  }

  func cleanup() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// A deterministic pseudo-random generator (SplitMix64), so failures can be replayed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
