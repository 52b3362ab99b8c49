/// A cell to write. Numbers are written as bare numerals; text is guarded against formula injection.
///
/// For example, the row below encodes as `Füzuli,-14,,'-14 killed` (see ``CSVWriterOptions/guardsFormulas``):
///
/// ```swift
/// let row: [CSVCell] = ["Füzuli", .integer(-14), .empty, .text("-14 killed")]
/// ```
public enum CSVCell: Sendable, Hashable {
  /// Text, quoted only when it needs to be and prefixed with `'` when it could start a formula.
  case text(String)
  /// A whole number, written as a bare decimal numeral (`-14`), never quoted or guarded.
  case integer(Int64)
  /// An empty field.
  case empty
}

extension CSVCell {
  /// Text, or ``empty`` when the value is `nil` or the empty string.
  ///
  /// For example, `CSVCell.optional(claim.source)` writes nothing for a claim without a source.
  public static func optional(_ text: String?) -> CSVCell {
    guard let text, !text.isEmpty else { return .empty }
    return .text(text)
  }

  /// A number, or ``empty`` when the value is `nil`.
  ///
  /// For example, `CSVCell.optional(claim.low)` writes `209` or nothing.
  public static func optional(_ number: Int64?) -> CSVCell {
    guard let number else { return .empty }
    return .integer(number)
  }

  /// A number, or ``empty`` when the value is `nil`.
  ///
  /// For example, `CSVCell.optional(Int?.some(3))` is `.integer(3)`.
  public static func optional(_ number: Int?) -> CSVCell {
    guard let number else { return .empty }
    return .integer(Int64(number))
  }
}

extension CSVCell: ExpressibleByStringLiteral {
  /// A text cell from a string literal.
  ///
  /// For example, `let cell: CSVCell = "Ganja"` is `.text("Ganja")`.
  public init(stringLiteral value: String) {
    self = .text(value)
  }
}

extension CSVCell: ExpressibleByIntegerLiteral {
  /// An integer cell from an integer literal.
  ///
  /// For example, `let cell: CSVCell = 209` is `.integer(209)`.
  public init(integerLiteral value: Int64) {
    self = .integer(value)
  }
}

/// Text cells from interpolated strings.
///
/// The default `init(stringInterpolation:)` builds the string, then calls `init(stringLiteral:)`.
/// For example, `let cell: CSVCell = "row \(index)"` is `.text("row 7")` for index 7.
extension CSVCell: ExpressibleByStringInterpolation {}
