import ArgumentParser
import TallyExtractor

/// The size limits of the commands that read articles (`extract`, `ingest`): a document over a
/// limit is skipped with a message naming the option that raises it, before anything of it is
/// extracted or stored.
struct InputLimits: ParsableArguments {
  @Option(help: ArgumentHelp("Skip documents larger than this many megabytes (default 512).", valueName: "MB"))
  var maxDocumentMb: Int = 512

  @Option(help: ArgumentHelp("Skip documents with a line longer than this many kilobytes (default 1024).", valueName: "KB"))
  var maxLineKb: Int = 1024

  func validate() throws {
    for (name, value, unit) in [("--max-document-mb", maxDocumentMb, 20), ("--max-line-kb", maxLineKb, 10)]
    where value < 1 || value > Int.max >> (unit + 1) {
      throw ValidationError("\(name) \(value): not a size; give a whole number of at least 1")
    }
  }

  /// `corpus` with these limits on its reader.
  func applied(to corpus: CorpusReader) -> CorpusReader {
    var reader = corpus.reader
    reader.maxDocumentBytes = maxDocumentMb << 20
    reader.maxLineBytes = maxLineKb << 10
    return CorpusReader(reader: reader, overrides: corpus.overrides)
  }
}
