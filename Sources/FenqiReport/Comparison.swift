import FenqiCore

/// A comparison of several run folders: the same measures side by side, each with its difference
/// from the first run's arm of the same name (or the first run's first arm).
public struct Comparison: Sendable {
  /// One run being compared.
  public struct Run: Sendable {
    /// A unique label: the scenario name, with the folder name when scenarios repeat.
    public var label: String
    /// The folder it was read from.
    public var folder: String
    /// The run's data.
    public var data: RunData
  }

  /// The measures compared: `arms.csv` column, label, whether it is a rate.
  public static let measures: [(column: String, label: String, isRate: Bool)] =
    [
      ("conversion", "conversion", true),
      ("approval_rate", "approval rate", true),
      ("average_order_value", "average order value, ¥", false),
      ("bookings", "bookings", false),
      ("booked_principal", "booked principal, ¥", false),
      ("repayment_rate", "repayment rate", true),
      ("dpd30_plus_rate", "DPD30+ rate", true),
      ("bad_debt_rate", "bad-debt rate", true),
      ("annualised_charge_off_rate", "annualised charge-off rate", true),
      ("net_income", "net income, ¥", false),
      ("marketing_cost", "marketing cost, ¥", false),
    ]

  /// The runs, in the order given; the first is the reference.
  public let runs: [Run]

  /// Labels runs uniquely.
  public init(runs: [(folder: String, data: RunData)]) {
    var counts: [String: Int] = [:]
    for r in runs { counts[r.data.scenarioName, default: 0] += 1 }
    self.runs = runs.map { r in
      let name = r.data.scenarioName
      let last =
        r.folder.split(separator: "/").last.map(String.init) ?? r.folder
      return Run(
        label: (counts[name] ?? 0) > 1 ? "\(name) (\(last))" : name,
        folder: r.folder, data: r.data)
    }
  }

  /// The reference value for an arm of any run: the first run's arm of the same name, else its first arm.
  public func reference(arm: String, column: String) -> Double {
    guard let first = runs.first else { return .nan }
    let name =
      first.data.armNames.contains(arm)
      ? arm : (first.data.armNames.first ?? arm)
    return first.data.armFigure(name, column)
  }

  /// `comparison.csv`: one tidy row per run × arm × measure.
  public var table: CSVTable {
    var t = CSVTable(header: [
      "run", "run_folder", "scenario", "seed", "arm", "metric", "value",
      "reference_value", "difference",
      "relative_difference",
    ])
    for run in runs {
      for arm in run.data.armNames {
        for m in Self.measures {
          let v = run.data.armFigure(arm, m.column)
          let ref = reference(arm: arm, column: m.column)
          t.append(
            [
              run.label, run.folder, run.data.scenarioName,
              JSONWriter.format(run.data.summaryNumber("seed")), arm, m.column,
            ].map(
              CSVTable.cell)
              + [v, ref, v - ref, ref == 0 ? .nan : (v - ref) / ref].map(
                CSVTable.cell))
        }
      }
    }
    return t
  }

  /// `comparison.md`.
  public var markdown: String {
    var out =
      "# Fenqi comparison\n\nReference: the first run, **\(MarkdownReport.escape(runs.first?.label ?? ""))**. "
    out +=
      "Each difference is against the reference run's arm of the same name (or its first arm). "
    out +=
      "Runs without replicates carry no uncertainty; differences are point estimates.\n\n"
    out += MarkdownReport.table(
      ["run", "arm"] + Self.measures.map(\.label),
      runs.flatMap { run in
        run.data.armNames.map { arm in
          [run.label, arm]
            + Self.measures.map { m in
              let v = run.data.armFigure(arm, m.column)
              let d = v - reference(arm: arm, column: m.column)
              return Self.format(v, rate: m.isRate)
                + (run.folder == runs.first?.folder
                  ? "" : " (\(Self.signed(d, rate: m.isRate)))")
            }
        }
      }, textColumns: 2)
    let warnings = noiseWarnings
    if !warnings.isEmpty {
      out += "\n## Differences inside the noise\n\n"
      out +=
        warnings.map { "- " + MarkdownReport.escape($0) }.joined(
          separator: "\n") + "\n"
    }
    return out
  }

  /// `comparison.html`.
  public var html: String {
    var body =
      "<header><h1>Fenqi comparison</h1><p class=\"meta\">Reference: \(Formatting.xml(runs.first?.label ?? "")) · "
    body +=
      "\(runs.count) runs. The grey figure under each value is its difference from the reference run's arm of the same name; "
    body += "runs without replicates carry no uncertainty.</p></header>"
    let columns = runs.flatMap { run in run.data.armNames.map { (run, $0) } }
    var table = "<table id=\"comparison\"><thead><tr><th>Measure</th>"
    table += columns.map {
      "<th>\(Formatting.xml($0.0.label))<br/>\(Formatting.xml($0.1))</th>"
    }.joined()
    table += "</tr></thead><tbody>"
    for m in Self.measures {
      table += "<tr><td>\(Formatting.xml(m.label))</td>"
      for (run, arm) in columns {
        let v = run.data.armFigure(arm, m.column)
        let d = v - reference(arm: arm, column: m.column)
        table += "<td>\(Formatting.xml(Self.format(v, rate: m.isRate)))"
        if run.folder != runs.first?.folder {
          table +=
            "<br/><span class=\"note\">\(Formatting.xml(Self.signed(d, rate: m.isRate)))</span>"
        }
        table += "</td>"
      }
      table += "</tr>"
    }
    body += HTMLReport.section(
      "Measures side by side", table + "</tbody></table>")
    let warnings = noiseWarnings
    if !warnings.isEmpty {
      body += HTMLReport.section(
        "Differences inside the noise",
        "<ul>" + warnings.map { "<li>\(Formatting.xml($0))</li>" }.joined()
          + "</ul>",
        note:
          "Incremental economics (economics.csv) of the same treatment arm in two runs, compared with the 95% intervals of their replicates."
      )
    }
    let arms = HTMLReport.uniqueInOrder(runs.flatMap(\.data.armNames))
    var charts = ""
    for (i, (column, label, isRate)) in [
      ("conversion", "Conversion (bookings ÷ contacts)", true),
      ("bad_debt_rate", "Bad-debt rate (charged off ÷ originated)", true),
      ("dpd30_plus_rate", "DPD30+ rate, last month", true),
      ("net_income", "Net income over the run, ¥", false),
    ].enumerated() {
      let series = arms.map { arm in
        ChartSeries(
          name: arm,
          values: runs.map {
            $0.data.armNames.contains(arm)
              ? $0.data.armFigure(arm, column) : .nan
          })
      }
      charts += HTMLReport.figure(
        SVGChart.groupedBars(
          id: "compare-\(i)", title: label, categories: runs.map(\.label),
          yTitle: isRate ? "rate" : "¥", series: series,
          format: isRate
            ? { Formatting.percent($0, digits: 2) } : Formatting.compact))
    }
    body += HTMLReport.section("Charts", charts)
    return HTMLReport.document(title: "Fenqi comparison", body: body)
  }

  static func format(_ v: Double, rate: Bool) -> String {
    rate ? Formatting.percent(v) : Formatting.integer(v)
  }

  static func signed(_ d: Double, rate: Bool) -> String {
    guard d.isFinite else { return "–" }
    let text =
      rate
      ? Formatting.fixed(d * 100, digits: 2) + " pp" : Formatting.integer(d)
    return d > 0 ? "+" + text : (d == 0 ? "±0" : text)
  }
}
