public import TallyExtractor
public import TallyLedger

/// The chart: cumulative killed and wounded figures over time, as an SVG document, `chart.svg`.
///
/// One line per series (party, category, subject, claimant) of the daily tallies of `killed` and
/// `wounded`, through every day of the series (carried days included) with a marker on each day a
/// figure was reported; a date axis, a value axis with round ticks (steps of 1, 2 or 5 times a
/// power of ten), a legend, a title and the number of documents and outlets behind the lines.
/// The SVG is written as text, 1000×600, with every name XML-escaped; the README's section
/// "The chart" describes it. For example:
///
/// ```swift
/// let svg = Chart.svg(Reconciliation(claims: claims), from: nil, to: nil)
/// ```
public enum Chart {
  /// The width of the drawing.
  public static let width = 1000
  /// The height of the drawing.
  public static let height = 600
  /// The title at the top.
  public static let title = "Reported killed and wounded, cumulative"
  /// What the chart says when there is nothing to draw.
  public static let emptyMessage = "No killed or wounded figures yet"
  /// The series colours, in order (after ten, they repeat with a dashed line).
  public static let palette = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
  ]

  /// The chart of a reconciliation, as SVG text.
  ///
  /// - Parameters:
  ///   - reconciliation: The reconciliation of every claim of the ledger.
  ///   - from: The first day drawn (earlier figures are carried into it).
  ///   - to: The last day drawn.
  /// - Returns: A complete SVG document, ending with a newline.
  /// - Complexity: O(r log r) for r daily rows.
  public static func svg(_ reconciliation: Reconciliation, from: PartialDate?, to: PartialDate?) -> String {
    var text = ""
    writeSVG(reconciliation, from: from, to: to) { text += $0 }
    return text
  }

  /// The text of ``svg(_:from:to:)``, handed to `write` in pieces of about 64 KB as it is drawn,
  /// so that the chart of a large ledger is never held whole. For example:
  ///
  /// ```swift
  /// Chart.writeSVG(reconciliation, from: nil, to: nil) { FileHandle.standardOutput.write(Data($0.utf8)) }
  /// ```
  public static func writeSVG(
    _ reconciliation: Reconciliation, from: PartialDate?, to: PartialDate?, _ write: (String) -> Void
  ) {
    let filter = DailyFilter(from: from, to: to)
    let series = ChartSeries.all { reconciliation.forEachDailyRow(filter, $0) }
    var svg = ChartSVG()
    svg.open(width: width, height: height, title: title)
    svg.text(title, x: 40, y: 38, size: 22, weight: "bold")
    guard !series.isEmpty else {
      svg.text("0 documents from 0 outlets", x: 40, y: 62, size: 14, fill: "#555555")
      svg.text(emptyMessage, x: width / 2, y: height / 2, size: 20, anchor: "middle", fill: "#555555")
      write(svg.close())
      return
    }
    svg.text(sourceCount(series, reconciliation), x: 40, y: 62, size: 14, fill: "#555555")
    let legend = ChartLegend(count: series.count, width: width)
    let plot = ChartPlotArea(left: 96, top: 100, right: width - 80, bottom: height - 64 - legend.height)
    let days = ChartDayAxis(
      first: series.map(\.firstDay).min() ?? 0, last: series.map(\.lastDay).max() ?? 0, plot: plot)
    let values = ChartValueAxis(maximum: series.map(\.maximum).max() ?? 0, plot: plot)
    values.draw(into: &svg, plot: plot)
    days.draw(into: &svg, plot: plot)
    for (index, entry) in series.enumerated() {
      draw(entry, style: ChartSeriesStyle(index), days: days, values: values, into: &svg)
      svg.drain(write)
    }
    drawEndLabels(series, days: days, values: values, into: &svg)
    svg.drain(write)
    legend.draw(series, top: plot.bottom + 52, into: &svg)
    write(svg.close())
  }

  /// The last value of each series beside its last point, in its colour, moved apart vertically
  /// so that no two labels overlap.
  private static func drawEndLabels(
    _ series: [ChartSeries], days: ChartDayAxis, values: ChartValueAxis, into svg: inout ChartSVG
  ) {
    var labels: [(y: Double, x: Double, text: String, colour: String)] = []
    for (index, entry) in series.enumerated() {
      guard let last = entry.points.last else { continue }
      labels.append(
        (values.y(last.value), days.x(last.day) + 9, FigureText.grouped(last.value), ChartSeriesStyle(index).colour))
    }
    // Lowest on the page first, each at least 15 pixels above the one below it.
    labels.sort { ($0.y, $0.text) > ($1.y, $1.text) }
    for index in labels.indices.dropFirst() where labels[index].y > labels[index - 1].y - 15 {
      labels[index].y = labels[index - 1].y - 15
    }
    for label in labels {
      svg.raw(
        "<text class=\"end-label\" x=\"\(ChartSVG.number(label.x))\" y=\"\(ChartSVG.number(label.y))\" dy=\"0.35em\""
          + " font-size=\"12\" font-weight=\"bold\" fill=\"\(label.colour)\">" + ChartSVG.escape(label.text) + "</text>"
      )
    }
  }

  /// One series: its line, then a marker on each reported day.
  private static func draw(
    _ series: ChartSeries, style: ChartSeriesStyle, days: ChartDayAxis, values: ChartValueAxis, into svg: inout ChartSVG
  ) {
    let points = series.points.map { (days.x($0.day), values.y($0.value)) }
    let coordinates = points.map { ChartSVG.number($0.0) + "," + ChartSVG.number($0.1) }.joined(separator: " ")
    svg.raw(
      "<polyline class=\"series\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"2.5\""
        + " stroke-linejoin=\"round\"\(style.dash) points=\"\(coordinates)\"><title>"
        + ChartSVG.escape(series.label) + "</title></polyline>")
    let radius = days.isSingleDay ? 6 : 4
    for (point, position) in zip(series.points, points) where point.reported {
      svg.raw(
        "<circle class=\"marker\" cx=\"\(ChartSVG.number(position.0))\" cy=\"\(ChartSVG.number(position.1))\""
          + " r=\"\(radius)\" fill=\"\(style.colour)\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>"
          + ChartSVG.escape(series.label + ": " + FigureText.grouped(point.value) + " on " + point.date)
          + "</title></circle>")
    }
  }

  /// `3 documents from 2 outlets`: the documents that carry the figures drawn.
  private static func sourceCount(_ series: [ChartSeries], _ reconciliation: Reconciliation) -> String {
    let ids = Set(series.flatMap(\.claimIDs))
    var documents = Set<Int64>()
    var outlets = Set<String>()
    let table = reconciliation.table
    for (claim, id) in table.ids.enumerated() where ids.contains(id) {
      for position in table.sightings(of: claim) {
        documents.insert(table.documentID(ofSighting: position))
        if let source = table.source(ofSighting: position), !source.isEmpty { outlets.insert(source) }
      }
    }
    return "\(documents.count) document\(documents.count == 1 ? "" : "s") from \(outlets.count) outlet"
      + (outlets.count == 1 ? "" : "s")
  }
}

/// The daily rows of one series of killed or wounded figures.
struct ChartSeries {
  /// A day's figure: 16 bytes (a chart of 10^6 claims holds some 300,000).
  struct Point {
    var value: Int64
    private var daySerial: Int32
    var reported: Bool

    init(day: Int, value: Int64, reported: Bool) {
      self.value = value
      self.daySerial = Int32(truncatingIfNeeded: day)
      self.reported = reported
    }

    /// The day number (``BriefDay/serial(_:)``).
    var day: Int { Int(daySerial) }
    /// The day as `YYYY-MM-DD`.
    var date: String { BriefDay.iso(day) }
  }

  var party: String?
  var category: Category
  var subject: String
  var claimant: String?
  var points: [Point] = []
  var claimIDs: [Int64] = []

  var firstDay: Int { points.first?.day ?? 0 }
  var lastDay: Int { points.last?.day ?? 0 }
  var maximum: Int64 { points.map(\.value).max() ?? 0 }

  /// `Armenia, killed, military: Armenia Defense Ministry`; an unknown side is `side not
  /// identified`, a missing claimant `no claimant named`, and an unspecified subject is left out.
  var label: String {
    var parts = [party ?? "side not identified", category.rawValue]
    if !subject.isEmpty, subject != "unspecified" { parts.append(subject) }
    return parts.joined(separator: ", ") + ": " + (claimant ?? "no claimant named")
  }

  /// The series of the killed and wounded rows that `produce` hands over, ordered by party
  /// (unknown last), category, subject and claimant (unknown last); the other rows are not kept.
  static func all(_ produce: ((DailyRow) -> Void) -> Void) -> [ChartSeries] {
    struct Key: Hashable {
      var party: String?
      var category: Category
      var subject: String
      var claimant: String?
    }
    var positions: [Key: Int] = [:]
    var series: [ChartSeries] = []
    produce { row in
      guard row.category == .killed || row.category == .wounded, let day = BriefDay.serial(row.date) else { return }
      let key = Key(party: row.party, category: row.category, subject: row.subject, claimant: row.claimant)
      let position: Int
      if let known = positions[key] {
        position = known
      } else {
        position = series.count
        positions[key] = position
        series.append(
          ChartSeries(party: row.party, category: row.category, subject: row.subject, claimant: row.claimant))
      }
      series[position].points.append(
        Point(day: day, value: row.value, reported: row.status == .reported))
      if row.status == .reported || series[position].claimIDs.last != row.claimID {
        series[position].claimIDs.append(row.claimID)
      }
    }
    func sortKey(_ s: ChartSeries) -> (Int, String, Int, String, Int, String) {
      (
        s.party == nil ? 1 : 0, s.party ?? "", s.category == .killed ? 0 : 1, s.subject, s.claimant == nil ? 1 : 0,
        s.claimant ?? ""
      )
    }
    return series.sorted { sortKey($0) < sortKey($1) }
  }
}

/// A series' colour and dash pattern.
struct ChartSeriesStyle {
  var colour: String
  /// A ` stroke-dasharray="…"` attribute, or empty.
  var dash: String

  init(_ index: Int) {
    colour = Chart.palette[index % Chart.palette.count]
    let round = index / Chart.palette.count
    dash = round == 0 ? "" : round == 1 ? " stroke-dasharray=\"8 4\"" : " stroke-dasharray=\"2 3\""
  }
}

extension BriefDay {
  /// Days since 1970-01-01 of a `YYYY-MM-DD` date.
  static func serial(_ iso: String) -> Int? {
    guard let date = PartialDate(iso: iso), let month = date.month, let day = date.day else { return nil }
    return CivilCalendar.days(year: date.year, month: month, day: day)
  }

  /// The `YYYY-MM-DD` text of a day number.
  static func iso(_ serial: Int) -> String {
    CivilCalendar.iso(serial)
  }
}

/// SVG text being written.
struct ChartSVG {
  private(set) var body = ""

  mutating func open(width: Int, height: Int, title: String) {
    body += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    body += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\""
    body += " viewBox=\"0 0 \(width) \(height)\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n"
    body += "<title>" + ChartSVG.escape(title) + "</title>\n"
    body += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
  }

  /// The rest of the text, with the closing tag.
  mutating func close() -> String {
    body += "</svg>\n"
    return body
  }

  /// Hands the text so far to `write` and empties it, once it holds at least `threshold` bytes.
  mutating func drain(_ write: (String) -> Void, threshold: Int = 1 << 16) {
    guard body.utf8.count >= threshold else { return }
    write(body)
    body = ""
  }

  /// An element written as is, on its own line.
  mutating func raw(_ element: String) {
    body += element
    body += "\n"
  }

  /// A text element; `text` is escaped.
  mutating func text(
    _ text: String, x: Int, y: Int, size: Int, anchor: String = "start", weight: String = "normal",
    fill: String = "#222222", className: String? = nil
  ) {
    body += "<text"
    if let className { body += " class=\"\(className)\"" }
    body += " x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" text-anchor=\"\(anchor)\""
    if weight != "normal" { body += " font-weight=\"\(weight)\"" }
    body += " fill=\"\(fill)\">" + ChartSVG.escape(text) + "</text>\n"
  }

  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in text and in attributes.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default:
        // Control characters other than tab and line feed are not allowed in XML 1.0.
        if character.value < 0x20, character != "\t", character != "\n" {
          out += " "
        } else {
          out.unicodeScalars.append(character)
        }
      }
    }
    return out
  }

  /// A coordinate with one decimal: `96.0`, `412.5`.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return sign + String(magnitude / 10) + "." + String(magnitude % 10)
  }
}
