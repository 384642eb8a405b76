/// The report section of a run whose arms use channels: marketing cost by kind, each channel's
/// funnel and return, and opt-outs by contact frequency.
enum MarketingSection {
  static let costKinds = [
    ("channel contacts", "contact_cost"), ("partner fees", "partner_fees"),
    ("discounts", "discount_cost"), ("lottery prizes", "lottery_cost"),
    ("referral rewards", "referral_cost"), ("point vouchers", "points_cost"),
  ]

  /// Total rows of `channels.csv` for an arm.
  static func totals(_ d: RunData, arm: String) -> [[String]] {
    guard let t = d.channels else { return [] }
    return t.rows.filter {
      t.text($0, "period") == "total" && t.text($0, "arm") == arm
    }
  }

  static func markdown(_ d: RunData) -> String {
    guard let channels = d.channels, let frequency = d.contactFrequency else {
      return ""
    }
    var out = "## Marketing\n\nCost by kind, ¥:\n\n| kind | "
    out +=
      d.armNames.map(MarkdownReport.escape).joined(separator: " | ")
      + " |\n|---|"
    out += String(repeating: "---:|", count: d.armNames.count) + "\n"
    for (label, column) in costKinds {
      out += "| \(label) | "
      out += d.armNames.map { Formatting.money(d.armFigure($0, column)) }
        .joined(separator: " | ")
      out += " |\n"
    }
    out += "\nChannels over the run:\n\n"
    out +=
      "| arm | channel | contacted | booked | cost, ¥ | cost per booking, ¥ | opt-out rate | ROI |\n"
    out += "|---|---|---:|---:|---:|---:|---:|---:|\n"
    for arm in d.armNames {
      for row in totals(d, arm: arm) {
        out +=
          "| \(MarkdownReport.escape(arm)) | \(MarkdownReport.escape(channels.text(row, "channel"))) | "
        out += "\(Formatting.integer(channels.number(row, "contacted"))) | "
        out += "\(Formatting.integer(channels.number(row, "booked"))) | "
        out += "\(Formatting.money(channels.number(row, "cost"))) | "
        out +=
          "\(Formatting.money(channels.number(row, "cost_per_acquisition"))) | "
        out += "\(Formatting.percent(channels.number(row, "opt_out_rate"))) | "
        out +=
          "\(Formatting.fixed(channels.number(row, "roi_net_income"), digits: 2)) |\n"
      }
    }
    out +=
      "\nOpt-out rate by contacts received in the month:\n\n| arm | 1 | 2 | 3 | 4+ |\n|---|---:|---:|---:|---:|\n"
    for arm in d.armNames {
      let rows = frequency.rows(where: "arm", is: arm)
      out += "| \(MarkdownReport.escape(arm)) | "
      out += rows.map {
        Formatting.percent(frequency.number($0, "opt_out_rate"))
      }.joined(separator: " | ")
      out += " |\n"
    }
    return out + "\n"
  }

  static func html(_ d: RunData) -> String {
    guard let channels = d.channels, let frequency = d.contactFrequency else {
      return ""
    }
    let costChart = SVGChart.groupedBars(
      id: "marketing-costs", title: "Marketing cost by kind and arm",
      categories: costKinds.map(\.0), yTitle: "¥ over the run",
      series: d.armNames.map { arm in
        ChartSeries(name: arm, values: costKinds.map { d.armFigure(arm, $0.1) })
      },
      format: Formatting.compact)
    let frequencyChart = SVGChart.groupedBars(
      id: "opt-outs", title: "Opt-out rate by contacts received in the month",
      categories: ["1", "2", "3", "4+"],
      yTitle: "opt-outs per contacted customer",
      series: d.armNames.map { arm in
        ChartSeries(
          name: arm,
          values: frequency.rows(where: "arm", is: arm).map {
            frequency.number($0, "opt_out_rate")
          })
      },
      format: { Formatting.percent($0, digits: 1) })
    var table =
      "<table id=\"channels\"><thead><tr><th>Arm</th><th class=\"text\">Channel</th><th>Contacted</th><th>Booked</th>"
      + "<th>Cost, ¥</th><th>Cost per booking, ¥</th><th>Opt-out rate</th><th>ROI</th></tr></thead><tbody>"
    for arm in d.armNames {
      for row in totals(d, arm: arm) {
        table +=
          "<tr><td>\(Formatting.xml(arm))</td><td class=\"text\">\(Formatting.xml(channels.text(row, "channel")))</td>"
        table +=
          "<td>\(Formatting.integer(channels.number(row, "contacted")))</td>"
        table +=
          "<td>\(Formatting.integer(channels.number(row, "booked")))</td>"
        table += "<td>\(Formatting.money(channels.number(row, "cost")))</td>"
        table +=
          "<td>\(Formatting.money(channels.number(row, "cost_per_acquisition")))</td>"
        table +=
          "<td>\(Formatting.percent(channels.number(row, "opt_out_rate")))</td>"
        table +=
          "<td>\(Formatting.fixed(channels.number(row, "roi_net_income"), digits: 2))</td></tr>"
      }
    }
    table += "</tbody></table>"
    return HTMLReport.section(
      "Marketing: costs, channels and fatigue",
      HTMLReport.figure(costChart) + HTMLReport.figure(frequencyChart) + table,
      note:
        "Bookings are attributed to the best-responding contact of the month; a channel's ROI is "
        + "(the arm's net income per booked yuan before marketing × the channel's booked principal "
        + "− the channel's cost) ÷ its cost. Over-contact shows as opt-out rates rising with the "
        + "number of contacts a customer received that month.")
  }
}
