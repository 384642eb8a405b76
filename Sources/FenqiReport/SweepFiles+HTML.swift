import FenqiCore

extension SweepFiles {
  /// The sweep's page: net income against bad-debt rate for every grid point × arm (frontier
  /// joined), and for a two-dimensional grid a heat map of net income per arm over the two axes.
  static func html(identity: JSONValue, pareto: CSVTable, axes: [String])
    -> String
  {
    let h = pareto.header
    func v(_ row: [String], _ n: String) -> Double {
      Double(row[h.lastIndex(of: n) ?? 0]) ?? .nan
    }
    let onFront = pareto.rows.map {
      $0[h.lastIndex(of: "frontier_net_income") ?? 0] == "true"
    }
    let all = pareto.rows.map {
      (x: v($0, "bad_debt_rate"), y: v($0, "net_income"))
    }
    let front = zip(all, onFront).filter(\.1).map(\.0).sorted { $0.x < $1.x }
    let scatter = SVGChart.xy(
      id: "pareto",
      title: "Net income against bad-debt rate, every grid point × arm",
      xTitle: "bad-debt rate (charged off ÷ booked principal)",
      yTitle: "net income, ¥ (mean of replicates)",
      series: [
        XYSeries(
          name: "grid point × arm",
          points: zip(all, onFront).filter { !$0.1 }.map(\.0)),
        XYSeries(name: "frontier", points: front),
      ], connected: false, xFormat: { Formatting.percent($0, digits: 1) },
      yFormat: Formatting.compact)
    var content = HTMLReport.figure(scatter)
    if axes.count == 2 {
      content += heatMaps(pareto, axes: axes, value: v)
    }
    let body =
      "<header><h1>Fenqi sweep</h1><p class=\"meta\">Axes: \(Formatting.xml(axes.joined(separator: " × ")))</p></header>"
      + HTMLReport.section(
        "Pareto frontier: net income against bad-debt rate", content,
        note:
          "Each point is a grid point × arm, averaged over replicates; the frontier points have no other point with both lower bad debt and higher net income. Every replicate is in sweep.csv."
      )
    return HTMLReport.document(title: "Fenqi sweep", body: body)
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
          rowTitle: axes[0], columnTitle: axes[1], values: grid,
          format: Formatting.compact))
    }
    return out
  }
}
