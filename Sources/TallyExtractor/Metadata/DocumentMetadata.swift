/// What is known about a document: from flags, front matter, sources.csv, or the text itself.
///
/// Each source of metadata yields a partial value; ``filling(from:)`` layers them so the most
/// trusted one wins. For example:
///
/// ```swift
/// let flags = DocumentMetadata(source: "Reuters")
/// let inferred = DocumentMetadata(title: "Clashes intensify", source: "Press TV",
///                                 published: "2020-10-04")
/// flags.filling(from: inferred)
/// // title "Clashes intensify", source "Reuters", published "2020-10-04"
/// ```
public struct DocumentMetadata: Sendable, Hashable, Codable {
  /// The headline.
  public var title: String?
  /// The outlet that published the document (`Press TV`, `Reuters`).
  public var source: String?
  /// Where the document was published.
  public var url: String?
  /// The publication date, `YYYY-MM-DD`.
  public var published: String?

  /// Creates metadata; every field is optional.
  public init(
    title: String? = nil, source: String? = nil, url: String? = nil, published: String? = nil
  ) {
    self.title = title
    self.source = source
    self.url = url
    self.published = published
  }

  /// Fills what this lacks from `other`; where both have a field, this one wins.
  ///
  /// For example, `DocumentMetadata(title: "A").filling(from: DocumentMetadata(title: "B",
  /// url: "u"))` has title `A` and url `u`.
  public func filling(from other: DocumentMetadata) -> DocumentMetadata {
    DocumentMetadata(
      title: title ?? other.title, source: source ?? other.source, url: url ?? other.url,
      published: published ?? other.published)
  }
}
