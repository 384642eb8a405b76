/// One series of points on numeric axes, with optional error bars (low, high of y).
public struct XYSeries: Sendable {
  /// The legend name.
  public var name: String
  /// The points' x and y values; a NaN y leaves a gap in the line.
  public var points: [(x: Double, y: Double)]
  /// Per point: the y interval drawn as a bar (empty: none).
  public var spread: [(low: Double, high: Double)]

  /// Creates a series.
  public init(
    name: String, points: [(x: Double, y: Double)],
    spread: [(low: Double, high: Double)] = []
  ) {
    self.name = name
    self.points = points
    self.spread = spread
  }
}

extension SVGChart {
  /// Points (joined by lines when `connected`) on a numeric x axis and a numeric y axis, both
  /// with nice ticks; error bars where a series has a spread.
  public static func xy(
    id: String, title: String, xTitle: String, yTitle: String,
    series: [XYSeries], connected: Bool,
    xFormat: (Double) -> String, yFormat: (Double) -> String
  ) -> String {
    let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
    let ys =
      (series.flatMap { $0.points.map(\.y) }
      + series.flatMap { $0.spread.flatMap { [$0.low, $0.high] } })
      .filter(\.isFinite)
    let yScale = AxisScale(values: ys)
    let xScale = AxisScale(values: xs)
    let key = legend(series.map(\.name), lines: connected)
    var svg = frame(
      id: id, title: title, kind: "xy", extraHeight: key.extraHeight)
    svg += axes(scale: yScale, xTitle: xTitle, yTitle: yTitle, format: yFormat)
    func x(_ v: Double) -> Double {
      left + (v - xScale.lower) / (xScale.upper - xScale.lower)
        * (width - left - right)
    }
    for (tick, label) in zip(xScale.ticks, tickLabels(xScale, xFormat)) {
      svg +=
        "<line class=\"grid\" x1=\"\(r(x(tick)))\" x2=\"\(r(x(tick)))\" y1=\"\(r(top))\" y2=\"\(r(height - bottom))\"/><text class=\"tick\" x=\"\(r(x(tick)))\" y=\"\(r(height - bottom + 16))\" text-anchor=\"middle\">\(Formatting.xml(label))</text>"
    }
    for (s, item) in series.enumerated() {
      let colour = palette[s % palette.count]
      svg += "<g class=\"series\" data-series=\"\(Formatting.xml(item.name))\">"
      if connected {
        var path = ""
        var pen = false
        for p in item.points {
          guard p.x.isFinite, p.y.isFinite else {
            pen = false
            continue
          }
          path += (pen ? " L" : " M") + "\(r(x(p.x))) \(r(yScale.y(p.y)))"
          pen = true
        }
        let dash = dashes[s % dashes.count]
        svg +=
          "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
      }
      for (i, p) in item.points.enumerated() where p.x.isFinite && p.y.isFinite
      {
        if i < item.spread.count, item.spread[i].low.isFinite,
          item.spread[i].high.isFinite
        {
          svg +=
            "<line x1=\"\(r(x(p.x)))\" x2=\"\(r(x(p.x)))\" y1=\"\(r(yScale.y(item.spread[i].low)))\" y2=\"\(r(yScale.y(item.spread[i].high)))\" stroke=\"\(colour)\" stroke-width=\"1.2\"/>"
        }
        svg +=
          marker(shape: s, x: x(p.x), y: yScale.y(p.y), colour: colour)
          .replacingOccurrences(
            of: "/>",
            with:
              " data-x=\"\(p.x)\" data-value=\"\(p.y)\"><title>\(Formatting.xml(item.name)): \(Formatting.xml(xFormat(p.x))), \(Formatting.xml(yFormat(p.y)))</title></\(markerTag(s))>"
          )
      }
      svg += "</g>"
    }
    return svg + key.svg + "</svg>"
  }

  /// A heat map: one cell per row × column shaded along viridis from `range`'s low to high end,
  /// its value written inside (white on dark cells), NaN cells left blank.
  public static func heatMap(
    id: String, title: String, rowLabels: [String], columnLabels: [String],
    rowTitle: String, columnTitle: String, values: [[Double]],
    format: (Double) -> String
  ) -> String {
    let finite = values.flatMap { $0 }.filter(\.isFinite)
    let lo = finite.min() ?? 0
    let hi = finite.max() ?? 1
    let labelWidth = 150.0
    let cellWidth =
      (width - labelWidth - right) / Double(max(columnLabels.count, 1))
    let cellHeight = 26.0
    let chartHeight = top + 34 + Double(rowLabels.count) * cellHeight + 30
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(Formatting.xml(id))\" class=\"chart heatmap\" viewBox=\"0 0 \(Int(width)) \(Int(chartHeight))\" role=\"img\" aria-label=\"\(Formatting.xml(title))\"><title>\(Formatting.xml(title))</title><text class=\"chart-title\" x=\"10\" y=\"20\">\(Formatting.xml(title))</text>"
    svg +=
      "<text class=\"axis-title\" x=\"\(r(labelWidth + (width - labelWidth) / 2))\" y=\"\(r(top + 2))\" text-anchor=\"middle\">\(Formatting.xml(columnTitle))</text><text class=\"axis-title\" x=\"10\" y=\"\(r(top + 24))\">\(Formatting.xml(rowTitle))</text>"
    for (c, label) in columnLabels.enumerated() {
      svg +=
        "<text class=\"tick\" x=\"\(r(labelWidth + cellWidth * (Double(c) + 0.5)))\" y=\"\(r(top + 24))\" text-anchor=\"middle\">\(Formatting.xml(Formatting.truncated(label, toWidth: cellWidth / 10)))</text>"
    }
    for (i, label) in rowLabels.enumerated() {
      let y = top + 34 + Double(i) * cellHeight
      svg +=
        "<text class=\"tick\" x=\"10\" y=\"\(r(y + cellHeight / 2 + 4))\">\(Formatting.xml(Formatting.truncated(label, toWidth: 13)))</text>"
      for (c, v) in (i < values.count ? values[i] : []).enumerated()
      where c < columnLabels.count && v.isFinite {
        let t = hi > lo ? (v - lo) / (hi - lo) : 0.5
        let x = labelWidth + cellWidth * Double(c)
        svg +=
          "<rect x=\"\(r(x))\" y=\"\(r(y))\" width=\"\(r(cellWidth - 1))\" height=\"\(r(cellHeight - 1))\" fill=\"\(sequentialColour(t))\" data-row=\"\(Formatting.xml(label))\" data-column=\"\(Formatting.xml(columnLabels[c]))\" data-value=\"\(v)\"><title>\(Formatting.xml(label)), \(Formatting.xml(columnLabels[c])): \(Formatting.xml(format(v)))</title></rect>"
        svg +=
          "<text class=\"value\" x=\"\(r(x + cellWidth / 2))\" y=\"\(r(y + cellHeight / 2 + 3))\" text-anchor=\"middle\" style=\"fill:\(t > 0.45 ? "#fff" : "#111")\">\(Formatting.xml(format(v)))</text>"
      }
    }
    let legendY = chartHeight - 14
    svg +=
      "<g class=\"legend\"><text x=\"10\" y=\"\(r(legendY + 4))\">\(Formatting.xml(format(lo)))</text>"
    for k in 0..<10 {
      svg +=
        "<rect x=\"\(r(80 + Double(k) * 16))\" y=\"\(r(legendY - 6))\" width=\"16\" height=\"10\" fill=\"\(sequentialColour(Double(k) / 9))\"/>"
    }
    svg +=
      "<text x=\"248\" y=\"\(r(legendY + 4))\">\(Formatting.xml(format(hi)))</text></g>"
    return svg + "</svg>"
  }
}
