public import TallyCSV
import TallyExtractor
public import TallyLedger

extension Finding: ReportRow {
  /// The columns of `tally findings`, in order.
  public static let columns = [
    "kind", "party", "category", "subject", "location", "claimant", "figures", "documents", "message",
  ]

  /// The HXL hashtags of ``columns``: `#meta+finding`, the series, `#description+figures`,
  /// `#meta+document+list` and `#description+message`.
  public static let hxlTags = [
    "#meta+finding", "#group+party", "#indicator+category", "#indicator+subject", "#loc+name", "#org+claimant",
    "#description+figures", "#meta+document+list", "#description+message",
  ]

  /// The finding as CSV cells: unknown values empty, documents joined by `; `.
  public var csvCells: [CSVCell] {
    [
      .text(kind.rawValue), .optional(party), .text(category.rawValue), .optional(subject), .optional(location),
      .optional(claimant), .text(figures), .optional(documents.joined(separator: "; ")), .text(message),
    ]
  }

  /// The finding as a JSON object with the keys of ``columns`` in order: `documents` as an array,
  /// unknown values `null`.
  public var json: String {
    var object = JSONObject()
    object.add("kind", kind.rawValue)
    object.add("party", party)
    object.add("category", category.rawValue)
    object.add("subject", subject.flatMap { $0.isEmpty ? nil : $0 })
    object.add("location", location)
    object.add("claimant", claimant)
    object.add("figures", figures)
    object.add("documents", documents)
    object.add("message", message)
    return object.rendered
  }

  /// The findings as a list: per finding a line with the kind and the series, the message
  /// indented, and the documents; then a line `N findings`.
  ///
  /// For example:
  ///
  /// ```text
  /// conflict: Azerbaijan, population, Ganja, Azerbaijan Defense Ministry; Hikmet Hajiyev
  ///   Sources disagree on the population of Ganja: more than 330,000 (Press TV, 2020-10-04) vs …
  ///   documents: presstv.txt, windowofworld.txt
  /// ```
  public static func text(_ findings: [Finding]) -> String {
    var out = ""
    for finding in findings {
      let series = [
        finding.party, finding.category.rawValue, finding.subject, finding.location, finding.claimant,
      ].compactMap { $0 }.filter { !$0.isEmpty }
      out += finding.kind.rawValue + ": " + series.joined(separator: ", ") + "\n"
      out += "  " + finding.message + "\n"
      if !finding.documents.isEmpty { out += "  documents: " + finding.documents.joined(separator: ", ") + "\n" }
    }
    return out + "\(findings.count) finding\(findings.count == 1 ? "" : "s")\n"
  }
}
