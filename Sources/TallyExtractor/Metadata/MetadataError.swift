/// A problem with the metadata a document declares about itself.
///
/// For example, front matter with `published: 2020-13-01` throws
/// `MetadataError.invalidDate(field: "published", value: "2020-13-01")`, whose description is
/// `front matter field 'published' is '2020-13-01', which is not a valid YYYY-MM-DD date`.
public enum MetadataError: Error, Sendable, Hashable {
  /// A date field does not hold a valid `YYYY-MM-DD` date.
  case invalidDate(field: String, value: String)
  /// The file opens a front matter block (`---` then a known `key: value` line) that has no
  /// closing `---` line.
  case unterminatedFrontMatter
}

extension MetadataError: CustomStringConvertible {
  /// A one-line message for the user.
  public var description: String {
    switch self {
    case .invalidDate(let field, let value):
      "front matter field '\(field)' is '\(value)', which is not a valid YYYY-MM-DD date"
    case .unterminatedFrontMatter:
      "front matter opened with '---' on the first line is never closed by a '---' line"
    }
  }
}
