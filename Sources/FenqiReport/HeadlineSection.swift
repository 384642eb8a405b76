/// The block that opens a run's report: what was compared, the winner or "inconclusive", the
/// primary effect with its interval, each guardrail's pass or fail and the sample-ratio check;
/// with incremental economics, each arm's NPV over the last horizon with its interval and the
/// probability it is profitable.
enum HeadlineSection {
  /// One figure of the headline: a label, the figure, and a line under it.
  struct Card {
    var label: String
    var value: String
    var detail: String
    var tone: Tone = .neutral
  }

  /// How a card reads at a glance (also spelled out in words, so it survives greyscale).
  enum Tone: String {
    case good, bad, neutral
  }

  static func html(_ d: RunData) -> String {
    var cards: [Card] = []
    cards += economicsCards(d)
    cards += experimentCards(d)
    guard d.armNames.count > 1 || !cards.isEmpty else { return "" }
    var out =
      "<section id=\"headline\" class=\"headline-block\"><h2>Headline</h2>"
    out += "<p class=\"compared\">\(Formatting.xml(compared(d)))</p>"
    if let t = d.economics, let first = t.rows.first,
      let n = Int(t.text(first, "replicates")), n > 1
    {
      // Two bases on one page: say which figure stands on which.
      out +=
        "<p class=\"note\">Bases: the incremental economics (here and in its section) are means over \(n) replicates with 95% intervals; every other section shows one run, the scenario's own seed (replicate 1).</p>"
    }
    if !cards.isEmpty {
      out += "<div class=\"cards\">"
      for c in cards {
        out +=
          "<div class=\"card \(c.tone.rawValue)\"><div class=\"card-label\">\(Formatting.xml(c.label))</div><div class=\"card-value\">\(Formatting.xml(c.value))</div><div class=\"card-detail\">\(Formatting.xml(c.detail))</div></div>"
      }
      out += "</div>"
    }
    return out + "</section>"
  }

  /// The sentence naming the arms compared, the months, the customers and the design.
  static func compared(_ d: RunData) -> String {
    let control =
      d.summary["experiment"]?["control"]?.stringValue ?? d.armNames.first ?? ""
    let others = d.armNames.filter { $0 != control }
    let months = Formatting.integer(d.summaryNumber("periods"))
    let customers = Formatting.integer(d.summaryNumber("customers"))
    guard !others.isEmpty else {
      return
        "One arm, \(control), over \(months) months and \(customers) customers: nothing is compared."
    }
    let mode =
      d.summary["experiment"]?["mode"]?.stringValue.map {
        $0 == "split"
          ? "a randomised split test" : "every customer under every arm (\($0))"
      } ?? "no experiment declared, so no significance test"
    return
      "Compared: \(others.joined(separator: ", ")) against \(control), over \(months) months and \(customers) customers; \(mode)."
  }

  /// Per treatment arm: incremental NPV at the last horizon (interval), and P(profit).
  static func economicsCards(_ d: RunData) -> [Card] {
    guard let t = d.economics, !t.rows.isEmpty,
      let last = EconomicsSection.horizons(t).last
    else { return [] }
    return EconomicsSection.arms(t).compactMap { arm in
      guard
        let npv = EconomicsSection.rows(t, arm: arm, horizon: last.name)["npv"]
      else { return nil }
      let x = t.number(npv, "increment")
      let (low, high) = (t.number(npv, "ci_low"), t.number(npv, "ci_high"))
      let p = t.number(npv, "probability_positive")
      var detail =
        last.name == "lifetime"
        ? "over the loans' lifetime (\(last.months) months)"
        : "at the window's end (\(last.months) months; no run-off)"
      if low.isFinite, high.isFinite, low != high {
        detail +=
          "; 95% interval \(EconomicsSection.format(t, npv, "ci_low")) to \(EconomicsSection.format(t, npv, "ci_high"))"
      } else {
        detail += "; one replicate, no interval"
      }
      if p.isFinite {
        detail +=
          "; P(profit) \(p > 0.999 ? "> 99.9%" : p < 0.001 ? "< 0.1%" : Formatting.percent(p, digits: 1))"
      }
      let tone: Tone =
        low.isFinite && low > 0
        ? .good : high.isFinite && high < 0 ? .bad : .neutral
      return Card(
        label: "\(arm) − \(t.text(npv, "control_arm")): incremental NPV",
        value: EconomicsSection.format(t, npv, "increment")
          + (x > 0 ? " gain" : x < 0 ? " loss" : ""),
        detail: detail, tone: tone)
    }
  }

  /// The experiment's verdicts, primary effects, guardrails and sample-ratio check.
  static func experimentCards(_ d: RunData) -> [Card] {
    guard let t = d.tests, !t.rows.isEmpty else { return [] }
    let e = d.summary["experiment"]
    let guardrails = guardrailLimits(d)
    let guarded = Set(guardrails.map(\.0))
    let primary = t.rows.map { t.text($0, "metric") }.first {
      !guarded.contains($0)
    }
    var cards: [Card] = []
    let verdicts = ExperimentSection.verdicts(d)
    let winners = verdicts.filter { $0.recommendation == "ship" }.map(\.arm)
    cards.append(
      Card(
        label: "Winner",
        value: winners.isEmpty
          ? (verdicts.contains { $0.recommendation == "inconclusive" }
            ? "inconclusive" : "keep control")
          : winners.joined(separator: ", "),
        detail: verdicts.map {
          "\($0.arm): \($0.recommendation) — \($0.reason)"
        }
        .joined(separator: "; "),
        tone: winners.isEmpty ? .neutral : .good))
    for row in t.rows where t.text(row, "metric") == primary {
      let level = Formatting.percent(
        t.number(row, "confidence_level"), digits: 0)
      let f = ExperimentSection.metricFormat(t.text(row, "metric"))
      cards.append(
        Card(
          label: "\(t.text(row, "arm")): \(t.text(row, "metric")) (primary)",
          value: signed(t.number(row, "estimate"), f)
            + " (\(signed(t.number(row, "relative_lift"), { Formatting.percent($0, digits: 1) })))",
          detail:
            "\(level) interval \(f(t.number(row, "ci_low"))) to \(f(t.number(row, "ci_high"))); p (Holm) \(Formatting.fixed(t.number(row, "p_holm"), digits: 4)); \(ExperimentSection.decision(t, row))"
        ))
    }
    for (metric, limit) in guardrails {
      for row in t.rows where t.text(row, "metric") == metric {
        let high = t.number(row, "ci_high")
        let low = t.number(row, "ci_low")
        let status =
          low > limit ? "fail" : high <= limit ? "pass" : "unclear"
        let f = ExperimentSection.metricFormat(metric)
        cards.append(
          Card(
            label: "\(t.text(row, "arm")): guardrail \(metric)",
            value: status,
            detail:
              "may rise by at most \(f(limit)); interval \(f(low)) to \(f(high))",
            tone: status == "fail" ? .bad : status == "pass" ? .good : .neutral)
        )
      }
    }
    if let p = e?["sampleRatio"]?["pValue"]?.numberValue {
      cards.append(
        Card(
          label: "Sample-ratio check",
          value: p < 0.001 ? "mismatch" : "pass",
          detail:
            "χ² p = \(Formatting.fixed(p, digits: 3)) (assignment broken below 0.001)",
          tone: p < 0.001 ? .bad : .good))
    } else if e?["mode"]?.stringValue == "split" {
      cards.append(
        Card(
          label: "Sample-ratio check", value: "n/m",
          detail: "not computable for this allocation"))
    }
    return cards
  }

  /// The guardrails of the experiment: metric and tolerated increase, in metric order.
  static func guardrailLimits(_ d: RunData) -> [(String, Double)] {
    guard case .object(let g) = d.summary["experiment"]?["guardrails"] ?? .null
    else { return [] }
    return g.sorted { $0.key < $1.key }.compactMap { member in
      member.value.numberValue.map { (member.key, $0) }
    }
  }

  static func signed(_ x: Double, _ f: (Double) -> String) -> String {
    x > 0 ? "+" + f(x) : x < 0 ? "−" + f(-x) : f(x)
  }
}
