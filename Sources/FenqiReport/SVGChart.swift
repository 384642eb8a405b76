import Foundation

/// One named series of a chart.
public struct ChartSeries: Sendable {
  /// The legend name (escaped when drawn).
  public var name: String
  /// One value per x position or category; NaN leaves a gap.
  public var values: [Double]

  /// Creates a series.
  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
  }
}

/// Self-contained SVG charts with axes, units and legends.
///
/// Marks stay distinguishable in greyscale: each series has its own lightness, dash pattern and
/// marker. Every mark carries its
/// raw value in `data-value`, so tests can check a chart against the numbers it draws.
public enum SVGChart {
  /// Series colours: Okabe & Ito's colour-blind-safe palette (2008), yellow last; lines also
  /// differ by dash pattern and marker, so series stay apart in greyscale.
  public static let palette = [
    "#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9",
    "#000000", "#F0E442",
  ]
  /// Dash patterns per series (7 patterns × 3 markers: 21 lines before a style repeats).
  public static let dashes = [
    "", "7 4", "2 3", "10 3 2 3", "4 2", "1 2", "12 4",
  ]
  /// An ordinal palette for ordered layers (light → dark): viridis (van der Walt & Smith, 2015),
  /// monotone in lightness, so it reads in greyscale and for colour-blind readers.
  public static let sequential = [
    "#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154",
  ]

  /// The colour of position `t` in [0, 1] along viridis (linear between its six stops).
  public static func sequentialColour(_ t: Double) -> String {
    let stops: [(Int, Int, Int)] = [
      (0xfd, 0xe7, 0x25), (0x7a, 0xd1, 0x51), (0x22, 0xa8, 0x84),
      (0x2a, 0x78, 0x8e), (0x41, 0x44, 0x87), (0x44, 0x01, 0x54),
    ]
    let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
    let i = min(Int(x), stops.count - 2)
    let f = x - Double(i)
    func mix(_ a: Int, _ b: Int) -> Int {
      Int((Double(a) + (Double(b) - Double(a)) * f).rounded())
    }
    let (a, b) = (stops[i], stops[i + 1])
    let hex = [mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2)].map {
      let s = String($0, radix: 16)
      return s.count == 1 ? "0" + s : s
    }
    return "#" + hex.joined()
  }

  static let width = 720.0, height = 320.0
  static let left = 78.0, right = 18.0, top = 34.0, bottom = 62.0

  /// A line chart over shared x labels.
  ///
  /// - Parameters:
  ///   - id: the figure's element id.
  ///   - title: the chart title.
  ///   - xLabels: one label per x position.
  ///   - xTitle: the x axis title with its unit.
  ///   - yTitle: the y axis title with its unit.
  ///   - series: the lines; NaN values leave gaps.
  ///   - format: how y values are labelled (axis ticks and tooltips).
  ///   - sharedRange: values the y axis must also span (small multiples on one scale).
  ///   - mark: an x position to mark with a dashed line and a label (the window's end).
  ///   - colours: one colour per series instead of the palette (a sequential scale).
  /// - Returns: an `<svg>` element.
  public static func line(
    id: String, title: String, xLabels: [String], xTitle: String,
    yTitle: String, series: [ChartSeries],
    format: (Double) -> String, sharedRange: [Double] = [],
    mark: (index: Int, label: String)? = nil,
    colours: [String]? = nil
  ) -> String {
    let values = series.flatMap(\.values).filter(\.isFinite)
    let scale = AxisScale(values: values + [0] + sharedRange)
    let key = legend(series.map(\.name), lines: true, colours: colours)
    var svg = frame(
      id: id, title: title, kind: "line", extraHeight: key.extraHeight)
    svg += axes(scale: scale, xTitle: xTitle, yTitle: yTitle, format: format)
    let n = max(xLabels.count, 1)
    let plotWidth = width - left - right
    func x(_ i: Int) -> Double {
      left + (n == 1 ? plotWidth / 2 : plotWidth * Double(i) / Double(n - 1))
    }
    svg += xTicks(labels: xLabels, position: x)
    if let mark, mark.index < n {
      svg += verticalMark(x: x(mark.index), label: mark.label)
    }
    for (s, item) in series.enumerated() {
      let colour = colours?[s] ?? palette[s % palette.count]
      let dash = dashes[s % dashes.count]
      var path = ""
      var pen = false
      for (i, v) in item.values.enumerated() where i < n {
        guard v.isFinite else {
          pen = false
          continue
        }
        path += (pen ? " L" : " M") + "\(r(x(i))) \(r(scale.y(v)))"
        pen = true
      }
      svg += "<g class=\"series\" data-series=\"\(Formatting.xml(item.name))\">"
      svg +=
        "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\""
      svg += dash.isEmpty ? "/>" : " stroke-dasharray=\"\(dash)\"/>"
      for (i, v) in item.values.enumerated() where i < n && v.isFinite {
        svg += marker(shape: s, x: x(i), y: scale.y(v), colour: colour)
          .replacingOccurrences(
            of: "/>",
            with:
              " data-x=\"\(Formatting.xml(xLabels[i]))\" data-value=\"\(v)\"><title>\(Formatting.xml(item.name)), \(Formatting.xml(xLabels[i])): \(Formatting.xml(format(v)))</title></\(markerTag(s))>"
          )
      }
      svg += "</g>"
    }
    return svg + key.svg + "</svg>"
  }

  /// Bars grouped by category, one bar per series; optionally on a log₁₀ axis.
  public static func groupedBars(
    id: String, title: String, categories: [String], yTitle: String,
    series: [ChartSeries],
    logScale: Bool = false, format: (Double) -> String
  ) -> String {
    let values = series.flatMap(\.values).filter(\.isFinite)
    let scale = AxisScale(
      values: logScale ? values.filter { $0 > 0 } : values + [0],
      logarithmic: logScale)
    let key = legend(series.map(\.name), lines: false)
    var svg = frame(
      id: id, title: title, kind: "bars", extraHeight: key.extraHeight)
    svg += axes(scale: scale, xTitle: "", yTitle: yTitle, format: format)
    let plotWidth = width - left - right
    let group = plotWidth / Double(max(categories.count, 1))
    let barWidth = group * 0.8 / Double(max(series.count, 1))
    for (c, category) in categories.enumerated() {
      let x0 = left + group * Double(c) + group * 0.1
      svg +=
        "<text class=\"tick\" x=\"\(r(x0 + group * 0.4))\" y=\"\(r(height - bottom + 16))\" text-anchor=\"middle\">\(Formatting.xml(category))</text>"
      for (s, item) in series.enumerated() where c < item.values.count {
        let v = item.values[c]
        guard v.isFinite, !logScale || v > 0 else { continue }
        let base = scale.y(logScale ? scale.lower : 0)
        let y = scale.y(v)
        let x = x0 + barWidth * Double(s)
        svg +=
          "<rect x=\"\(r(x))\" y=\"\(r(min(y, base)))\" width=\"\(r(barWidth * 0.92))\" height=\"\(r(abs(base - y)))\" fill=\"\(palette[s % palette.count])\" stroke=\"#222\" stroke-width=\"0.5\" data-series=\"\(Formatting.xml(item.name))\" data-category=\"\(Formatting.xml(category))\" data-value=\"\(v)\"><title>\(Formatting.xml(item.name)), \(Formatting.xml(category)): \(Formatting.xml(format(v)))</title></rect>"
        if series.count * categories.count <= 16 {
          svg +=
            "<text class=\"value\" x=\"\(r(x + barWidth * 0.46))\" y=\"\(r(min(y, base) - 3))\" text-anchor=\"middle\">\(Formatting.xml(format(v)))</text>"
        }
      }
    }
    return svg + key.svg + "</svg>"
  }

  /// Stacked bars over x labels; layers are ordered (first at the bottom) and shaded light → dark.
  public static func stackedBars(
    id: String, title: String, xLabels: [String], xTitle: String,
    yTitle: String, layers: [ChartSeries],
    format: (Double) -> String, sharedRange: [Double] = [],
    mark: (index: Int, label: String)? = nil
  ) -> String {
    let totals = xLabels.indices.map { i in
      layers.reduce(0.0) {
        $0 + (i < $1.values.count && $1.values[i].isFinite ? $1.values[i] : 0)
      }
    }
    let scale = AxisScale(values: totals + [0] + sharedRange)
    var svg = frame(id: id, title: title, kind: "stacked")
    svg += axes(scale: scale, xTitle: xTitle, yTitle: yTitle, format: format)
    let plotWidth = width - left - right
    let slot = plotWidth / Double(max(xLabels.count, 1))
    svg += xTicks(labels: xLabels) { left + slot * (Double($0) + 0.5) }
    if let mark, mark.index < xLabels.count {
      svg += verticalMark(
        x: left + slot * Double(mark.index + 1), label: mark.label)
    }
    for i in xLabels.indices {
      var running = 0.0
      for (l, layer) in layers.enumerated()
      where i < layer.values.count && layer.values[i].isFinite {
        let v = layer.values[i]
        let y0 = scale.y(running)
        let y1 = scale.y(running + v)
        running += v
        svg +=
          "<rect x=\"\(r(left + slot * Double(i) + slot * 0.15))\" y=\"\(r(y1))\" width=\"\(r(slot * 0.7))\" height=\"\(r(max(0, y0 - y1)))\" fill=\"\(sequential[min(l, sequential.count - 1)])\" stroke=\"#333\" stroke-width=\"0.4\" data-series=\"\(Formatting.xml(layer.name))\" data-x=\"\(Formatting.xml(xLabels[i]))\" data-value=\"\(v)\"><title>\(Formatting.xml(layer.name)), \(Formatting.xml(xLabels[i])): \(Formatting.xml(format(v)))</title></rect>"
      }
    }
    var legendSVG = "<g class=\"legend\">"
    var x = left
    for (l, name) in layers.map(\.name).enumerated() {
      defer { x += 30 + Formatting.displayWidth(name) * 11 }
      legendSVG +=
        "<rect x=\"\(r(x))\" y=\"\(r(height - 24))\" width=\"12\" height=\"12\" fill=\"\(sequential[min(l, sequential.count - 1)])\" stroke=\"#333\" stroke-width=\"0.4\"/>"
      legendSVG +=
        "<text x=\"\(r(x + 16))\" y=\"\(r(height - 14))\">\(Formatting.xml(name))</text>"
    }
    svg += legendSVG + "</g>"
    return svg + "</svg>"
  }

  // MARK: pieces

  static func frame(
    id: String, title: String, kind: String, extraHeight: Double = 0
  ) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(Formatting.xml(id))\" class=\"chart \(kind)\" viewBox=\"0 0 \(Int(width)) \(Int(height + extraHeight))\" role=\"img\" aria-label=\"\(Formatting.xml(title))\"><title>\(Formatting.xml(title))</title><text class=\"chart-title\" x=\"\(r(left))\" y=\"20\">\(Formatting.xml(title))</text>"
  }

  static func axes(
    scale: AxisScale, xTitle: String, yTitle: String, format: (Double) -> String
  ) -> String {
    var svg = "<g class=\"axes\">"
    for (tick, label) in zip(scale.ticks, tickLabels(scale, format)) {
      let y = scale.y(tick)
      svg +=
        "<line x1=\"\(r(left))\" x2=\"\(r(width - right))\" y1=\"\(r(y))\" y2=\"\(r(y))\" class=\"grid\"/>"
      svg +=
        "<text class=\"tick\" x=\"\(r(left - 6))\" y=\"\(r(y + 4))\" text-anchor=\"end\">\(Formatting.xml(label))</text>"
    }
    svg +=
      "<line x1=\"\(r(left))\" x2=\"\(r(left))\" y1=\"\(r(top))\" y2=\"\(r(height - bottom))\" class=\"axis\"/>"
    svg +=
      "<line x1=\"\(r(left))\" x2=\"\(r(width - right))\" y1=\"\(r(height - bottom))\" y2=\"\(r(height - bottom))\" class=\"axis\"/>"
    svg +=
      "<text class=\"axis-title\" transform=\"translate(14 \(r((top + height - bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(Formatting.xml(yTitle))</text>"
    if !xTitle.isEmpty {
      svg +=
        "<text class=\"axis-title\" x=\"\(r((left + width - right) / 2))\" y=\"\(r(height - bottom + 32))\" text-anchor=\"middle\">\(Formatting.xml(xTitle))</text>"
    }
    return svg + "</g>"
  }

  static func xTicks(labels: [String], position: (Int) -> Double) -> String {
    let every = max(1, labels.count / 12 + (labels.count % 12 == 0 ? 0 : 1))
    var svg = ""
    for (i, label) in labels.enumerated() where i % every == 0 {
      svg +=
        "<text class=\"tick\" x=\"\(r(position(i)))\" y=\"\(r(height - bottom + 16))\" text-anchor=\"middle\">\(Formatting.xml(label))</text>"
    }
    return svg
  }

  /// The legend below the plot, wrapped onto as many rows as it needs; returns the SVG and the
  /// height the rows beyond the first add to the chart.
  static func legend(
    _ names: [String], lines: Bool, colours: [String]? = nil
  ) -> (
    svg: String, extraHeight: Double
  ) {
    var svg = "<g class=\"legend\">"
    var x = left
    var row = 0.0
    for (s, full) in names.enumerated() {
      // Widths in ems of the 11 px legend font: CJK names take a full em per character.
      let name = Formatting.truncated(full, toWidth: 40)
      let itemWidth = 44 + Formatting.displayWidth(name) * 11
      if x + itemWidth > width - right && x > left {
        x = left
        row += 1
      }
      let y = height - 18 + row * 18
      let colour = colours?[s] ?? palette[s % palette.count]
      if lines {
        let dash = dashes[s % dashes.count]
        svg +=
          "<line x1=\"\(r(x))\" x2=\"\(r(x + 26))\" y1=\"\(r(y))\" y2=\"\(r(y))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
        svg += marker(shape: s, x: x + 13, y: y, colour: colour)
      } else {
        svg +=
          "<rect x=\"\(r(x))\" y=\"\(r(y - 6))\" width=\"14\" height=\"12\" fill=\"\(colour)\" stroke=\"#222\" stroke-width=\"0.5\"/>"
      }
      svg +=
        "<text x=\"\(r(x + 32))\" y=\"\(r(y + 4))\"><title>\(Formatting.xml(full))</title>\(Formatting.xml(name))</text>"
      x += itemWidth
    }
    return (svg + "</g>", row * 18)
  }

  /// A dashed vertical line across the plot at `x` with a label at its top (the window's end).
  static func verticalMark(x: Double, label: String) -> String {
    "<line class=\"marker-line\" x1=\"\(r(x))\" x2=\"\(r(x))\" y1=\"\(r(top - 4))\" y2=\"\(r(height - bottom))\"/><text class=\"tick\" x=\"\(r(x + 4))\" y=\"\(r(top + 6))\">\(Formatting.xml(label))</text>"
  }

  /// The tick labels of `scale`: `format`'s, with as many decimals as the step needs to tell
  /// neighbouring ticks apart (a 0.25% step reads 0.25%, not 0.3%).
  static func tickLabels(_ scale: AxisScale, _ format: (Double) -> String)
    -> [String]
  {
    guard !scale.logarithmic else { return scale.ticks.map(format) }
    // Per mille, percentages and percentage points: the decimals of the step in their unit.
    for (suffix, factor) in [(" ‰", 1000.0), ("%", 100), (" pp", 100)]
    where format(0.5).hasSuffix(suffix) {
      let digits = AxisScale.decimals(scale.step * factor)
      return scale.ticks.map {
        Formatting.fixed($0 * factor, digits: digits) + suffix
      }
    }
    let labels = scale.ticks.map(format)
    guard Set(labels).count < labels.count else { return labels }
    let digits = AxisScale.decimals(scale.step)
    return scale.ticks.map { Formatting.fixed($0, digits: digits) }
  }

  static func markerTag(_ shape: Int) -> String {
    shape % 3 == 0 ? "circle" : shape % 3 == 1 ? "rect" : "path"
  }

  static func marker(shape: Int, x: Double, y: Double, colour: String) -> String
  {
    switch shape % 3 {
    case 0:
      return
        "<circle cx=\"\(r(x))\" cy=\"\(r(y))\" r=\"3.2\" fill=\"\(colour)\"/>"
    case 1:
      return
        "<rect x=\"\(r(x - 3))\" y=\"\(r(y - 3))\" width=\"6\" height=\"6\" fill=\"white\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
    default:
      return
        "<path d=\"M\(r(x)) \(r(y - 4)) L\(r(x + 4)) \(r(y + 3)) L\(r(x - 4)) \(r(y + 3)) Z\" fill=\"\(colour)\"/>"
    }
  }

  /// Rounds a coordinate to 0.1 for compact, stable output.
  static func r(_ v: Double) -> String { Formatting.fixed(v, digits: 1) }
}

/// A linear or logarithmic y axis with "nice" ticks (1, 2, 2.5 or 5 × 10ⁿ steps).
struct AxisScale {
  let lower: Double
  let upper: Double
  let ticks: [Double]
  let logarithmic: Bool
  /// The distance between ticks (linear axes; 10× on log axes).
  let step: Double

  init(values: [Double], logarithmic: Bool = false) {
    self.logarithmic = logarithmic
    if logarithmic {
      let positives = values.filter { $0 > 0 }
      let lo = floor(log10(positives.min() ?? 1))
      let hi = ceil(log10(positives.max() ?? 10))
      lower = pow(10, lo)
      upper = pow(10, max(hi, lo + 1))
      ticks = stride(from: lo, through: max(hi, lo + 1), by: 1).map {
        pow(10, $0)
      }
      step = 10
      return
    }
    var lo = values.min() ?? 0
    var hi = values.max() ?? 1
    if hi == lo { hi = lo + 1 }
    let step = AxisScale.niceStep((hi - lo) / 5)
    self.step = step
    lo = floor(lo / step) * step
    hi = ceil(hi / step) * step
    lower = lo
    upper = hi
    ticks = stride(from: lo, through: hi + step / 2, by: step).map {
      abs($0) < step / 1e9 ? 0 : $0
    }
  }

  /// The decimals that write multiples of `step` exactly: 0.25 → 2, 5 → 0, 0.1 → 1.
  static func decimals(_ step: Double) -> Int {
    guard step > 0, step.isFinite else { return 0 }
    var scaled = step
    for d in 0...8 {
      if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
      scaled *= 10
    }
    return 8
  }

  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, floor(log10(raw)))
    for m in [1.0, 2, 2.5, 5, 10] where raw <= m * magnitude {
      return m * magnitude
    }
    return 10 * magnitude
  }

  func y(_ v: Double) -> Double {
    let top = SVGChart.top
    let bottom = SVGChart.height - SVGChart.bottom
    let t: Double
    if logarithmic {
      t = (log10(max(v, lower)) - log10(lower)) / (log10(upper) - log10(lower))
    } else {
      t = (v - lower) / (upper - lower)
    }
    return bottom - t * (bottom - top)
  }
}
