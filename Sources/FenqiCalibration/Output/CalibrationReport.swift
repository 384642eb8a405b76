import FenqiCore
import FenqiCredit
import Foundation

/// `report.html`: a self-contained page (inline CSS and SVG, nothing fetched) with the
/// parameters and their intervals, the distance by trial, observed against simulated moments by
/// family — vintage curves for `FAMILY.mobNN` names with ±2 SE bands, roll matrices side by side
/// for `roll.FROM.TO` names — and every moment's fit.
enum CalibrationReport {
  /// Escapes text for HTML and SVG.
  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// A value for tables: 4 significant digits; "—" when missing.
  static func value(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "—" }
    return String(format: "%.4g", x)
  }

  /// How the intervals were made, or why there are none.
  static func intervalNote(_ r: CalibrationResult) -> String {
    guard r.intervals != nil else {
      return r.inputs.settings.uncertainty.draws == 0
        ? "No uncertainty stage was run (uncertainty.draws = 0)."
        : "No intervals: the uncertainty stage could not use the simulations at the optimum."
    }
    let perturbed =
      r.target.isCorrelated
      ? "the observed moments perturbed with the correlations of their bootstrap replicates"
      : "the observed moments perturbed independently by their standard errors"
    switch r.inputs.settings.uncertainty.method {
    case .bootstrap:
      return
        "95% intervals: the 2.5% and 97.5% quantiles of \(r.draws.count) bootstrap re-estimates, each re-minimised by Nelder–Mead from the optimum, fitted to \(perturbed)."
    case .sandwich:
      return
        "95% intervals: the 2.5% and 97.5% quantiles of \(r.draws.count) bootstrap re-estimates in the Gauss–Newton approximation at the optimum (the sandwich covariance; Jacobian by central differences), fitted to \(perturbed); within the box."
    }
  }

  /// The page.
  static func page(_ r: CalibrationResult) -> String {
    var body = "<header><h1>Fenqi calibration</h1>"
    body +=
      "<p class=\"meta\">" + meta(r).map(escape).joined(separator: " · ")
      + "</p></header>"
    body += section(
      "Parameters", parameterTable(r),
      note: intervalNote(r))
    body += section(
      "Distance by trial",
      "<figure>" + CalibrationChart.trials(r) + "</figure>",
      note:
        "Distance = Σ ((simulated − observed) / standard error)² over the fitted moments. Uncertainty-stage trials are shown at their distance to the unperturbed moments."
    )
    let groups = MomentGroups(r.inputs.selected.map(\.name))
    for family in groups.curves {
      body += section(
        "\(family.name) by month on book", curve(r, family), note: nil)
    }
    if !groups.rolls.isEmpty {
      body += section("Roll rates", rolls(r, groups), note: nil)
    }
    body += section(
      "Every moment", fitTable(r),
      note:
        "z = (simulated − observed) / standard error, the error floored at max(\(JSONWriter.format(MomentTarget.absoluteFloor)), \(JSONWriter.format(MomentTarget.relativeFloor)) × |observed|); |z| > 2 is marked."
    )
    return document(body)
  }

  static func meta(_ r: CalibrationResult) -> [String] {
    let s = r.inputs.settings
    var counts: [String] = []
    for stage in CalibrationStage.allCases {
      let n = r.records.count { $0.stage == stage }
      if n > 0 { counts.append("\(n) \(stage.rawValue)") }
    }
    var parts = [
      "scenario \(s.scenarioFile)",
      "\(r.target.names.count) moments fitted of \(r.inputs.selected.count) selected",
      "\(s.parameters.count) parameter\(s.parameters.count == 1 ? "" : "s")",
      "\(r.records.count) trials (\(counts.joined(separator: ", ")))",
      "\(s.replicates) replicate\(s.replicates == 1 ? "" : "s") per point",
      "seed \(s.seed)",
      "best distance \(value(r.distances[r.optimum])) at trial \(r.records[r.optimum].trial)",
    ]
    if !r.unsimulated.isEmpty {
      parts.append("never simulated: \(r.unsimulated.joined(separator: ", "))")
    }
    return parts
  }

  static func section(_ title: String, _ content: String, note: String?)
    -> String
  {
    "<section><h2>\(escape(title))</h2>"
      + (note.map { "<p class=\"note\">\(escape($0))</p>" } ?? "")
      + content + "</section>"
  }

  static func parameterTable(_ r: CalibrationResult) -> String {
    var t =
      "<table id=\"parameters\"><thead><tr><th>Parameter</th><th class=\"text\">Scale</th><th>Min</th><th>Max</th><th>Estimate</th><th>2.5%</th><th>97.5%</th></tr></thead><tbody>"
    for (k, p) in r.inputs.settings.parameters.enumerated() {
      t +=
        "<tr><td>\(escape(p.path))</td><td class=\"text\">\(p.scale.rawValue)</td><td>\(value(p.minimum))</td><td>\(value(p.maximum))</td><td data-value=\"\(JSONWriter.format(r.estimate[k]))\">\(value(r.estimate[k]))</td><td>\(value(r.intervals?[k].low))</td><td>\(value(r.intervals?[k].high))</td></tr>"
    }
    return t + "</tbody></table>"
  }

  /// The simulated value of `name` at the optimum, when it is fitted.
  static func simulated(_ r: CalibrationResult, _ name: String) -> Double? {
    r.target.names.contains(name) ? r.records[r.optimum].moment(name) : nil
  }

  static func curve(_ r: CalibrationResult, _ family: MomentGroups.Curve)
    -> String
  {
    let moments = family.names.compactMap {
      r.inputs.observed.moment(named: $0)
    }
    let chart = CalibrationChart.curve(
      id: "curve-" + family.name,
      title: "\(family.name): observed and simulated",
      xTitle: "months on book", positions: family.monthsOnBook.map(Double.init),
      labels: family.monthsOnBook.map(String.init),
      observed: moments.map(\.value),
      standardErrors: moments.map(\.standardError),
      simulated: family.names.map { simulated(r, $0) })
    return "<figure>" + chart + "</figure>"
  }

  static func rolls(_ r: CalibrationResult, _ groups: MomentGroups) -> String {
    func matrix(_ title: String, _ cell: (String) -> Double?) -> String {
      var t =
        "<table class=\"roll\"><caption>\(escape(title))</caption><thead><tr><th>from \\ to</th>"
      for to in groups.rollTo { t += "<th>\(escape(to))</th>" }
      t += "</tr></thead><tbody>"
      for from in groups.rollFrom {
        t += "<tr><td>\(escape(from))</td>"
        for to in groups.rollTo {
          let name = "roll.\(from).\(to)"
          let flag =
            cell(name).flatMap { s in
              r.inputs.observed.moment(named: name).map {
                abs((s - $0.value) / MomentTarget.scale($0)) > 2
              }
            } ?? false
          t += "<td\(flag ? " class=\"off\"" : "")>\(value(cell(name)))</td>"
        }
        t += "</tr>"
      }
      return t + "</tbody></table>"
    }
    let observed = matrix("Observed") {
      r.inputs.observed.moment(named: $0)?.value
    }
    let fitted = matrix("Simulated at the estimate (|z| > 2 marked)") {
      simulated(r, $0)
    }
    return "<div class=\"pair\">" + observed + fitted + "</div>"
  }

  static func fitTable(_ r: CalibrationResult) -> String {
    var t =
      "<table id=\"fit\"><thead><tr><th>Moment</th><th>Observed</th><th>Standard error</th><th>Simulated</th><th>z</th></tr></thead><tbody>"
    for m in r.inputs.selected {
      let s = simulated(r, m.name)
      let z = s.map { ($0 - m.value) / MomentTarget.scale(m) }
      let flag = z.map { abs($0) > 2 } ?? false
      t +=
        "<tr\(flag ? " class=\"off\"" : "")><td>\(escape(m.name))</td><td>\(value(m.value))</td><td>\(value(m.standardError))</td><td>\(value(s))</td><td>\(value(z))</td></tr>"
    }
    return t + "</tbody></table>"
  }

  static func document(_ body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>Fenqi calibration</title>
    <style>\(style)</style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }

  static let style = """
    @page { size: A4; margin: 14mm 12mm; }
    body { font-family: "Helvetica Neue", Helvetica, Arial, "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #1a1a1a;
      max-width: 186mm; margin: 0 auto; padding: 6mm 4mm; font-size: 10.5pt; line-height: 1.4; }
    h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; border-bottom: 1px solid #bbb; margin: 18pt 0 6pt; padding-bottom: 2pt; }
    .meta { color: #555; font-size: 9pt; } .note { color: #555; font-size: 9pt; margin: 2pt 0 6pt; }
    table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 4pt 0; }
    th, td { border-bottom: 1px solid #e2e2e2; padding: 2.5pt 5pt; text-align: right; font-variant-numeric: tabular-nums; }
    th { border-bottom: 1.5px solid #777; } th:first-child, td:first-child, th.text, td.text { text-align: left; }
    caption { text-align: left; font-weight: 600; padding-bottom: 2pt; }
    tr.off td, td.off { background: #fbe3e0; }
    .pair { display: flex; gap: 8mm; } .pair table { width: auto; flex: 1; }
    figure { margin: 6pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg text { font-size: 11px; fill: #222; } svg .chart-title { font-weight: 600; font-size: 13px; }
    svg .grid { stroke: #e6e6e6; stroke-width: 1; } svg .axis { stroke: #555; stroke-width: 1; }
    svg .tick { fill: #444; font-size: 10px; } svg .axis-title { fill: #333; font-size: 10.5px; }
    section { break-inside: avoid-page; }
    @media print { body { padding: 0; } }
    """
}
