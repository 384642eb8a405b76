/// A forest plot with one scale per row (each metric on its own axis, so a metric measured in
/// yuan and one in percentage points both fill their row), guardrails marked with their limit.
public struct ForestPanelRow: Sendable {
  /// The row's label (escaped, truncated to fit).
  public var label: String
  /// The estimate and its interval, in the row's own unit.
  public var estimate: Double, low: Double, high: Double
  /// The true value when known (hollow diamond).
  public var truth: Double?
  /// A guardrail's tolerated increase (drawn as a limit line; the row is labelled "guardrail").
  public var limit: Double?
  /// Whether the row is the primary metric (drawn heavier, on a shaded band).
  public var primary: Bool
  /// How the row's values are written.
  public var format: @Sendable (Double) -> String

  /// Creates a row.
  public init(
    label: String, estimate: Double, low: Double, high: Double,
    truth: Double? = nil, limit: Double? = nil, primary: Bool = false,
    format: @escaping @Sendable (Double) -> String
  ) {
    self.label = label
    self.estimate = estimate
    self.low = low
    self.high = high
    self.truth = truth
    self.limit = limit
    self.primary = primary
    self.format = format
  }
}

extension SVGChart {
  /// A forest plot whose rows each have their own x scale (with their own ticks), zero dashed,
  /// the primary rows emphasised and guardrail rows labelled with their limit.
  public static func forestPanels(
    id: String, title: String, rows: [ForestPanelRow]
  ) -> String {
    let labelWidth = 250.0
    let valueWidth = 150.0
    let rowHeight = 46.0
    let chartHeight = top + Double(rows.count) * rowHeight + 30
    let x0 = labelWidth
    let x1 = width - right - valueWidth
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(Formatting.xml(id))\" class=\"chart forest\" viewBox=\"0 0 \(Int(width)) \(Int(chartHeight))\" role=\"img\" aria-label=\"\(Formatting.xml(title))\"><title>\(Formatting.xml(title))</title>"
    svg +=
      "<text class=\"chart-title\" x=\"10\" y=\"20\">\(Formatting.xml(title))</text>"
    for (i, row) in rows.enumerated() {
      let yTop = top + Double(i) * rowHeight
      let y = yTop + 16
      let values =
        [row.low, row.high, row.estimate, 0]
        + [row.truth, row.limit].compactMap { $0 }
      let scale = AxisScale(values: values.filter(\.isFinite))
      func x(_ v: Double) -> Double {
        x0 + (v - scale.lower) / (scale.upper - scale.lower) * (x1 - x0)
      }
      if row.primary {
        svg +=
          "<rect x=\"4\" y=\"\(r(yTop))\" width=\"\(r(width - 8))\" height=\"\(r(rowHeight - 4))\" fill=\"#eef3f8\"/>"
      }
      let label =
        Formatting.truncated(row.label, toWidth: 24)
      svg +=
        "<text x=\"10\" y=\"\(r(y + 4))\"\(row.primary ? " font-weight=\"700\"" : "")><title>\(Formatting.xml(row.label))</title>\(Formatting.xml(label))</text>"
      let tag =
        row.primary ? "primary metric" : row.limit != nil ? "guardrail" : ""
      if !tag.isEmpty {
        svg +=
          "<text class=\"tick\" x=\"10\" y=\"\(r(y + 18))\">\(tag)\(row.limit.map { ", rise ≤ \(Formatting.xml(row.format($0)))" } ?? "")</text>"
      }
      let labels = tickLabels(scale, row.format)
      for (tick, text) in zip(scale.ticks, labels) {
        svg +=
          "<line class=\"grid\" x1=\"\(r(x(tick)))\" x2=\"\(r(x(tick)))\" y1=\"\(r(yTop + 2))\" y2=\"\(r(y + 8))\"/><text class=\"tick\" x=\"\(r(x(tick)))\" y=\"\(r(y + 22))\" text-anchor=\"middle\" font-size=\"9\">\(Formatting.xml(text))</text>"
      }
      svg +=
        "<line class=\"axis\" x1=\"\(r(x(0)))\" x2=\"\(r(x(0)))\" y1=\"\(r(yTop + 2))\" y2=\"\(r(y + 10))\" stroke-dasharray=\"3 2\"/>"
      if let limit = row.limit {
        svg +=
          "<line x1=\"\(r(x(limit)))\" x2=\"\(r(x(limit)))\" y1=\"\(r(yTop + 2))\" y2=\"\(r(y + 10))\" stroke=\"\(palette[1])\" stroke-width=\"2\" stroke-dasharray=\"6 2\" data-limit=\"\(limit)\"/>"
      }
      guard row.low.isFinite, row.high.isFinite, row.estimate.isFinite else {
        svg +=
          "<text class=\"tick\" x=\"\(r(x1 + 8))\" y=\"\(r(y + 4))\">not computable</text>"
        continue
      }
      let stroke = row.primary ? 3.0 : 2.0
      let colour = palette[0]
      svg +=
        "<g class=\"effect\" data-label=\"\(Formatting.xml(row.label))\" data-estimate=\"\(row.estimate)\" data-low=\"\(row.low)\" data-high=\"\(row.high)\"><title>\(Formatting.xml(row.label)): \(Formatting.xml(row.format(row.estimate))) [\(Formatting.xml(row.format(row.low))), \(Formatting.xml(row.format(row.high)))]</title>"
      svg +=
        "<line x1=\"\(r(x(row.low)))\" x2=\"\(r(x(row.high)))\" y1=\"\(r(y))\" y2=\"\(r(y))\" stroke=\"\(colour)\" stroke-width=\"\(stroke)\"/>"
      for end in [row.low, row.high] {
        svg +=
          "<line x1=\"\(r(x(end)))\" x2=\"\(r(x(end)))\" y1=\"\(r(y - 5))\" y2=\"\(r(y + 5))\" stroke=\"\(colour)\" stroke-width=\"\(stroke)\"/>"
      }
      svg +=
        "<rect x=\"\(r(x(row.estimate) - 4.5))\" y=\"\(r(y - 4.5))\" width=\"9\" height=\"9\" fill=\"\(colour)\"/>"
      if let truth = row.truth, truth.isFinite {
        svg +=
          "<path d=\"M\(r(x(truth))) \(r(y - 7)) L\(r(x(truth) + 6)) \(r(y)) L\(r(x(truth))) \(r(y + 7)) L\(r(x(truth) - 6)) \(r(y)) Z\" fill=\"white\" stroke=\"\(palette[1])\" stroke-width=\"1.8\" data-truth=\"\(truth)\"/>"
      }
      svg += "</g>"
      svg +=
        "<text class=\"value\" x=\"\(r(x1 + 8))\" y=\"\(r(y + 4))\" font-size=\"10\">\(Formatting.xml(row.format(row.estimate))) [\(Formatting.xml(row.format(row.low))), \(Formatting.xml(row.format(row.high)))]</text>"
    }
    let legendY = chartHeight - 10
    svg +=
      "<g class=\"legend\"><rect x=\"10\" y=\"\(r(legendY - 8))\" width=\"8\" height=\"8\" fill=\"\(palette[0])\"/><text x=\"24\" y=\"\(r(legendY))\">difference (treatment − control) with its interval; each row on its own scale; dashed: zero</text>"
    if rows.contains(where: { $0.truth != nil }) {
      svg +=
        "<path d=\"M520 \(r(legendY - 9)) L526 \(r(legendY - 3)) L520 \(r(legendY + 3)) L514 \(r(legendY - 3)) Z\" fill=\"white\" stroke=\"\(palette[1])\" stroke-width=\"1.8\"/><text x=\"532\" y=\"\(r(legendY))\">true effect</text>"
    }
    return svg + "</g></svg>"
  }
}
