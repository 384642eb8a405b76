import FenqiCore
import FenqiOptimization

/// `report.html` of an optimisation: the verified answer first, then the plan, the search and
/// the frontier.
public enum OptimizationReport {
  /// The page.
  public static func page(_ r: OptimizationResult) -> String {
    let s = r.inputs.settings
    let title = "Fenqi optimisation: \(r.inputs.scenario.name), arm \(s.arm)"
    var body = "<header><h1>\(Formatting.xml(title))</h1>"
    body += "<p class=\"meta\">" + Formatting.xml(meta(r)) + "</p></header>"
    body += HTMLReport.section(
      "Verified on fresh seeds", headline(r) + table(verificationRows(r)),
      note:
        "The search's \(Verification.candidateCount) best plans and its frontier were re-run on \(r.verification.selectionSeeds.count) fresh seeds and the best of them chosen; the chosen plan and every shipped arm were then run on \(r.verification.seeds.count) further seeds, every customer under the plan and under the control. Brackets are 95% intervals over those seeds; the figures are for \(Formatting.integer(Double(r.inputs.scenario.population.size))) customers. The search's own figures are biased upwards (the best of many noisy draws); these are not."
    )
    body += HTMLReport.section(
      "The chosen plan", table(planRows(r)),
      note:
        "Trial \(r.best.index) of the search, chosen on the selection seeds. Parameters by their scenario paths: "
        + s.parameters.map {
          "\(Formatting.parameterName($0.path)) = \($0.path)"
        }.joined(
          separator: "; ") + ".")
    body += HTMLReport.section(
      "The search", HTMLReport.figure(convergence(r)) + table(topTrials(r)),
      note:
        "\(s.algorithm == .cmaes ? "CMA-ES (Hansen 2016) with Deb's feasibility rules, integer margins and mirrored bounds" : "Uniform random search"), \(r.trials.count) plans, \(s.replicates) seed\(s.replicates == 1 ? "" : "s") each, the same for every plan (common random numbers); trial 0 is the shipped plan."
    )
    if !r.frontier.isEmpty {
      body += HTMLReport.section(
        "Frontier: the objective against the main constraint",
        HTMLReport.figure(frontier(r)) + table(frontierRows(r)),
        note:
          "Plans no other plan beats on both the objective and \(s.constraints[0].label), by the search's figures (the chart, in frontier order); up to \(s.verifiedFrontierPoints) of them re-run on the selection seeds (the table)."
      )
    }
    return HTMLReport.document(title: title, body: body)
  }

  static func meta(_ r: OptimizationResult) -> String {
    let s = r.inputs.settings
    return [
      "objective: \(s.minimise ? "minimise" : "maximise") \(s.objective.label)",
      "constraints: "
        + (s.constraints.isEmpty
          ? "none" : s.constraints.map(\.label).joined(separator: "; ")),
      "\(s.parameters.count) parameters",
      "\(Formatting.integer(Double(r.inputs.scenario.population.size))) customers",
      "seed \(s.seed)",
    ].joined(separator: " · ")
  }

  /// The optimised plan against the best shipped arm, in one sentence.
  static func headline(_ r: OptimizationResult) -> String {
    let rows = r.verification.rows.filter { $0.role == "objective" }
    guard let mine = rows.first else { return "" }
    let shipped = rows.dropFirst().max { $0.value < $1.value }
    var text =
      "The optimised plan's \(mine.figure) is \(figure(mine.value)) [\(figure(mine.low)), \(figure(mine.high))]"
    if let shipped {
      text +=
        "; the best shipped arm, \(shipped.plan), gives \(figure(shipped.value)) [\(figure(shipped.low)), \(figure(shipped.high))]"
    }
    let limits = r.verification.rows.filter {
      $0.plan == "optimised" && $0.role == "constraint"
    }
    if !limits.isEmpty {
      let held = limits.allSatisfy(\.holds)
      text += held ? "; every constraint holds" : "; a constraint does not hold"
      if held, !limits.allSatisfy(\.holdsAcrossInterval) {
        text += " (not across its whole interval)"
      }
    }
    return "<p class=\"headline\"><strong>\(Formatting.xml(text)).</strong></p>"
  }

  /// A number to 4 significant digits, grouped when large.
  static func figure(_ x: Double) -> String {
    guard x.isFinite else { return "–" }
    return abs(x) >= 1000 ? Formatting.integer(x) : Formatting.compact(x)
  }

  /// An HTML table from a header row and body rows.
  static func table(_ rows: [[String]]) -> String {
    guard let head = rows.first else { return "" }
    var t =
      "<table><thead><tr>"
      + head.map { "<th>\(Formatting.xml($0))</th>" }.joined()
    t += "</tr></thead><tbody>"
    for row in rows.dropFirst() {
      t +=
        "<tr>" + row.map { "<td>\(Formatting.xml($0))</td>" }.joined() + "</tr>"
    }
    return t + "</tbody></table>"
  }

  static func verificationRows(_ r: OptimizationResult) -> [[String]] {
    [["Plan", "Figure", "Value [95% interval]", "Limit", "Holds"]]
      + r.verification.rows.map {
        [
          $0.plan, $0.figure,
          "\(figure($0.value)) [\(figure($0.low)), \(figure($0.high))]",
          $0.limit,
          $0.role == "objective"
            ? ""
            : ($0.holds
              ? ($0.holdsAcrossInterval
                ? "yes" : "yes (not across the interval)") : "no"),
        ]
      }
  }

  static func planRows(_ r: OptimizationResult) -> [[String]] {
    let shipped = r.inputs.shippedValues
    return [["Parameter", "Range", "Shipped", "Optimised"]]
      + r.inputs.settings.parameters.enumerated().map { k, p in
        [
          Formatting.parameterName(p.path),
          "\(figure(p.minimum))–\(figure(p.maximum))\(p.isInteger ? ", whole" : "")",
          shipped.map { figure($0[k]) } ?? "–", figure(r.best.values[k]),
        ]
      }
  }

  static func topTrials(_ r: OptimizationResult) -> [[String]] {
    let s = r.inputs.settings
    let order = FeasibilityRanking.order(
      r.trials.map { $0.outcome().evaluation(s) })
    return [["Trial", "Objective"] + s.constraints.map(\.label) + ["Feasible"]]
      + order.prefix(10).map { i in
        let t = r.trials[i]
        return [String(t.index), figure(t.objective)]
          + t.constraints.map(figure)
          + [t.feasible ? "yes" : "no"]
      }
  }

  /// The best feasible objective after each evaluation.
  static func convergence(_ r: OptimizationResult) -> String {
    let s = r.inputs.settings
    var best = Double.nan
    let values = r.trials.map { t -> Double in
      if t.feasible, t.objective.isFinite,
        !best.isFinite || (s.minimise ? t.objective < best : t.objective > best)
      {
        best = t.objective
      }
      return best
    }
    return SVGChart.line(
      id: "convergence", title: "Best feasible objective so far",
      xLabels: r.trials.map { String($0.index) }, xTitle: "plans evaluated",
      yTitle: s.objective.label,
      series: [ChartSeries(name: "best so far", values: values)],
      format: figure)
  }

  /// The frontier plans re-run on the selection seeds, beside their search figures.
  static func frontierRows(_ r: OptimizationResult) -> [[String]] {
    let main = r.inputs.settings.constraints[0].target.label
    return [
      [
        "Trial", "\(main), search", "Objective, search",
        "\(main), selection seeds",
        "Objective, selection seeds", "Every limit holds, selection seeds",
      ]
    ]
      + r.frontier.compactMap { t in
        guard
          let v = r.verification.frontier.first(where: { $0.values == t.values }
          )
        else {
          return nil
        }
        return [
          String(t.index), figure(t.constraints[0]), figure(t.objective),
          figure(v.constraints.first ?? .nan), figure(v.objective),
          v.feasible(r.inputs.settings) ? "yes" : "no",
        ]
      }
  }

  /// The frontier: search figures and verified ones, by the main constraint.
  static func frontier(_ r: OptimizationResult) -> String {
    let s = r.inputs.settings
    let verified = r.frontier.map { t in
      r.verification.frontier.first { $0.values == t.values }?.objective ?? .nan
    }
    let main = r.frontier.map { $0.constraints[0] }
    return SVGChart.xy(
      id: "frontier", title: "Objective against \(s.constraints[0].label)",
      xTitle: s.constraints[0].target.label, yTitle: s.objective.label,
      series: [
        XYSeries(
          name: "search seeds",
          points: zip(main, r.frontier.map(\.objective)).map { ($0, $1) }),
        XYSeries(
          name: "selection seeds", points: zip(main, verified).map { ($0, $1) }),
      ], connected: true, xFormat: figure, yFormat: figure)
  }
}
