import FenqiCore

/// The report section of a run with a business layer: lending, losses and credit lines per arm
/// and borrower kind, customer value per segment, and the merchant agents that failed.
enum BusinessSection {
  static let kindHeader = [
    "arm", "kind", "customers", "purchases", "mean order value, ¥",
    "split orders", "booked principal, ¥",
    "written off, ¥", "write-off rate", "worst new-delinquency rate",
    "raises", "cuts", "freezes", "line declines", "utilisation at end",
    "net cash flow, ¥",
  ]

  static func kindRows(_ d: RunData, _ b: Table) -> [[String]] {
    var out: [[String]] = []
    for arm in d.armNames {
      let rows = b.rows(where: "arm", is: arm)
      for kind in ["person", "firm"] {
        let k = rows.filter { b.text($0, "kind") == kind }
        guard let last = k.last else { continue }
        func total(_ c: String) -> Double {
          k.reduce(0) { $0 + b.number($1, c) }
        }
        let worst =
          k.map { b.number($0, "new_delinquency_rate") }
          .filter(\.isFinite).max() ?? .nan
        let booked = total("booked_principal")
        let purchases = total("instalment_orders") + total("cash_orders")
        let value = total("instalment_order_value") + total("cash_order_value")
        out.append([
          arm, kind, Formatting.integer(b.number(last, "customers")),
          Formatting.integer(purchases),
          Formatting.money(purchases > 0 ? value / purchases : .nan),
          Formatting.integer(total("instalment_orders")),
          Formatting.money(booked), Formatting.money(total("written_off")),
          Formatting.percent(booked > 0 ? total("written_off") / booked : .nan),
          Formatting.percent(worst),
          Formatting.integer(total("raises")),
          Formatting.integer(total("cuts")),
          Formatting.integer(total("freezes")),
          Formatting.integer(total("line_declines")),
          Formatting.percent(b.number(last, "utilisation")),
          Formatting.money(total("net_cash_flow")),
        ])
      }
    }
    return out
  }

  static let lossHeader = [
    "arm", "disputes", "disputed, ¥", "clawed back, ¥", "credit loss, ¥",
    "worst month", "its credit loss, ¥",
  ]

  static func lossRows(_ d: RunData, _ b: Table) -> [[String]] {
    d.armNames.compactMap { arm in
      // Arm-wide columns sit on the first kind row of each month.
      var seen = Set<String>()
      let rows = b.rows(where: "arm", is: arm).filter {
        seen.insert(b.text($0, "period")).inserted
      }
      guard !rows.isEmpty else { return nil }
      func total(_ c: String) -> Double {
        rows.reduce(0) { $0 + b.number($1, c) }
      }
      let worst = rows.max {
        b.number($0, "credit_loss") < b.number($1, "credit_loss")
      }
      return [
        arm, Formatting.integer(total("disputes")),
        Formatting.money(total("disputed_principal")),
        Formatting.money(total("clawback")),
        Formatting.money(total("credit_loss")),
        worst.map { b.text($0, "period") } ?? "",
        Formatting.money(worst.map { b.number($0, "credit_loss") } ?? .nan),
      ]
    }
  }

  static let valueHeader = [
    "arm", "segment", "kind", "repeat-purchase rate", "split order value, ¥",
    "cash order value, ¥", "order-value lift", "lifetime value, ¥",
    "p1 / median / p99, ¥", "churn rate",
  ]

  static func valueRows(_ v: Table) -> [[String]] {
    v.rows.map { r in
      [
        v.text(r, "arm"), v.text(r, "segment"), v.text(r, "kind"),
        Formatting.percent(v.number(r, "repeat_rate"), digits: 1),
        Formatting.money(v.number(r, "instalment_order_value_mean")),
        Formatting.money(v.number(r, "cash_order_value_mean")),
        Formatting.percent(v.number(r, "order_value_lift"), digits: 1),
        Formatting.money(v.number(r, "lifetime_value")),
        ["lifetime_value_p1", "lifetime_value_median", "lifetime_value_p99"]
          .map { Formatting.money(v.number(r, $0)) }.joined(separator: " / "),
        Formatting.percent(v.number(r, "churn_rate"), digits: 1),
      ]
    }
  }

  /// The merchants sentence, with each category name passed through `name` (the caller's escape).
  static func merchantLine(_ m: Table, name: (String) -> String) -> String {
    let failed = m.rows.filter { !m.text($0, "failed_period").isEmpty }
    var byCategory: [(String, Int)] = []
    for r in failed {
      let c = m.text(r, "category")
      if let k = byCategory.firstIndex(where: { $0.0 == c }) {
        byCategory[k].1 += 1
      } else {
        byCategory.append((c, 1))
      }
    }
    let list = byCategory.map { "\($0.1) \(name($0.0))" }.joined(
      separator: ", ")
    return
      "Of \(m.rows.count) merchant agents, \(failed.count) failed"
      + (list.isEmpty ? "." : " (\(list)); see merchants.csv.")
  }

  static let lead =
    "Needs arrive by merchant category (its price, terms, season and split propensity) for people "
    + "and small firms alike. Written off counts charge-offs and disputed balances; credit loss "
    + "nets recoveries and clawbacks. New delinquency is the share of borrowers current at a "
    + "month's start who are past due at its end. Lifetime value is the mean discounted net cash "
    + "flow per customer (interest, fees, subsidies, recoveries and clawbacks less write-offs, "
    + "funding and contacts); the order-value lift compares split with cash purchases (a holdout arm never offered instalments gives "
    + "the causal effect on order value and purchases)."

  static func markdown(_ d: RunData) -> String {
    guard let b = d.business else { return "" }
    var out = "## Business lines and customer value\n\n" + lead + "\n\n"
    out += MarkdownReport.table(kindHeader, kindRows(d, b))
    out += "\n" + MarkdownReport.table(lossHeader, lossRows(d, b))
    if let m = d.merchants {
      out += "\n" + merchantLine(m, name: MarkdownReport.escape) + "\n"
    }
    if let v = d.value, !v.rows.isEmpty {
      out += "\n" + MarkdownReport.table(valueHeader, valueRows(v))
    }
    return out + "\n"
  }

  static func html(_ d: RunData) -> String {
    guard let b = d.business else { return "" }
    let labels = HTMLReport.monthLabels(d)
    func series(_ kind: String?, _ column: String) -> [ChartSeries] {
      d.armNames.map { arm in
        var seen = Set<String>()
        let rows = b.rows(where: "arm", is: arm).filter {
          kind == nil
            ? seen.insert(b.text($0, "period")).inserted
            : b.text($0, "kind") == kind
        }
        return ChartSeries(
          name: arm, values: rows.map { b.number($0, column) })
      }
    }
    var content =
      "<p>\(Formatting.xml(lead))</p>"
      + RiskSection.htmlTable("business-kinds", kindHeader, kindRows(d, b))
      + HTMLReport.figure(
        SVGChart.line(
          id: "business-loss", title: "Credit loss by month",
          xLabels: labels, xTitle: "calendar month", yTitle: "¥",
          series: series(nil, "credit_loss"), format: Formatting.money))
    let firms = b.rows.contains { b.text($0, "kind") == "firm" }
    if firms {
      content += HTMLReport.figure(
        SVGChart.line(
          id: "business-firm-delinquency",
          title: "Firms: new delinquency against cash received",
          xLabels: labels, xTitle: "calendar month", yTitle: "rate, index",
          series: series("firm", "new_delinquency_rate")
            + [
              ChartSeries(
                name: "cash index ÷ 10",
                values: series("firm", "cash_index").first?.values.map {
                  $0 / 10
                } ?? [])
            ],
          format: { Formatting.percent($0, digits: 1) }))
    }
    if b.rows.contains(where: { b.number($0, "lines") > 0 }) {
      // Utilisation over both kinds: the line used ÷ the line held, by month.
      let utilisation = d.armNames.map { arm in
        var used: [String: Double] = [:]
        var held: [String: Double] = [:]
        var months: [String] = []
        for r in b.rows(where: "arm", is: arm) {
          let t = b.text(r, "period")
          if used[t] == nil { months.append(t) }
          used[t, default: 0] += b.number(r, "line_used")
          held[t, default: 0] += b.number(r, "line_total")
        }
        return ChartSeries(
          name: arm,
          values: months.map {
            (held[$0] ?? 0) > 0 ? (used[$0] ?? 0) / (held[$0] ?? 1) : .nan
          })
      }
      content += HTMLReport.figure(
        SVGChart.line(
          id: "business-utilisation", title: "Credit-line utilisation",
          xLabels: labels, xTitle: "calendar month", yTitle: "used ÷ line",
          series: utilisation, format: { Formatting.percent($0, digits: 1) }))
    }
    content += RiskSection.htmlTable(
      "business-losses", lossHeader, lossRows(d, b))
    if let m = d.merchants {
      content += "<p>\(Formatting.xml(merchantLine(m) { $0 }))</p>"
    }
    if let v = d.value, !v.rows.isEmpty {
      content += RiskSection.htmlTable(
        "business-value", valueHeader, valueRows(v))
    }
    return HTMLReport.section("Business lines and customer value", content)
  }
}
