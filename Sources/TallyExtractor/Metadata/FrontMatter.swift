/// A metadata block at the very top of a document.
///
/// The block is a line `---`, then `key: value` lines, then a line `---`:
///
/// ```text
/// ---
/// title: "Azerbaijan, Armenia Clashes Intensify in Karabakh"
/// source: Press TV
/// published: 2020-10-04
/// ---
/// Intense fighting rages on ...
/// ```
///
/// The keys `title`, `source`, `url` and `published` are read, in any letter case; other keys,
/// blank lines, `#` comment lines and lines without a colon are ignored. A value may be quoted
/// with `"..."` (escapes `\"` and `\\`) or `'...'` (escape `''`); an empty value counts as
/// absent, and a later key overrides an earlier one. The file may start with a UTF-8 byte order
/// mark, and lines may end in `\r\n`.
public enum FrontMatter {
  /// Parses the front matter block at the top of `text`.
  ///
  /// For example, for `"---\ntitle: Clashes\n---\nBody"` the result is a title of `Clashes`
  /// and a `bodyStart` of 23, the offset of `Body`.
  ///
  /// A file whose first line is `---` but that never closes the block is read as plain text
  /// (`nil`), unless the line after `---` is a known `key: value` line: then it was meant as
  /// front matter, and the missing `---` is an error.
  ///
  /// - Parameter text: The UTF-8 bytes of the whole file.
  /// - Returns: The metadata and the byte offset just after the closing `---` line, so that
  ///   extraction can skip the block while offsets stay relative to the file; `nil` when the
  ///   file does not start with a `---` line.
  /// - Throws: ``MetadataError/invalidDate(field:value:)`` when `published` is not a valid
  ///   `YYYY-MM-DD` date, ``MetadataError/unterminatedFrontMatter`` as described above.
  public static func parse(
    _ text: UnsafeBufferPointer<UInt8>
  ) throws(MetadataError) -> (metadata: DocumentMetadata, bodyStart: Int)? {
    var position = 0
    if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { position = 3 }
    let opening = line(text, from: position)
    guard opening.next > opening.content.upperBound, isFence(text, opening.content) else {
      return nil
    }
    position = opening.next
    var metadata = DocumentMetadata()
    var firstLineIsKnownKey: Bool?
    while position < text.count {
      let current = line(text, from: position)
      position = current.next
      if isFence(text, current.content) {
        if let published = metadata.published {
          guard let date = PartialDate(iso: published), date.isFullDate else {
            throw .invalidDate(field: "published", value: published)
          }
        }
        return (metadata, position)
      }
      let entry = keyValue(text, current.content)
      if firstLineIsKnownKey == nil, !isBlank(text, current.content) {
        firstLineIsKnownKey = entry?.known ?? false
      }
      guard let entry, entry.known else { continue }
      switch entry.key {
      case "title": metadata.title = entry.value
      case "source": metadata.source = entry.value
      case "url": metadata.url = entry.value
      default: metadata.published = entry.value
      }
    }
    if firstLineIsKnownKey == true { throw .unterminatedFrontMatter }
    return nil
  }

  /// Parses the front matter block at the top of `text`; offsets count UTF-8 bytes.
  ///
  /// For example, `try FrontMatter.parse("---\nsource: AFP\n---\n")?.metadata.source` is `AFP`.
  public static func parse(
    _ text: String
  ) throws(MetadataError) -> (metadata: DocumentMetadata, bodyStart: Int)? {
    let result: Result<(metadata: DocumentMetadata, bodyStart: Int)?, MetadataError> =
      DateScanner.withUTF8(text) { bytes in
        do throws(MetadataError) { return .success(try parse(bytes)) } catch {
          return .failure(error)
        }
      }
    return try result.get()
  }

  // MARK: - Lines

  private static let fieldNames: Set<String> = ["title", "source", "url", "published"]

  /// The line starting at `start`: its content without the line break, and the next line's
  /// start.
  private static func line(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> (content: Range<Int>, next: Int) {
    var end = start
    while end < text.count, text[end] != 0x0A { end += 1 }
    let next = end < text.count ? end + 1 : end
    let contentEnd = end > start && text[end - 1] == 0x0D ? end - 1 : end
    return (start..<contentEnd, next)
  }

  /// Whether the line is `---`, with optional trailing spaces or tabs.
  private static func isFence(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let trimmed = trimmedRange(text, range)
    return trimmed.lowerBound == range.lowerBound && trimmed.count == 3
      && text[trimmed].allSatisfy { $0 == UInt8(ascii: "-") }
  }

  private static func isBlank(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    trimmedRange(text, range).isEmpty
  }

  /// The key (lowercased) and value of a `key: value` line; `nil` for comments and lines
  /// without a colon. `known` tells whether the key is one of the four fields.
  private static func keyValue(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> (key: String, value: String?, known: Bool)? {
    let trimmed = trimmedRange(text, range)
    guard !trimmed.isEmpty, text[trimmed.lowerBound] != UInt8(ascii: "#"),
      let colon = text[trimmed].firstIndex(of: UInt8(ascii: ":"))
    else { return nil }
    let keyRange = trimmedRange(text, trimmed.lowerBound..<colon)
    let key = String(decoding: text[keyRange], as: UTF8.self).lowercased()
    let valueRange = trimmedRange(text, (colon + 1)..<trimmed.upperBound)
    let value = unquoted(String(decoding: text[valueRange], as: UTF8.self))
    return (key, value.isEmpty ? nil : value, fieldNames.contains(key))
  }

  /// Removes `"..."` or `'...'` quotes and their escapes.
  private static func unquoted(_ value: String) -> String {
    guard value.count >= 2, let quote = value.first, quote == "\"" || quote == "'",
      value.last == quote
    else { return value }
    let inner = value.dropFirst().dropLast()
    var result = ""
    var escaped = false
    for character in inner {
      if quote == "'" {
        // `''` stands for one quote.
        if character == "'", escaped {
          escaped = false
        } else {
          result.append(character)
          escaped = character == "'"
        }
      } else if escaped {
        result.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    if escaped, quote == "\"" { result.append("\\") }
    return result
  }

  /// `range` without leading and trailing spaces and tabs.
  private static func trimmedRange(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, text[lower] == 0x20 || text[lower] == 0x09 { lower += 1 }
    while upper > lower, text[upper - 1] == 0x20 || text[upper - 1] == 0x09 { upper -= 1 }
    return lower..<upper
  }
}
