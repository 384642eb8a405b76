extension EconomicsSection {
  /// The HTML section (empty without `economics.csv`).
  static func html(_ d: RunData) -> String {
    guard let t = d.economics, !t.rows.isEmpty else { return "" }
    let hs = horizons(t)
    var body = ""
    for arm in arms(t) {
      body +=
        "<p class=\"headline\"><strong>\(Formatting.xml(headline(t, arm: arm)))</strong></p>"
      body +=
        "<table class=\"economics\"><thead><tr><th>\(Formatting.xml(arm)) − control</th>"
      body +=
        hs.map { "<th>\(Formatting.xml(title($0)))</th>" }.joined()
        + "</tr></thead><tbody>"
      for (item, cells) in armRows(t, arm: arm) {
        body += "<tr><td>\(Formatting.xml(labels[item] ?? item))</td>"
        body +=
          cells.map { "<td>\(Formatting.xml($0))</td>" }.joined() + "</tr>"
      }
      body += "</tbody></table>"
      if let input = dipInput(t, arm: arm) {
        body += "<p class=\"note\">\(Formatting.xml(input))</p>"
      }
      let channels = channelRows(t, arm: arm)
      if !channels.isEmpty {
        body += "<table class=\"economics\"><thead><tr>"
        body += channelHeader.map { "<th>\(Formatting.xml($0))</th>" }.joined()
        body += "</tr></thead><tbody>"
        for cells in channels {
          body +=
            "<tr>" + cells.map { "<td>\(Formatting.xml($0))</td>" }.joined()
            + "</tr>"
        }
        body += "</tbody></table>"
      }
    }
    return HTMLReport.section(
      "Incremental economics against control", body, note: note(d, t))
  }

  /// The Markdown section (empty without `economics.csv`).
  static func markdown(_ d: RunData) -> String {
    guard let t = d.economics, !t.rows.isEmpty else { return "" }
    var out = "## Incremental economics against control\n\n"
    out += MarkdownReport.paragraph(note(d, t)) + "\n\n"
    for arm in arms(t) {
      out += MarkdownReport.paragraph(headline(t, arm: arm)) + "\n\n"
      out += MarkdownReport.table(
        ["\(arm) − control"] + horizons(t).map(title),
        armRows(t, arm: arm).map { [labels[$0.item] ?? $0.item] + $0.cells },
        textColumns: 1)
      if let input = dipInput(t, arm: arm) {
        out += "\n" + MarkdownReport.paragraph(input) + "\n"
      }
      let channels = channelRows(t, arm: arm)
      if !channels.isEmpty {
        out +=
          "\n" + MarkdownReport.table(channelHeader, channels, textColumns: 1)
      }
      out += "\n"
    }
    return out
  }

  /// Items that are not meaningful at the window's end: the window's last loans have not had time
  /// to be charged off.
  static let lossItems: Set<String> = [
    "credit_loss", "cohort_loss_rate", "incremental_cohort_loss_rate",
  ]

  /// A horizon's column title.
  static func title(_ h: (name: String, months: String)) -> String {
    (h.name == "window" ? "Window" : "Lifetime") + " (\(h.months) months)"
  }

  /// Each item of `arm` with its increment per horizon.
  static func armRows(_ t: Table, arm: String) -> [(
    item: String, cells: [String]
  )] {
    let hs = horizons(t)
    let byHorizon = hs.map { rows(t, arm: arm, horizon: $0.name) }
    return items.compactMap { item in
      let cells = zip(hs, byHorizon).map { h, rows in
        let cell = increment(t, rows[item])
        // Losses at the window's end count only what has been charged off by then.
        guard h.name == "window", lossItems.contains(item), !cell.isEmpty
        else { return cell }
        return hs.count > 1 ? "not yet due (\(cell) so far)" : "\(cell) so far"
      }
      // A cost neither arm has (no prizes on either side) is left out.
      let absent = byHorizon.allSatisfy { rows in
        rows[item].map { row in
          ["treatment", "control", "increment"].allSatisfy {
            t.number(row, $0) == 0
          }
        } ?? true
      }
      return absent ? nil : (item, cells)
    }
  }

  /// The measured pull-forward beside what the scenario put in.
  static func dipInput(_ t: Table, arm: String) -> String? {
    guard let h = horizons(t).first,
      let row = rows(t, arm: arm, horizon: h.name)["post_campaign_dip"]
    else { return nil }
    let input = t.number(row, "input")
    let displaced = rows(t, arm: arm, horizon: h.name)["displaced_bookings"]
    let share = rows(t, arm: arm, horizon: h.name)["displaced_share"]
    var text =
      "Measured pull-forward: in the months after the campaign \(arm)'s bookings fell \(format(t, row, "increment")) below control's"
    if let displaced, let share {
      text +=
        " (\(format(t, displaced, "increment")) bookings), giving back \(format(t, share, "increment")) of the campaign months' increment"
    }
    return text
      + ". The scenario's urgency assumed those months' need falls \(Formatting.percent(input, digits: 1)); customers still repaying a campaign loan may not borrow again, which deepens the fall."
  }

  /// The channel table's header.
  static let channelHeader = [
    "Channel (lifetime)", "Incremental bookings", "Incremental cost",
    "Value of those bookings", "Channel ROI",
  ]

  /// Per channel of `arm` at the last horizon: bookings, cost, value, ROI; then what no channel
  /// carries (discounts, prizes, vouchers, generic contacts) and the total, which reconciles with
  /// the arm's Δmarketing and ΔNPV + Δmarketing.
  static func channelRows(_ t: Table, arm: String) -> [[String]] {
    guard let last = horizons(t).last else { return [] }
    let mine = t.rows.filter {
      t.text($0, "arm") == arm && t.text($0, "horizon") == last.name
        && !t.text($0, "channel").isEmpty
    }
    let names = HTMLReport.uniqueInOrder(mine.map { t.text($0, "channel") })
    guard !names.isEmpty else { return [] }
    let armRows = rows(t, arm: arm, horizon: last.name)
    let marketing =
      armRows["marketing_cost"].map { t.number($0, "increment") } ?? .nan
    let money = scale(marketing)
    var totals = (bookings: 0.0, cost: 0.0, value: 0.0)
    var out: [[String]] = names.map { name in
      let row = { (item: String) in
        mine.first {
          t.text($0, "channel") == name && t.text($0, "item") == item
        }
      }
      let bookings =
        row("channel_incremental_bookings").map { t.number($0, "increment") }
        ?? 0
      let cost =
        row("channel_incremental_cost").map { t.number($0, "increment") } ?? 0
      let value =
        row("channel_incremental_value").map { t.number($0, "increment") } ?? 0
      totals = (
        totals.bookings + bookings, totals.cost + cost, totals.value + value
      )
      // A ratio on a sliver of the spend, or on bookings the channel lost to another, is noise.
      let meaningful = bookings > 0 && cost > 0.01 * abs(marketing)
      return [
        name, increment(t, row("channel_incremental_bookings")),
        format(cost, unit: "yuan", scale: scale(cost)),
        format(value, unit: "yuan", scale: scale(value)),
        meaningful ? increment(t, row("channel_roi")) : "n/m",
      ]
    }
    let unallocated = marketing - totals.cost
    out.append([
      "No channel (discounts, prizes, vouchers, generic contacts)", "",
      format(unallocated, unit: "yuan", scale: scale(unallocated)), "", "",
    ])
    out.append([
      "Total", format(totals.bookings, unit: "count", scale: money),
      format(marketing, unit: "yuan", scale: money),
      format(totals.value, unit: "yuan", scale: scale(totals.value)), "",
    ])
    return out
  }
}
