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

  /// A horizon's column title.
  static func title(_ h: (name: String, months: String)) -> String {
    (h.name == "window" ? "Window" : "Lifetime") + " (\(h.months) months)"
  }

  /// Each item of `arm` with its increment per horizon.
  static func armRows(_ t: Table, arm: String) -> [(
    item: String, cells: [String]
  )] {
    let byHorizon = horizons(t).map { rows(t, arm: arm, horizon: $0.name) }
    return items.compactMap { item in
      let cells = byHorizon.map { increment(t, $0[item]) }
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
    return
      "Measured pull-forward: bookings in the months after the campaign fell \(format(t, row, "increment")) against control; the urgency input lowers the need rate of those months by \(Formatting.percent(input, digits: 1))."
  }

  /// The channel table's header.
  static let channelHeader = [
    "Channel", "Incremental bookings", "Incremental cost, ¥",
    "Value of those bookings, ¥",
    "Channel ROI",
  ]

  /// Per channel of `arm` at the last horizon: bookings, cost, value, ROI.
  static func channelRows(_ t: Table, arm: String) -> [[String]] {
    guard let last = horizons(t).last else { return [] }
    let mine = t.rows.filter {
      t.text($0, "arm") == arm && t.text($0, "horizon") == last.name
        && !t.text($0, "channel").isEmpty
    }
    let names = HTMLReport.uniqueInOrder(mine.map { t.text($0, "channel") })
    return names.map { name in
      let row = { (item: String) in
        mine.first {
          t.text($0, "channel") == name && t.text($0, "item") == item
        }
      }
      return [name]
        + [
          "channel_incremental_bookings", "channel_incremental_cost",
          "channel_incremental_value", "channel_roi",
        ].map { increment(t, row($0)) }
    }
  }
}
