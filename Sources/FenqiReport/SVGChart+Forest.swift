/// One row of a forest plot.
public struct ForestRow: Sendable {
  /// The row's label (escaped when drawn).
  public var label: String
  /// The point estimate.
  public var estimate: Double
  /// The interval's lower end.
  public var low: Double
  /// The interval's upper end.
  public var high: Double
  /// The true value, drawn as a hollow diamond, when known.
  public var truth: Double?

  /// Creates a row.
  public init(
    label: String, estimate: Double, low: Double, high: Double,
    truth: Double? = nil
  ) {
    self.label = label
    self.estimate = estimate
    self.low = low
    self.high = high
    self.truth = truth
  }
}

extension SVGChart {
  /// A forest plot: one horizontal interval per row around its estimate, a line at zero, and the
  /// true value (when known) as a hollow diamond.
  public static func forest(
    id: String, title: String, rows: [ForestRow], xTitle: String,
    format: (Double) -> String
  ) -> String {
    let labelWidth = 230.0
    let rowHeight = 26.0
    let chartHeight = top + Double(rows.count) * rowHeight + 56
    let values =
      rows.flatMap {
        [$0.low, $0.high, $0.estimate] + ($0.truth.map { [$0] } ?? [])
      }.filter(\.isFinite) + [0]
    let scale = AxisScale(values: values)
    let x0 = labelWidth
    let x1 = width - right
    func x(_ v: Double) -> Double {
      x0 + (v - scale.lower) / (scale.upper - scale.lower) * (x1 - x0)
    }
    let bottomY = top + Double(rows.count) * rowHeight
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(Formatting.xml(id))\" class=\"chart forest\" viewBox=\"0 0 \(Int(width)) \(Int(chartHeight))\" role=\"img\" aria-label=\"\(Formatting.xml(title))\"><title>\(Formatting.xml(title))</title>"
    svg +=
      "<text class=\"chart-title\" x=\"\(r(left))\" y=\"20\">\(Formatting.xml(title))</text>"
    for tick in scale.ticks {
      svg +=
        "<line class=\"grid\" x1=\"\(r(x(tick)))\" x2=\"\(r(x(tick)))\" y1=\"\(r(top))\" y2=\"\(r(bottomY))\"/>"
      svg +=
        "<text class=\"tick\" x=\"\(r(x(tick)))\" y=\"\(r(bottomY + 14))\" text-anchor=\"middle\">\(Formatting.xml(format(tick)))</text>"
    }
    svg +=
      "<line class=\"axis\" x1=\"\(r(x(0)))\" x2=\"\(r(x(0)))\" y1=\"\(r(top - 4))\" y2=\"\(r(bottomY))\" stroke-dasharray=\"3 2\"/>"
    svg +=
      "<text class=\"axis-title\" x=\"\(r((x0 + x1) / 2))\" y=\"\(r(bottomY + 32))\" text-anchor=\"middle\">\(Formatting.xml(xTitle))</text>"
    for (i, row) in rows.enumerated() {
      let y = top + (Double(i) + 0.5) * rowHeight
      svg +=
        "<text x=\"\(r(left - 60))\" y=\"\(r(y + 4))\">\(Formatting.xml(row.label))</text>"
      guard row.low.isFinite, row.high.isFinite, row.estimate.isFinite else {
        continue
      }
      svg +=
        "<g class=\"effect\" data-label=\"\(Formatting.xml(row.label))\" data-estimate=\"\(row.estimate)\" data-low=\"\(row.low)\" data-high=\"\(row.high)\">"
      svg +=
        "<title>\(Formatting.xml(row.label)): \(Formatting.xml(format(row.estimate))) [\(Formatting.xml(format(row.low))), \(Formatting.xml(format(row.high)))]</title>"
      svg +=
        "<line x1=\"\(r(x(row.low)))\" x2=\"\(r(x(row.high)))\" y1=\"\(r(y))\" y2=\"\(r(y))\" stroke=\"\(palette[0])\" stroke-width=\"2\"/>"
      for end in [row.low, row.high] {
        svg +=
          "<line x1=\"\(r(x(end)))\" x2=\"\(r(x(end)))\" y1=\"\(r(y - 5))\" y2=\"\(r(y + 5))\" stroke=\"\(palette[0])\" stroke-width=\"2\"/>"
      }
      svg +=
        "<rect x=\"\(r(x(row.estimate) - 4))\" y=\"\(r(y - 4))\" width=\"8\" height=\"8\" fill=\"\(palette[0])\"/>"
      if let truth = row.truth, truth.isFinite {
        svg +=
          "<path d=\"M\(r(x(truth))) \(r(y - 7)) L\(r(x(truth) + 6)) \(r(y)) L\(r(x(truth))) \(r(y + 7)) L\(r(x(truth) - 6)) \(r(y)) Z\" fill=\"white\" stroke=\"\(palette[1])\" stroke-width=\"1.8\" data-truth=\"\(truth)\"/>"
      }
      svg += "</g>"
    }
    let legendY = chartHeight - 12
    svg +=
      "<g class=\"legend\"><rect x=\"\(r(left))\" y=\"\(r(legendY - 8))\" width=\"8\" height=\"8\" fill=\"\(palette[0])\"/><text x=\"\(r(left + 14))\" y=\"\(r(legendY))\">estimate with its interval</text>"
    if rows.contains(where: { $0.truth != nil }) {
      svg +=
        "<path d=\"M\(r(left + 200)) \(r(legendY - 9)) L\(r(left + 206)) \(r(legendY - 3)) L\(r(left + 200)) \(r(legendY + 3)) L\(r(left + 194)) \(r(legendY - 3)) Z\" fill=\"white\" stroke=\"\(palette[1])\" stroke-width=\"1.8\"/><text x=\"\(r(left + 212))\" y=\"\(r(legendY))\">true effect (simulator)</text>"
    }
    return svg + "</g></svg>"
  }
}
