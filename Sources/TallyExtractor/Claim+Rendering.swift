public import TallyCSV

extension Claim {
  /// The columns of a claim, in the order `tally extract` writes them.
  public static let columns = [
    "document", "source", "published", "claimant", "party", "category", "subject", "value", "low", "high",
    "qualifier", "as_of", "location", "quote", "start", "end",
  ]

  /// The claim as CSV cells, in the order of ``columns``; unknown values are empty cells.
  public var csvCells: [CSVCell] {
    [
      .text(document), .optional(source), .optional(published), .optional(claimant), .optional(party),
      .text(category.rawValue), .optional(subject), .integer(value), .optional(low), .optional(high),
      .text(qualifier.rawValue), .optional(asOf), .optional(location), .text(quote), .integer(Int64(start)),
      .integer(Int64(end)),
    ]
  }

  /// The claim as one JSON object with the keys of ``columns`` in order; unknown values are `null`.
  public var json: String {
    func s(_ v: String?) -> String { v.map(JSON.quoted) ?? "null" }
    func n(_ v: Int64?) -> String { v.map { String($0) } ?? "null" }
    return "{\"document\":\(JSON.quoted(document)),\"source\":\(s(source)),\"published\":\(s(published)),"
      + "\"claimant\":\(s(claimant)),\"party\":\(s(party)),\"category\":\(JSON.quoted(category.rawValue)),"
      + "\"subject\":\(JSON.quoted(subject)),\"value\":\(value),\"low\":\(n(low)),\"high\":\(n(high)),"
      + "\"qualifier\":\(JSON.quoted(qualifier.rawValue)),\"as_of\":\(s(asOf)),\"location\":\(s(location)),"
      + "\"quote\":\(JSON.quoted(quote)),\"start\":\(start),\"end\":\(end)}"
  }
}

/// JSON string literals, for output whose key order must be fixed.
public enum JSON {
  /// `text` as a JSON string literal, with quotes, backslashes and control characters escaped.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// A plain-text table whose columns fit their widest cell.
public struct TextTable: Sendable {
  /// The column titles.
  public var header: [String]
  /// The rows, as text cells.
  public var rows: [[String]] = []

  /// Creates a table with the given column titles.
  public init(header: [String]) { self.header = header }

  /// The table, one line per row, columns separated by two spaces.
  public func rendered(maxWidth: Int = 60) -> String {
    let all = [header] + rows
    var widths = Array(repeating: 0, count: header.count)
    for row in all {
      for (i, cell) in row.enumerated() where i < widths.count { widths[i] = min(maxWidth, max(widths[i], cell.count)) }
    }
    var out = ""
    for row in all {
      var line = ""
      for (i, cell) in row.enumerated() where i < widths.count {
        var c = cell.replacingNewlines()
        if c.count > widths[i] { c = String(c.prefix(widths[i] - 1)) + "…" }
        line += c + (i == widths.count - 1 ? "" : String(repeating: " ", count: widths[i] - c.count + 2))
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}

extension String {
  func replacingNewlines() -> String {
    String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
  }
}

extension Claim {
  /// The claim as a row of the text table of `tally extract --format text`.
  public var textRow: [String] {
    [
      document, String(value), qualifier.rawValue, low.map { String($0) } ?? "", high.map { String($0) } ?? "",
      category.rawValue, subject, party ?? "", claimant ?? "", asOf ?? "", location ?? "", quote,
    ]
  }

  /// The header of the text table.
  public static let textColumns = [
    "document", "value", "qualifier", "low", "high", "category", "subject", "party", "claimant", "as_of", "location",
    "quote",
  ]
}
