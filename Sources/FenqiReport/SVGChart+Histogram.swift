import Foundation

extension SVGChart {
  /// A labelled vertical line on a histogram (a VaR or ES).
  public struct Mark: Sendable {
    /// The label drawn beside the line.
    public var name: String
    /// Its x value.
    public var value: Double

    /// Creates a mark.
    public init(name: String, value: Double) {
      self.name = name
      self.value = value
    }
  }

  /// A histogram of `values` in `bins` equal bins, with vertical marks.
  ///
  /// - Parameters:
  ///   - id: the figure's element id.
  ///   - title: the chart title.
  ///   - values: the outcomes (non-finite ones are left out).
  ///   - bins: the number of bins (≥ 1).
  ///   - xTitle: the x axis title with its unit.
  ///   - marks: vertical lines (VaR, ES), each labelled.
  ///   - format: how x values are labelled.
  /// - Returns: an `<svg>` element; each bar carries its count in `data-value`.
  public static func histogram(
    id: String, title: String, values: [Double], bins: Int, xTitle: String,
    marks: [Mark], format: (Double) -> String
  ) -> String {
    let xs = values.filter(\.isFinite)
    let lo = Swift.min(xs.min() ?? 0, marks.map(\.value).min() ?? .infinity)
    var hi = Swift.max(xs.max() ?? 1, marks.map(\.value).max() ?? -.infinity)
    if hi <= lo { hi = lo + 1 }
    let n = Swift.max(1, bins)
    var counts = [Double](repeating: 0, count: n)
    for x in xs {
      counts[Swift.min(n - 1, Int((x - lo) / (hi - lo) * Double(n)))] += 1
    }
    let scale = AxisScale(values: counts + [0])
    var svg = frame(id: id, title: title, kind: "histogram")
    svg += axes(
      scale: scale, xTitle: xTitle, yTitle: "paths", format: { String(Int($0)) }
    )
    let plotWidth = width - left - right
    func x(_ v: Double) -> Double { left + plotWidth * (v - lo) / (hi - lo) }
    let edges = (0...n).map { lo + (hi - lo) * Double($0) / Double(n) }
    for k in stride(from: 0, through: n, by: Swift.max(1, n / 6)) {
      svg +=
        "<text class=\"tick\" x=\"\(r(x(edges[k])))\" y=\"\(r(height - bottom + 16))\" text-anchor=\"middle\">\(Formatting.xml(format(edges[k])))</text>"
    }
    for (k, c) in counts.enumerated() where c > 0 {
      let y = scale.y(c)
      svg +=
        "<rect x=\"\(r(x(edges[k])))\" y=\"\(r(y))\" width=\"\(r(Swift.max(0.5, x(edges[k + 1]) - x(edges[k]) - 0.6)))\" height=\"\(r(scale.y(0) - y))\" fill=\"\(sequential[2])\" stroke=\"#333\" stroke-width=\"0.3\" data-value=\"\(c)\"><title>\(Formatting.xml(format(edges[k])))–\(Formatting.xml(format(edges[k + 1]))): \(Int(c)) paths</title></rect>"
    }
    for (m, mark) in marks.enumerated() {
      let colour = palette[(m + 1) % palette.count]
      let dash = dashes[(m + 1) % dashes.count]
      let xm = x(mark.value)
      svg +=
        "<line x1=\"\(r(xm))\" x2=\"\(r(xm))\" y1=\"\(r(top))\" y2=\"\(r(height - bottom))\" stroke=\"\(colour)\" stroke-width=\"1.6\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") data-value=\"\(mark.value)\"/>"
      svg +=
        "<text x=\"\(r(xm - 3))\" y=\"\(r(top + 12 + Double(m) * 13))\" text-anchor=\"end\" fill=\"\(colour)\">\(Formatting.xml(mark.name))</text>"
    }
    return svg + "</svg>"
  }
}
