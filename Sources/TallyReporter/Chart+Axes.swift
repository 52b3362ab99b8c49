import TallyLedger

/// The rectangle the lines are drawn in.
struct ChartPlotArea {
  var left: Int
  var top: Int
  var right: Int
  var bottom: Int

  var width: Int { right - left }
  var height: Int { bottom - top }
}

/// The date axis: days from `first` to `last`, ticks at a round number of days apart.
struct ChartDayAxis {
  let first: Int
  let last: Int
  let plot: ChartPlotArea
  /// Days between ticks: 1, 2, 7, 14, then multiples of 28.
  let step: Int
  /// Room kept at each end so markers do not sit on the axes.
  private let inset = 24.0

  init(first: Int, last: Int, plot: ChartPlotArea) {
    self.first = first
    self.last = last
    self.plot = plot
    let span = last - first
    var step = 1
    for candidate in [1, 2, 7, 14, 28, 56, 91, 182, 364] {
      step = candidate
      if span / candidate < 8 { break }
    }
    while span / step >= 8 { step += 364 }
    self.step = step
  }

  var isSingleDay: Bool { first == last }

  /// The x coordinate of a day (the middle of the plot for a single day).
  func x(_ day: Int) -> Double {
    guard last > first else { return Double(plot.left) + Double(plot.width) / 2 }
    let usable = Double(plot.width) - 2 * inset
    return Double(plot.left) + inset + usable * Double(day - first) / Double(last - first)
  }

  /// The tick days, from the first day.
  var ticks: [Int] {
    Array(stride(from: first, through: last, by: step))
  }

  /// The axis line, ticks and `YYYY-MM-DD` labels, and the axis title.
  func draw(into svg: inout ChartSVG, plot: ChartPlotArea) {
    svg.raw(
      "<line class=\"axis\" x1=\"\(plot.left)\" y1=\"\(plot.bottom)\" x2=\"\(plot.right)\" y2=\"\(plot.bottom)\""
        + " stroke=\"#333333\" stroke-width=\"1\"/>")
    for day in ticks {
      let x = ChartSVG.number(x(day))
      svg.raw(
        "<line x1=\"\(x)\" y1=\"\(plot.bottom)\" x2=\"\(x)\" y2=\"\(plot.bottom + 6)\" stroke=\"#333333\""
          + " stroke-width=\"1\"/>")
      svg.raw(
        "<text class=\"date-label\" x=\"\(x)\" y=\"\(plot.bottom + 22)\" font-size=\"13\" text-anchor=\"middle\""
          + " fill=\"#222222\">" + ChartSVG.escape(BriefDay.iso(day)) + "</text>")
    }
    svg.text(
      "as-of date", x: plot.left + plot.width / 2, y: plot.bottom + 42, size: 13, anchor: "middle", fill: "#555555",
      className: "axis-title")
  }
}

/// The value axis: from 0 to a round maximum, with ticks 1, 2 or 5 times a power of ten apart.
struct ChartValueAxis {
  let top: Int64
  let step: Int64
  let plot: ChartPlotArea

  init(maximum: Int64, plot: ChartPlotArea) {
    self.plot = plot
    let step = ChartValueAxis.niceStep(maximum)
    self.step = step
    let top = max(step, (maximum + step - 1) / step * step)
    self.top = top
  }

  /// The smallest step of 1, 2 or 5 times a power of ten that covers `maximum` in at most 5 steps.
  ///
  /// For example, 209 gives 50 (ticks 0, 50, …, 250), 19 gives 5, 3 gives 1, 0 gives 1.
  static func niceStep(_ maximum: Int64) -> Int64 {
    var power: Int64 = 1
    while true {
      for multiple: Int64 in [1, 2, 5] {
        let step = multiple * power
        if step * 5 >= maximum { return step }
      }
      if power > Int64.max / 100 { return power * 10 }
      power *= 10
    }
  }

  /// The y coordinate of a value.
  func y(_ value: Int64) -> Double {
    Double(plot.bottom) - Double(plot.height) * Double(value) / Double(top)
  }

  /// The tick values, from 0 to ``top``.
  var ticks: [Int64] {
    Array(stride(from: 0, through: top, by: Int(step)))
  }

  /// Grid lines, tick labels, the axis line and the axis title.
  func draw(into svg: inout ChartSVG, plot: ChartPlotArea) {
    for value in ticks {
      let y = ChartSVG.number(y(value))
      svg.raw(
        "<line x1=\"\(plot.left)\" y1=\"\(y)\" x2=\"\(plot.right)\" y2=\"\(y)\" stroke=\"#e3e3e3\" stroke-width=\"1\"/>"
      )
      svg.raw(
        "<text class=\"value-label\" x=\"\(plot.left - 10)\" y=\"\(y)\" dy=\"0.35em\" font-size=\"13\""
          + " text-anchor=\"end\" fill=\"#222222\">" + FigureText.grouped(value) + "</text>")
    }
    svg.raw(
      "<line class=\"axis\" x1=\"\(plot.left)\" y1=\"\(plot.top)\" x2=\"\(plot.left)\" y2=\"\(plot.bottom)\""
        + " stroke=\"#333333\" stroke-width=\"1\"/>")
    svg.text(
      "reported total (people)", x: plot.left - 56, y: plot.top - 16, size: 13, fill: "#555555",
      className: "axis-title")
  }
}

/// The legend below the plot: one entry per series, in one column, or two when there are more
/// than five; at most twelve entries, then `and N more series`.
struct ChartLegend {
  static let rowHeight = 20
  static let maximumEntries = 12

  let columns: Int
  let rows: Int
  let shown: Int
  let hidden: Int
  let width: Int

  init(count: Int, width: Int) {
    self.width = width
    columns = count > 5 ? 2 : 1
    shown = count > ChartLegend.maximumEntries ? ChartLegend.maximumEntries - 1 : count
    hidden = count - shown
    rows = (shown + (hidden > 0 ? 1 : 0) + columns - 1) / columns
  }

  /// The height the legend needs.
  var height: Int { rows * ChartLegend.rowHeight }

  /// Each entry: a short line and marker in the series' style, then its label.
  func draw(_ series: [ChartSeries], top: Int, into svg: inout ChartSVG) {
    let columnWidth = (width - 80) / columns
    // About 7.5 pixels per character at 13 pixels.
    let characters = (columnWidth - 44) * 2 / 15
    for index in 0..<(shown + (hidden > 0 ? 1 : 0)) {
      let column = index / rows
      let row = index % rows
      let x = 40 + column * columnWidth
      let y = top + row * ChartLegend.rowHeight
      guard index < shown else {
        svg.text(
          "and \(hidden) more series", x: x + 36, y: y + 5, size: 13, fill: "#555555", className: "legend")
        continue
      }
      let style = ChartSeriesStyle(index)
      svg.raw(
        "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x + 28)\" y2=\"\(y)\" stroke=\"\(style.colour)\" stroke-width=\"2.5\""
          + "\(style.dash)/>")
      svg.raw(
        "<circle cx=\"\(x + 14)\" cy=\"\(y)\" r=\"4\" fill=\"\(style.colour)\""
          + " stroke=\"#ffffff\" stroke-width=\"1.5\"/>")
      var label = series[index].label
      if label.count > characters { label = String(label.prefix(max(1, characters - 1))) + "…" }
      svg.text(label, x: x + 36, y: y + 5, size: 13, className: "legend")
    }
  }
}
