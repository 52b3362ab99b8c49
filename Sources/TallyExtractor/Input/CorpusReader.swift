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
    var walk = InputWalk(paths)
    var errors: [DocumentError] = []
    while case let files = walk.next(upTo: ParallelCorpusReader.filesPerRound), !files.isEmpty {
      errors += try read(files: files, emit: emit, body)
    }
    return walk.errors + errors
  }

  /// Reads each of `files` and hands its result to `body`, in order (see ``read(_:emit:_:)``).
  ///
  /// - Returns: The errors met, in order.
  public mutating func read(
    files: [InputFile], emit: ((InputFile, [Claim]) -> Void)? = nil,
    _ body: (InputFile, DocumentResult) throws -> Void
  ) rethrows -> [DocumentError] {
    var errors: [DocumentError] = []
    for file in files {
      let (sidecar, sidecarError) = sidecar(for: file)
      if let sidecarError { errors.append(sidecarError) }
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

  /// The `sources.csv` entries of the folder of `file`, loaded once per folder; the error comes
  /// back only the first time the folder is met.
  mutating func sidecar(for file: InputFile) -> (SourcesIndex, DocumentError?) {
    guard case .file(let path) = file else { return (SourcesIndex(), nil) }
    let folder = PathText.folder(path)
    if let cached = sidecars[folder] { return (cached, nil) }
    do {
      let index = try SourcesIndex.load(folder: folder.isEmpty ? "." : folder)
      sidecars[folder] = index
      return (index, nil)
    } catch {
      sidecars[folder] = SourcesIndex()
      return (SourcesIndex(), error)
    }
  }
}
