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
      t.text($0, "period").isEmpty && t.text($0, "arm") == arm
    }
  }

  static func markdown(_ d: RunData) -> String {
    guard let channels = d.channels, let frequency = d.contactFrequency else {
      return ""
    }
    var out = "## Marketing\n\nCost by kind, ¥:\n\n"
    out += MarkdownReport.table(
      ["kind"] + d.armNames,
      costKinds.map { label, column in
        [label] + d.armNames.map { Formatting.money(d.armFigure($0, column)) }
      })
    out += "\nChannels over the run:\n\n"
    out += MarkdownReport.table(
      [
        "arm", "channel", "contacted", "booked", "cost, ¥",
        "cost per booking, ¥", "opt-out rate", "ROI",
      ],
      d.armNames.flatMap { arm in
        totals(d, arm: arm).map { row in
          [
            arm, channels.text(row, "channel"),
            Formatting.integer(channels.number(row, "contacted")),
            Formatting.integer(channels.number(row, "booked")),
            Formatting.money(channels.number(row, "cost")),
            Formatting.money(channels.number(row, "cost_per_acquisition")),
            Formatting.percent(channels.number(row, "opt_out_rate")),
            Formatting.fixed(channels.number(row, "roi_net_income"), digits: 2),
          ]
        }
      }, textColumns: 2)
    out += "\nOpt-out rate by contacts received in the month:\n\n"
    let buckets = ["1", "2", "3", "4+"]
    out += MarkdownReport.table(
      ["arm"] + buckets,
      d.armNames.map { arm in
        // One row per contact count in contact_frequency.csv; a missing one reads "–".
        let rates = frequency.rows(where: "arm", is: arm).map {
          Formatting.percent(frequency.number($0, "opt_out_rate"))
        }
        return [arm]
          + buckets.indices.map { $0 < rates.count ? rates[$0] : "–" }
      })
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
