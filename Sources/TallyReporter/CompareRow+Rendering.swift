public import TallyCSV
import TallyExtractor
public import TallyLedger

extension CompareRow: ReportRow {
  /// The columns of `tally compare`, in order.
  public static let columns = [
    "party", "category", "subject", "location", "claimant", "value", "low", "high", "qualifier", "as_of",
    "counts_as", "sources", "outlets", "documents", "group_low", "best", "group_high", "spread", "basis",
    "historical",
  ]

  /// The HXL hashtags of ``columns``: the figure's as `#affected+num…`, the group's as
  /// `#affected+num+group…` and `#affected+num+best`.
  public static let hxlTags = [
    "#group+party", "#indicator+category", "#indicator+subject", "#loc+name", "#org+claimant", "#affected+num",
    "#affected+num+min", "#affected+num+max", "#meta+qualifier", "#date+occurred", "#affected+num+counted",
    "#meta+sources", "#meta+source+list", "#meta+document+list", "#affected+num+group+min", "#affected+num+best",
    "#affected+num+group+max", "#indicator+spread", "#meta+basis", "#meta+historical",
  ]

  /// The row as CSV cells: numbers as integers, unknown values empty, lists joined by `; `,
  /// `spread` as text (`1.52`), `historical` as `true` or `false`.
  public var csvCells: [CSVCell] {
    [
      .optional(party), .text(category.rawValue), .optional(subject), .optional(location), .optional(claimant),
      .integer(value), .optional(low), .optional(high), .text(qualifier.rawValue), .optional(asOf),
      .integer(countsAs), .integer(Int64(sources)), .optional(outlets.joined(separator: "; ")),
      .optional(documents.joined(separator: "; ")), .integer(groupLow), .integer(best), .integer(groupHigh),
      .optional(spread), .text(basis.rawValue), .text(historical ? "true" : "false"),
    ]
  }

  /// The row as a JSON object with the keys of ``columns`` in order: `outlets` and `documents` as
  /// arrays, `spread` as a number, `historical` as a boolean, unknown values `null`.
  public var json: String {
    var object = JSONObject()
    object.add("party", party)
    object.add("category", category.rawValue)
    object.add("subject", subject.isEmpty ? nil : subject)
    object.add("location", location)
    object.add("claimant", claimant)
    object.add("value", value)
    object.add("low", low)
    object.add("high", high)
    object.add("qualifier", qualifier.rawValue)
    object.add("as_of", asOf)
    object.add("counts_as", countsAs)
    object.add("sources", sources)
    object.add("outlets", outlets)
    object.add("documents", documents)
    object.add("group_low", groupLow)
    object.add("best", best)
    object.add("group_high", groupHigh)
    object.add("spread", raw: spread)
    object.add("basis", basis.rawValue)
    object.add("historical", historical)
    return object.rendered
  }

  /// The columns of the text table.
  public static let textColumns = [
    "party", "category", "subject", "location", "claimant", "figure", "as_of", "sources", "group_low", "best",
    "group_high", "spread", "basis", "historical",
  ]

  /// The rows as a table (the figure in words), then a line `N rows`.
  public static func text(_ rows: [CompareRow]) -> String {
    Report.table(
      header: textColumns,
      rows: rows.map {
        [
          $0.party ?? "", $0.category.rawValue, $0.subject, $0.location ?? "", $0.claimant ?? "",
          FigureText.words(value: $0.value, low: $0.low, high: $0.high, qualifier: $0.qualifier), $0.asOf ?? "",
          String($0.sources), String($0.groupLow), String($0.best), String($0.groupHigh), $0.spread ?? "",
          $0.basis.rawValue, $0.historical ? "historical" : "",
        ]
      }, noun: "row", plural: "rows")
  }
}
