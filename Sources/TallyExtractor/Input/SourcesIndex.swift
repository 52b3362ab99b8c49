import Foundation
import TallyCSV

/// The `sources.csv` file beside a folder's articles: one row per file with its outlet,
/// URL and publication date (`file,source,url,published`).
public struct SourcesIndex: Sendable {
  /// The metadata of each file, by file name.
  public var entries: [String: DocumentMetadata] = [:]

  /// An empty index.
  public init() {}

  /// The index of `folder`, or an empty index when it has no `sources.csv`.
  ///
  /// - Throws: ``DocumentError/badSourcesFile(path:reason:)`` for a malformed file.
  public static func load(folder: String) throws(DocumentError) -> SourcesIndex {
    let path = (folder as NSString).appendingPathComponent("sources.csv")
    guard FileManager.default.fileExists(atPath: path) else { return SourcesIndex() }
    let records: [CSVRecord]
    do {
      records = try CSVReader.records(atPath: path)
      try CSVHeader(expected: ["file", "source", "url", "published"]).validate(records.first)
    } catch {
      throw .badSourcesFile(path: path, reason: error.unwrapped.description)
    }
    var index = SourcesIndex()
    for record in records.dropFirst() {
      guard record.fields.count == 4 else {
        throw .badSourcesFile(path: path, reason: "line \(record.line): expected 4 fields, found \(record.fields.count)")
      }
      let f = record.fields.map { $0.trimmingBlanks() }
      if !f[3].isEmpty, PartialDate(iso: f[3])?.isFullDate != true {
        throw .badSourcesFile(path: path, reason: "line \(record.line): published `\(f[3])` is not a YYYY-MM-DD date")
      }
      index.entries[f[0]] = DocumentMetadata(
        source: f[1].isEmpty ? nil : f[1], url: f[2].isEmpty ? nil : f[2], published: f[3].isEmpty ? nil : f[3])
    }
    return index
  }
}
