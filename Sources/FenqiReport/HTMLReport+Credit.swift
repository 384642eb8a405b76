/// The report's credit charts: delinquency buckets and vintage curves as small multiples.
extension HTMLReport {
  /// The last month of the planning window when a run-off follows it (0-based index and label).
  static func windowMark(_ d: RunData) -> (index: Int, label: String)? {
    guard let w = d.summary["horizon"]?["windowMonths"]?.numberValue,
      d.summaryNumber("periods") > w, w >= 1
    else { return nil }
    return (Int(w) - 1, "window ends; run-off after")
  }

  static func delinquency(_ d: RunData) -> String {
    let labels = monthLabels(d)
    let mark = windowMark(d)
    var content = figure(
      SVGChart.line(
        id: "outstanding", title: "Outstanding principal at month end",
        xLabels: labels, xTitle: "calendar month",
        yTitle: "outstanding principal, ¥",
        series: d.armNames.map {
          ChartSeries(name: $0, values: d.series($0, "outstanding_balance"))
        },
        format: Formatting.compact, mark: mark))
    // Shares stop at the window's end: in the run-off the book empties and its last loans'
    // shares would read as the campaign's.
    let months = mark.map { $0.index + 1 } ?? labels.count
    let shares = d.armNames.map { arm in
      let total = d.series(arm, "outstanding_balance")
      return buckets.map { label, column in
        ChartSeries(
          name: label,
          values: zip(d.series(arm, column), total).enumerated().map {
            $0.offset < months && $0.element.1 > 0
              ? $0.element.0 / $0.element.1 : .nan
          })
      }
    }
    let peak =
      shares.flatMap { layers in
        labels.indices.map { i in
          layers.reduce(0.0) {
            $0
              + (i < $1.values.count && $1.values[i].isFinite
                ? $1.values[i] : 0)
          }
        }
      }.max() ?? 0
    content += PageLayout.multiples(
      zip(d.armNames, shares).enumerated().map { a, pair in
        figure(
          SVGChart.stackedBars(
            id: "delinquency-\(a)",
            title: "Delinquent balance by bucket — \(pair.0)",
            xLabels: Array(labels.prefix(months)),
            xTitle: "calendar month", yTitle: "share of outstanding principal",
            layers: pair.1.map {
              ChartSeries(
                name: $0.name, values: Array($0.values.prefix(months)))
            },
            format: { Formatting.percent($0, digits: 1) }, sharedRange: [peak]))
      })
    return section(
      "Balances by delinquency bucket", content,
      note:
        "Current balance is the rest of each month's outstanding principal; buckets are days past due at month end. The arms' charts share one y-scale\(mark == nil ? "" : "; shares stop at the window's end, before the run-off empties the book")."
    )
  }

  static func vintageCurves(_ d: RunData) -> String {
    var charts: [(arm: Int, name: String, series: [ChartSeries], months: Int)] =
      []
    for (a, arm) in d.armNames.enumerated() {
      let rows = d.vintages.rows(where: "arm", is: arm).filter {
        d.vintages.number($0, "booked_principal") > 0
      }
      let origins = Array(
        Set(rows.map { Int(d.vintages.number($0, "origin_period")) })
      ).sorted()
      let maxMonths =
        rows.map { Int(d.vintages.number($0, "months_on_book")) }.max() ?? 0
      guard maxMonths > 0 else { continue }
      let series = origins.map { origin in
        var values = [Double](repeating: .nan, count: maxMonths)
        for row in rows
        where Int(d.vintages.number(row, "origin_period")) == origin {
          values[Int(d.vintages.number(row, "months_on_book")) - 1] = d.vintages
            .number(row, "cumulative_charge_off_rate")
        }
        return ChartSeries(name: "booked in month \(origin)", values: values)
      }.filter { $0.values.filter(\.isFinite).count >= 3 }
      guard !series.isEmpty else { continue }
      charts.append((a, arm, series, maxMonths))
    }
    guard !charts.isEmpty else { return "" }
    let shared = charts.flatMap { $0.series.flatMap(\.values) }.filter(
      \.isFinite)
    let content = PageLayout.multiples(
      charts.map { chart in
        // Vintages are ordered: a sequential scale (early light, late dark) never repeats a colour.
        let n = chart.series.count
        let colours = (0..<n).map {
          SVGChart.sequentialColour(
            n == 1 ? 1 : Double($0) / Double(n - 1) * 0.75 + 0.25)
        }
        return figure(
          SVGChart.line(
            id: "vintages-\(chart.arm)",
            title:
              "Cumulative charge-off rate by months on book — \(chart.name)",
            xLabels: (1...chart.months).map(String.init),
            xTitle: "months on book",
            yTitle: "charged off ÷ booked principal", series: chart.series,
            format: { Formatting.percent($0, digits: 1) },
            sharedRange: [shared.max() ?? 0], colours: colours))
      })
    return section(
      "Vintage curves", content,
      note:
        "One line per origination month with at least three months observed, from light (early) to dark (late); the arms share one y-scale. Later vintages have had less time to default."
    )
  }
}
