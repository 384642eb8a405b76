import FenqiCore

/// The report section of a run with targeting policies: each policy's contacts and their true
/// incremental bookings, the uplift scores' Qini and AUUC, the off-policy estimates with their
/// coverage, and the bandit's regret by month.
enum TargetingSection {
  static let armHeader = [
    "arm", "policy", "contacts", "bookings by the contacted",
    "true incremental bookings",
    "incremental per contact", "regret vs best fixed offer", "net income, ¥",
    "bad-debt rate",
  ]

  static func armRows(_ d: RunData, _ t: Table) -> [[String]] {
    d.armNames.compactMap { arm in
      let rows = t.rows(where: "arm", is: arm).filter {
        t.text($0, "phase") == "policy"
      }
      guard let first = rows.first else { return nil }
      func total(_ c: String) -> Double {
        rows.reduce(0) { $0 + t.number($1, c) }
      }
      let contacts = total("contacts")
      let armRow = d.arms.rows(where: "arm", is: arm).first
      return [
        arm, t.text(first, "policy"), Formatting.integer(contacts),
        Formatting.integer(total("contacted_bookings")),
        Formatting.fixed(total("incremental_bookings"), digits: 1),
        Formatting.fixed(
          total("incremental_bookings") / contacts * 1000, digits: 2)
          + " ‰",
        Formatting.fixed(total("regret"), digits: 1),
        Formatting.money(
          armRow.map { d.arms.number($0, "net_income") } ?? .nan),
        Formatting.percent(
          armRow.map { d.arms.number($0, "bad_debt_rate") } ?? .nan),
      ]
    }
  }

  static let upliftHeader = [
    "score", "Qini observed", "AUUC observed", "Qini true", "AUUC true",
  ]

  static func upliftRows(_ u: Table) -> [[String]] {
    u.rows.map { r in
      [u.text(r, "score")]
        + ["qini_observed", "auuc_observed", "qini_true", "auuc_true"].map {
          Formatting.fixed(u.number(r, $0) * 1000, digits: 3)
        }
    }
  }

  static let offPolicyHeader = [
    "policy", "IPS", "IPS 95% interval", "DR", "DR 95% interval", "true value",
    "IPS coverage", "DR coverage",
  ]

  static func offPolicyRows(_ o: Table) -> [[String]] {
    o.rows.map { r in
      let f = { (c: String) in
        Formatting.fixed(o.number(r, c) * 1000, digits: 3)
      }
      return [
        o.text(r, "policy"), f("ips"), "\(f("ips_low"))–\(f("ips_high"))",
        f("dr"),
        "\(f("dr_low"))–\(f("dr_high"))", f("true_value"),
        Formatting.percent(o.number(r, "coverage_ips"), digits: 0),
        Formatting.percent(o.number(r, "coverage_dr"), digits: 0),
      ]
    }
  }

  static let lead =
    "Every targeting arm contacts the same budget a month after a randomised pilot. Incremental "
    + "bookings and regret are the simulator's truth: each customer's probability of booking with "
    + "and without the contact, from their need and choice model. Qini and AUUC are per thousand "
    + "customers, on the pilot's held-out last month (observed outcomes) and against the true "
    + "effects; the off-policy estimates (bookings per thousand customers) evaluate each score's "
    + "top-budget contact policy from that month's log, and coverage is the share of the log's "
    + "disjoint parts whose 95% interval holds the part's true value."

  static func markdown(_ d: RunData) -> String {
    guard let t = d.targeting else { return "" }
    var out = "## Targeting policies\n\n" + lead + "\n\n"
    out += MarkdownReport.table(armHeader, armRows(d, t))
    if let u = d.uplift, !u.rows.isEmpty {
      out += "\n" + MarkdownReport.table(upliftHeader, upliftRows(u))
    }
    if let o = d.offPolicy, !o.rows.isEmpty {
      out += "\n" + MarkdownReport.table(offPolicyHeader, offPolicyRows(o))
    }
    return out + "\n"
  }

  static func html(_ d: RunData) -> String {
    guard let t = d.targeting else { return "" }
    let arms = d.armNames.filter { !t.rows(where: "arm", is: $0).isEmpty }
    let labels = HTMLReport.monthLabels(d)
    func chart(_ id: String, _ title: String, _ column: String, digits: Int)
      -> String
    {
      SVGChart.line(
        id: id, title: title, xLabels: labels, xTitle: "calendar month",
        yTitle: "per contact",
        series: arms.map { arm in
          ChartSeries(
            name: arm,
            values: t.rows(where: "arm", is: arm).map { t.number($0, column) })
        },
        format: { Formatting.fixed($0 * 1000, digits: digits) + " ‰" })
    }
    let incremental = chart(
      "targeting-incremental", "True incremental bookings per contact",
      "incremental_per_contact", digits: 1)
    let regret = chart(
      "targeting-regret", "Regret per contact against the best fixed offer",
      "regret_per_contact", digits: 2)
    var content =
      "<p>\(Formatting.xml(lead))</p>"
      + RiskSection.htmlTable("targeting-arms", armHeader, armRows(d, t))
      + HTMLReport.figure(incremental) + HTMLReport.figure(regret)
    if let u = d.uplift, !u.rows.isEmpty {
      content += RiskSection.htmlTable("uplift", upliftHeader, upliftRows(u))
    }
    if let o = d.offPolicy, !o.rows.isEmpty {
      content += RiskSection.htmlTable(
        "off-policy", offPolicyHeader, offPolicyRows(o))
    }
    return HTMLReport.section("Targeting policies", content)
  }
}
