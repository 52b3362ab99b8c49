import Foundation

/// Reads every document named by command-line paths, one at a time, with the metadata
/// precedence of ``DocumentReader`` and each folder's `sources.csv`.
///
/// ```swift
/// var corpus = CorpusReader(reader: DocumentReader(extractor: extractor))
/// let failures = corpus.read(["data/articles"]) { result in print(result.claims.count) }
/// ```
public struct CorpusReader: Sendable {
  /// The reader used for each document.
  public let reader: DocumentReader
  /// Metadata given on the command line, applied to every document.
  public var overrides: DocumentMetadata
  private var sidecars: [String: SourcesIndex] = [:]

  /// Creates a corpus reader.
  public init(reader: DocumentReader, overrides: DocumentMetadata = DocumentMetadata()) {
    self.reader = reader
    self.overrides = overrides
  }

  /// Reads each document named by `paths` and hands its result to `body`, in order.
  ///
  /// - Returns: The errors met, in order; the documents after an error are still read.
  ///   - emit: When given, receives each chunk's claims as they are read (see ``DocumentReader``),
  ///     and the results handed to `body` carry no claims.
  public mutating func read(
    _ paths: [String], emit: ((InputFile, [Claim]) -> Void)? = nil, _ body: (InputFile, DocumentResult) throws -> Void
  ) rethrows -> [DocumentError] {
    let (files, expandErrors) = InputPaths.expand(paths)
    var errors = expandErrors
    for file in files {
      var sidecar = SourcesIndex()
      if case .file(let path) = file {
        let folder = (path as NSString).deletingLastPathComponent
        if let cached = sidecars[folder] {
          sidecar = cached
        } else {
          do {
            sidecar = try SourcesIndex.load(folder: folder.isEmpty ? "." : folder)
          } catch {
            errors.append(error)
          }
          sidecars[folder] = sidecar
        }
      }
      let result: DocumentResult
      do {
        if let emit {
          result = try reader.read(file, overrides: overrides, sidecar: sidecar) { emit(file, $0) }
        } else {
          result = try reader.read(file, overrides: overrides, sidecar: sidecar)
        }
      } catch {
        errors.append(error)
        continue
      }
      try body(file, result)
    }
    return errors
  }
}
