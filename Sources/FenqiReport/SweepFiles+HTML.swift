import FenqiCore

extension SweepFiles {
  /// The sweep's page: net income against bad-debt rate for every grid point × arm (frontier
  /// joined), and for a two-dimensional grid a heat map of net income per arm over the two axes.
  static func html(
    identity: JSONValue, pareto: CSVTable, axes: [String],
    spread: [String: (low: Double, high: Double)] = [:]
  ) -> String {
    let h = pareto.header
    func v(_ row: [String], _ n: String) -> Double {
      Double(row[h.lastIndex(of: n) ?? 0]) ?? .nan
    }
    let armColumn = 1 + axes.count
    let arms = HTMLReport.uniqueInOrder(pareto.rows.map { $0[armColumn] })
    // One series per arm, each point with its replicates' range of net income.
    var series = arms.map { arm in
      let rows = pareto.rows.filter { $0[armColumn] == arm }
      return XYSeries(
        name: arm,
        points: rows.map { (v($0, "bad_debt_rate"), v($0, "net_income")) },
        spread: rows.map {
          spread[$0[0] + "\u{1F}" + arm] ?? (low: .nan, high: .nan)
        })
    }
    let front = pareto.rows.filter {
      $0[h.lastIndex(of: "frontier_net_income") ?? 0] == "true"
    }.map { (x: v($0, "bad_debt_rate"), y: v($0, "net_income")) }
      .sorted { $0.x < $1.x }
    series.append(XYSeries(name: "frontier", points: front))
    let scatter = SVGChart.xy(
      id: "pareto",
      title: "Net income against bad-debt rate, every grid point × arm",
      xTitle: "bad-debt rate (charged off ÷ booked principal)",
      yTitle: "net income, ¥ (mean; bars: replicates' range)",
      series: series, connected: false,
      xFormat: { Formatting.percent($0, digits: 1) },
      yFormat: Formatting.compact)
    var content = HTMLReport.figure(scatter)
    if axes.count == 2 {
      content += heatMaps(pareto, axes: axes, value: v)
    }
    let names = axes.map { "\(Formatting.parameterName($0)) (\($0))" }
    let body =
      "<header><h1>Fenqi sweep</h1><p class=\"meta\">Axes: \(Formatting.xml(names.joined(separator: " × ")))</p></header>"
      + HTMLReport.section(
        "Pareto frontier: net income against bad-debt rate", content,
        note:
          "Each point is a grid point × arm, averaged over replicates, with a bar from the lowest to the highest replicate; the frontier points have no other point with both lower bad debt and higher net income. Every replicate is in sweep.csv."
      )
    return HTMLReport.document(title: "Fenqi sweep", body: body)
  }

  /// The lowest and highest net income over the replicates of each point × arm, keyed by
  /// point and arm (joined by U+001F).
  static func spread(header: [String], rows: [[String]], axes: [String])
    -> [String: (low: Double, high: Double)]
  {
    let armColumn = 3 + axes.count
    let net = header.lastIndex(of: "net_income") ?? 0
    var out: [String: (low: Double, high: Double)] = [:]
    for row in rows where row.count > max(armColumn, net) {
      let key = row[0] + "\u{1F}" + row[armColumn]
      guard let x = Double(row[net]), x.isFinite else { continue }
      let old = out[key] ?? (low: x, high: x)
      out[key] = (min(old.low, x), max(old.high, x))
    }
    return out
  }

  /// One heat map per arm of net income over a two-axis grid (rows: the first axis).
  static func heatMaps(
    _ pareto: CSVTable, axes: [String], value: ([String], String) -> Double
  ) -> String {
    let arms = HTMLReport.uniqueInOrder(pareto.rows.map { $0[1 + axes.count] })
    let rowsValues = HTMLReport.uniqueInOrder(pareto.rows.map { $0[1] })
    let columnValues = HTMLReport.uniqueInOrder(pareto.rows.map { $0[2] })
    var out = ""
    for (a, arm) in arms.enumerated() {
      let grid = rowsValues.map { r in
        columnValues.map { c in
          pareto.rows.first {
            $0[1] == r && $0[2] == c && $0[1 + axes.count] == arm
          }
          .map { value($0, "net_income") } ?? .nan
        }
      }
      out += HTMLReport.figure(
        SVGChart.heatMap(
          id: "grid-\(a)", title: "Net income over the grid — \(arm)",
          rowLabels: rowsValues, columnLabels: columnValues,
          rowTitle: Formatting.parameterName(axes[0]),
          columnTitle: Formatting.parameterName(axes[1]), values: grid,
          format: Formatting.compact))
    }
    return out
  }
}
