/// The report's segments section.
extension HTMLReport {
  static func segments(_ d: RunData) -> String {
    let names = uniqueInOrder(
      d.segments.rows.map { d.segments.text($0, "segment") })
    func values(_ arm: String, _ column: String) -> [Double] {
      names.map { name in
        d.segments.rows(where: "arm", is: arm).first {
          d.segments.text($0, "segment") == name
        }.map { d.segments.number($0, column) } ?? .nan
      }
    }
    let badDebt = SVGChart.groupedBars(
      id: "segments-bad-debt", title: "Bad-debt rate by segment",
      categories: names,
      yTitle: "charged off ÷ booked principal",
      series: d.armNames.map {
        ChartSeries(name: $0, values: values($0, "bad_debt_rate"))
      },
      format: { Formatting.percent($0, digits: 1) })
    let booked = SVGChart.groupedBars(
      id: "segments-booked", title: "Principal booked by segment",
      categories: names, yTitle: "booked principal, ¥",
      series: d.armNames.map {
        ChartSeries(name: $0, values: values($0, "booked_principal"))
      }, format: Formatting.compact)
    var table =
      "<table id=\"segments\"><thead><tr><th>Arm</th><th class=\"text\">Segment</th><th>Customers</th><th>Applications</th><th>Bookings</th><th>Booked, ¥</th><th>Charge-offs</th><th>Bad-debt rate</th></tr></thead><tbody>"
    for row in d.segments.rows {
      let hidden = d.segments.text(row, "hidden") == "true"
      table +=
        "<tr\(hidden ? " class=\"hidden-segment\"" : "")><td>\(Formatting.xml(d.segments.text(row, "arm")))</td>"
      table +=
        "<td class=\"text\">\(Formatting.xml(d.segments.text(row, "segment")))\(hidden ? " (hidden from the lender)" : "")</td>"
      for (column, format) in [
        ("customers", Formatting.integer), ("applications", Formatting.integer),
        ("bookings", Formatting.integer),
        ("booked_principal", Formatting.money),
        ("charge_offs", Formatting.integer),
      ] as [(String, (Double) -> String)] {
        table += "<td>\(format(d.segments.number(row, column)))</td>"
      }
      table +=
        "<td>\(Formatting.percent(d.segments.number(row, "bad_debt_rate")))</td></tr>"
    }
    table += "</tbody></table>"
    return section(
      "Segments", figure(badDebt) + figure(booked) + table,
      note:
        "Hidden segments (a fraud ring, say) are invisible to the lender; the simulator reports them from the truth it knows."
    )
  }
}
