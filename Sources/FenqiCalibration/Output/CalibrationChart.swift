import FenqiCore
import Foundation

/// The report's self-contained SVG charts, drawn like the project's other reports (same
/// classes, palette and sizes), every mark carrying its raw value in `data-value`.
enum CalibrationChart {
  static let width = 720.0, height = 320.0
  static let left = 72.0, right = 18.0, top = 34.0, bottom = 74.0
  /// Observed (dark blue), simulated (red), local and uncertainty trials.
  static let observedColour = "#1f3b73", simulatedColour = "#c0392b"
  static let stageColours: [CalibrationStage: String] = [
    .global: "#8c8c8c", .local: "#c0392b", .uncertainty: "#6a9f58",
  ]

  /// A y axis, linear or log₁₀, with ticks at 1, 2, 2.5 or 5 × 10ⁿ steps (or powers of ten).
  struct Scale {
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var logarithmic: Bool

    init(values: [Double], logarithmic: Bool = false) {
      self.logarithmic = logarithmic
      let finite = values.filter(\.isFinite)
      if logarithmic {
        let positives = finite.filter { $0 > 0 }
        let lo = floor(log10(positives.min() ?? 1))
        let hi = Swift.max(ceil(log10(positives.max() ?? 10)), lo + 1)
        (lower, upper) = (pow(10, lo), pow(10, hi))
        ticks = stride(from: lo, through: hi, by: 1).map { pow(10, $0) }
        return
      }
      var lo = finite.min() ?? 0
      var hi = finite.max() ?? 1
      if hi == lo {
        (lo, hi) = (
          lo - 0.5 * Swift.max(abs(lo), 1), hi + 0.5 * Swift.max(abs(hi), 1)
        )
      }
      let raw = (hi - lo) / 5
      let magnitude = pow(10, floor(log10(raw)))
      let step =
        [1.0, 2, 2.5, 5, 10].first { raw <= $0 * magnitude }.map {
          $0 * magnitude
        }
        ?? 10 * magnitude
      lo = floor(lo / step) * step
      hi = ceil(hi / step) * step
      (lower, upper) = (lo, hi)
      ticks = stride(from: lo, through: hi + step / 2, by: step).map {
        abs($0) < step / 1e9 ? 0 : $0
      }
    }

    /// The SVG y of a value.
    func y(_ v: Double) -> Double {
      let t =
        logarithmic
        ? (log10(Swift.max(v, lower)) - log10(lower))
          / (log10(upper) - log10(lower))
        : (v - lower) / (upper - lower)
      return (height - bottom) - t * (height - bottom - top)
    }
  }

  /// A coordinate rounded to 0.1.
  static func r(_ v: Double) -> String { String(format: "%.1f", v) }

  /// A tick or tooltip number: 3 significant digits.
  static func number(_ v: Double) -> String { String(format: "%.3g", v) }

  static func frame(id: String, title: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(CalibrationReport.escape(id))\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(CalibrationReport.escape(title))\"><title>\(CalibrationReport.escape(title))</title><text class=\"chart-title\" x=\"\(r(left))\" y=\"20\">\(CalibrationReport.escape(title))</text>"
  }

  static func axes(_ scale: Scale, xTitle: String, yTitle: String) -> String {
    var svg = "<g class=\"axes\">"
    for tick in scale.ticks {
      let y = scale.y(tick)
      svg +=
        "<line x1=\"\(r(left))\" x2=\"\(r(width - right))\" y1=\"\(r(y))\" y2=\"\(r(y))\" class=\"grid\"/><text class=\"tick\" x=\"\(r(left - 6))\" y=\"\(r(y + 4))\" text-anchor=\"end\">\(scale.logarithmic && tick >= 1 ? String(format: "%.0f", tick) : number(tick))</text>"
    }
    svg +=
      "<line x1=\"\(r(left))\" x2=\"\(r(left))\" y1=\"\(r(top))\" y2=\"\(r(height - bottom))\" class=\"axis\"/><line x1=\"\(r(left))\" x2=\"\(r(width - right))\" y1=\"\(r(height - bottom))\" y2=\"\(r(height - bottom))\" class=\"axis\"/>"
    svg +=
      "<text class=\"axis-title\" transform=\"translate(14 \(r((top + height - bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(CalibrationReport.escape(yTitle))</text><text class=\"axis-title\" x=\"\(r((left + width - right) / 2))\" y=\"\(r(height - bottom + 32))\" text-anchor=\"middle\">\(CalibrationReport.escape(xTitle))</text>"
    return svg + "</g>"
  }

  /// The x of position `i` of `n`, spread over the plot.
  static func x(_ i: Int, of n: Int) -> Double {
    let w = width - left - right
    return left + (n <= 1 ? w / 2 : w * Double(i) / Double(n - 1))
  }

  /// Distance by trial on a log axis, one dot per trial coloured by stage, with the running
  /// best of the global and local stages as a line.
  static func trials(_ result: CalibrationResult) -> String {
    let n = result.records.count
    let distances = result.distances
    let scale = Scale(
      values: distances.map { $0 > 0 ? $0 : .nan }, logarithmic: true)
    var svg = frame(id: "distance-by-trial", title: "Distance by trial")
    svg += axes(scale, xTitle: "trial", yTitle: "distance (log scale)")
    let every = Swift.max(1, n / 10)
    for i in stride(from: 0, to: n, by: every) {
      svg +=
        "<text class=\"tick\" x=\"\(r(x(i, of: n)))\" y=\"\(r(height - bottom + 16))\" text-anchor=\"middle\">\(i + 1)</text>"
    }
    var best = Double.infinity
    var path = ""
    for (i, record) in result.records.enumerated()
    where record.stage != .uncertainty {
      guard distances[i].isFinite, distances[i] < best else { continue }
      best = distances[i]
      path +=
        (path.isEmpty ? "M" : " H\(r(x(i, of: n))) V")
        + (path.isEmpty
          ? "\(r(x(i, of: n))) \(r(scale.y(best)))" : "\(r(scale.y(best)))")
    }
    if !path.isEmpty {
      svg +=
        "<path class=\"running-best\" d=\"\(path) H\(r(x(n - 1, of: n)))\" fill=\"none\" stroke=\"\(observedColour)\" stroke-width=\"1.5\"/>"
    }
    for (i, record) in result.records.enumerated() where distances[i].isFinite {
      let colour = stageColours[record.stage] ?? "#555"
      svg +=
        "<circle cx=\"\(r(x(i, of: n)))\" cy=\"\(r(scale.y(distances[i])))\" r=\"2.6\" fill=\"\(colour)\" data-stage=\"\(record.stage.rawValue)\" data-value=\"\(JSONWriter.format(distances[i]))\"><title>trial \(i + 1) (\(record.stage.rawValue)): \(number(distances[i]))</title></circle>"
    }
    var lx = left
    for stage in CalibrationStage.allCases {
      svg +=
        "<circle cx=\"\(r(lx + 5))\" cy=\"\(r(height - 14))\" r=\"4\" fill=\"\(stageColours[stage] ?? "#555")\"/><text x=\"\(r(lx + 14))\" y=\"\(r(height - 10))\">\(stage.rawValue)</text>"
      lx += 110
    }
    svg +=
      "<line x1=\"\(r(lx))\" x2=\"\(r(lx + 24))\" y1=\"\(r(height - 14))\" y2=\"\(r(height - 14))\" stroke=\"\(observedColour)\" stroke-width=\"1.5\"/><text x=\"\(r(lx + 30))\" y=\"\(r(height - 10))\">best so far</text>"
    return svg + "</svg>"
  }

  /// Observed moments with a ±2 standard-error band, and the simulated ones at the optimum, at
  /// x positions proportional to `positions` (months on book), labelled `labels`.
  static func curve(
    id: String, title: String, xTitle: String, positions: [Double],
    labels: [String],
    observed: [Double], standardErrors: [Double], simulated: [Double?]
  ) -> String {
    let n = labels.count
    let (first, last) = (positions.min() ?? 0, positions.max() ?? 1)
    func x(_ i: Int, of _: Int) -> Double {
      let w = width - left - right
      return last > first
        ? left + w * (positions[i] - first) / (last - first) : left + w / 2
    }
    let lows = zip(observed, standardErrors).map { $0 - 2 * $1 }
    let highs = zip(observed, standardErrors).map { $0 + 2 * $1 }
    let scale = Scale(values: lows + highs + simulated.compactMap { $0 })
    var svg = frame(id: id, title: title)
    svg += axes(scale, xTitle: xTitle, yTitle: "value")
    let every = Swift.max(1, n / 12 + (n % 12 == 0 ? 0 : 1))
    for (i, label) in labels.enumerated() where i % every == 0 {
      svg +=
        "<text class=\"tick\" x=\"\(r(x(i, of: n)))\" y=\"\(r(height - bottom + 16))\" text-anchor=\"middle\">\(CalibrationReport.escape(label))</text>"
    }
    let band =
      (0..<n).map { "\(r(x($0, of: n))),\(r(scale.y(highs[$0])))" }
      + (0..<n).reversed().map { "\(r(x($0, of: n))),\(r(scale.y(lows[$0])))" }
    svg +=
      "<polygon class=\"band\" points=\"\(band.joined(separator: " "))\" fill=\"\(observedColour)\" fill-opacity=\"0.15\" stroke=\"none\"/>"
    svg += line(
      observed.map(Optional.some), scale: scale, colour: observedColour,
      dash: "",
      name: "observed", labels: labels, x: x)
    svg += line(
      simulated, scale: scale, colour: simulatedColour, dash: "6 3",
      name: "simulated",
      labels: labels, x: x)
    svg +=
      "<rect x=\"\(r(left))\" y=\"\(r(height - 20))\" width=\"24\" height=\"10\" fill=\"\(observedColour)\" fill-opacity=\"0.15\"/><line x1=\"\(r(left))\" x2=\"\(r(left + 24))\" y1=\"\(r(height - 15))\" y2=\"\(r(height - 15))\" stroke=\"\(observedColour)\" stroke-width=\"2\"/><text x=\"\(r(left + 30))\" y=\"\(r(height - 11))\">observed ± 2 SE</text>"
    svg +=
      "<line x1=\"\(r(left + 170))\" x2=\"\(r(left + 194))\" y1=\"\(r(height - 15))\" y2=\"\(r(height - 15))\" stroke=\"\(simulatedColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/><text x=\"\(r(left + 200))\" y=\"\(r(height - 11))\">simulated at the estimate</text>"
    return svg + "</svg>"
  }

  private static func line(
    _ values: [Double?], scale: Scale, colour: String, dash: String,
    name: String,
    labels: [String], x position: (Int, Int) -> Double
  ) -> String {
    let n = values.count
    func x(_ i: Int, of n: Int) -> Double { position(i, n) }
    var path = ""
    var pen = false
    for (i, v) in values.enumerated() {
      guard let v, v.isFinite else {
        pen = false
        continue
      }
      path += (pen ? " L" : " M") + "\(r(x(i, of: n))) \(r(scale.y(v)))"
      pen = true
    }
    var svg =
      "<g class=\"series\" data-series=\"\(name)\"><path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
    for (i, v) in values.enumerated() {
      guard let v, v.isFinite else { continue }
      svg +=
        "<circle cx=\"\(r(x(i, of: n)))\" cy=\"\(r(scale.y(v)))\" r=\"2.8\" fill=\"\(colour)\" data-value=\"\(JSONWriter.format(v))\"><title>\(name), \(CalibrationReport.escape(labels[i])): \(number(v))</title></circle>"
    }
    return svg + "</g>"
  }
}
