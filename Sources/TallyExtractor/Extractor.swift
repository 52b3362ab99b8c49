/// Finds every reported figure in a document.
///
/// The extractor scans the UTF-8 bytes of a text once, then looks closely only at the sentences
/// that hold numbers. It keeps no state between documents, so one extractor can serve many
/// threads at once.
///
/// ```swift
/// let extractor = Extractor(vocabulary: try Vocabulary.standard())
/// let claims = extractor.claims(in: "Armenia has reported 209 military deaths.",
///                               document: "report.txt", published: "2020-10-04")
/// // claims[0].value == 209, claims[0].category == .killed, claims[0].subject == "military"
/// ```
public struct Extractor: Sendable {
  /// The vocabulary the extractor reads with.
  public let vocabulary: Vocabulary

  /// Creates an extractor that reads with `vocabulary`.
  public init(vocabulary: Vocabulary) {
    self.vocabulary = vocabulary
  }

  /// The claims in `bytes[from..<to]`, with byte offsets relative to the start of `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: The document's bytes (valid UTF-8).
  ///   - range: The part to read, for example the body after a front-matter block.
  ///   - document: The name recorded in each claim's `document`.
  ///   - source: The outlet recorded in each claim's `source`.
  ///   - published: The publication date, `YYYY-MM-DD`, used to resolve weekdays and as the
  ///     default `as_of`.
  public func claims(
    in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil, document: String, source: String? = nil,
    published: String? = nil
  ) -> [Claim] {
    let range = range ?? 0..<bytes.count
    let date = published.flatMap { PartialDate(iso: $0) }
    let analysis = DocumentAnalysis(
      p: bytes, from: range.lowerBound, to: range.upperBound, vocabulary: vocabulary, published: date)
    return analysis.claims(document: document, source: source)
  }

  /// The claims in a string; offsets are UTF-8 byte offsets into it.
  public func claims(in text: String, document: String, source: String? = nil, published: String? = nil) -> [Claim] {
    var text = text
    return text.withUTF8 { buffer in
      claims(in: buffer, document: document, source: source, published: published)
    }
  }
}
