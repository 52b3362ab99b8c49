public import TallyCSV
import TallyExtractor
public import TallyLedger

extension DailyRow: ReportRow {
  /// The columns of `tally daily`, in order.
  public static let columns = [
    "date", "party", "category", "subject", "claimant", "value", "low", "high", "change", "status", "sources",
  ]

  /// The HXL hashtags of ``columns``: `#date`, `#group+party`, …, `#affected+num+change`, `#status`, `#meta+sources`.
  public static let hxlTags = [
    "#date", "#group+party", "#indicator+category", "#indicator+subject", "#org+claimant", "#affected+num",
    "#affected+num+min", "#affected+num+max", "#affected+num+change", "#status", "#meta+sources",
  ]

  /// The row as CSV cells: numbers as integers, unknown values empty, the date as text.
  public var csvCells: [CSVCell] {
    [
      .text(date), .optional(party), .text(category.rawValue), .optional(subject), .optional(claimant),
      .integer(value), .optional(low), .optional(high), .optional(change), .text(status.rawValue),
      .integer(Int64(sources)),
    ]
  }

  /// The row as a JSON object with the keys of ``columns`` in order; unknown values are `null`.
  public var json: String {
    var object = JSONObject()
    object.add("date", date)
    object.add("party", party)
    object.add("category", category.rawValue)
    object.add("subject", subject.isEmpty ? nil : subject)
    object.add("claimant", claimant)
    object.add("value", value)
    object.add("low", low)
    object.add("high", high)
    object.add("change", change)
    object.add("status", status.rawValue)
    object.add("sources", sources)
    return object.rendered
  }

  /// The rows as a table with the columns of ``columns``, then a line `N rows`.
  public static func text(_ rows: [DailyRow]) -> String {
    Report.table(
      header: columns,
      rows: rows.map {
        [
          $0.date, $0.party ?? "", $0.category.rawValue, $0.subject, $0.claimant ?? "", String($0.value),
          $0.low.text, $0.high.text, $0.change.text, $0.status.rawValue, String($0.sources),
        ]
      }, noun: "row", plural: "rows")
  }
}
