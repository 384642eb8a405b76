import FenqiCore
import FenqiRisk
import FenqiSimulation

/// The macro, provision and stress tables (column names in the README).
public enum StressTables {
  /// `macro.csv`: the resolved macro path per period.
  public static func macro(_ s: Scenario) -> CSVTable {
    var t = CSVTable(header: [
      "period", "calendar_month", "unemployment", "benchmark_rate",
      "confidence",
      "systematic_factor", "demand_multiplier", "apr_cap",
    ])
    guard let m = s.macro else { return t }
    let path = MacroPath(m, periods: s.periods)
    for p in 1...s.periods {
      let month = (s.startMonth - 1 + p - 1) % 12 + 1
      t.append(
        [String(p), String(month)]
          + [
            path.unemployment[p], path.benchmarkRate[p], path.confidence[p],
            path.z[p],
            path.demand[p], path.aprCap[p] ?? .nan,
          ].map(CSVTable.cell))
    }
    return t
  }

  /// `ecl.csv`: expected credit loss by period, arm and IFRS 9 stage.
  public static func ecl(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "period", "calendar_month", "arm", "stage", "loans", "exposure",
      "ecl_12_month",
      "ecl_lifetime", "provision", "coverage",
    ])
    for row in r.periods {
      for (a, m) in row.enumerated() {
        let month = (r.scenario.startMonth - 1 + m.period - 1) % 12 + 1
        let p = m.counts.provisions
        for s in 0..<3 {
          let provision = s == 0 ? p.twelveMonth[s] : p.lifetime[s]
          t.append(
            [
              String(m.period), String(month),
              CSVTable.cell(r.scenario.arms[a].name), String(s + 1),
            ]
              + [
                p.loans[s], p.exposure[s], p.twelveMonth[s], p.lifetime[s],
                provision,
                p.exposure[s] > 0 ? provision / p.exposure[s] : .nan,
              ].map(CSVTable.cell))
        }
      }
    }
    return t
  }

  /// `stress.csv`: one row per path × arm.
  public static func paths(_ r: StressRunner.Result, arms: [String]) -> CSVTable
  {
    var t = CSVTable(header: [
      "path", "arm", "booked_principal", "charge_offs", "charge_off_principal",
      "loss",
      "loss_rate", "net_income", "dpd30_plus_rate",
    ])
    for (p, outcomes) in r.paths.enumerated() {
      for (a, o) in outcomes.enumerated() {
        t.append(
          [String(p + 1), CSVTable.cell(arms[a])]
            + [
              o.bookedPrincipal, o.chargeOffs, o.chargeOffPrincipal, o.loss,
              o.lossRate,
              o.netIncome, o.dpd30PlusRate,
            ].map(CSVTable.cell))
      }
    }
    return t
  }

  /// The loss distribution of each arm over the paths.
  public static func distributions(_ r: StressRunner.Result, arms: Int) -> [(
    loss: LossDistribution, rate: LossDistribution, net: LossDistribution
  )] {
    (0..<arms).map { a in
      (
        LossDistribution(r.paths.map { $0[a].loss }),
        LossDistribution(r.paths.map { $0[a].lossRate }),
        LossDistribution(r.paths.map { $0[a].netIncome })
      )
    }
  }

  /// `stress_summary.csv`: per arm, expected loss, VaR and expected shortfall at 95% and 99%,
  /// in yuan and as a share of booked principal.
  public static func summary(_ r: StressRunner.Result, arms: [String])
    -> CSVTable
  {
    var t = CSVTable(header: [
      "arm", "paths", "measure", "mean", "sd", "var_95", "var_99", "es_95",
      "es_99",
      "baseline_mean_path", "shock_mean_path",
    ])
    let d = distributions(r, arms: arms.count)
    for (a, name) in arms.enumerated() {
      let lgd = r.shocked.scenario.repayment.lossGivenDefault
      let base = r.baseline.arms[a]
      let shock = r.shocked.arms[a]
      func rate(_ s: ArmSummary) -> Double {
        s.totals.bookedPrincipal > 0
          ? s.totals.book.chargeOffPrincipal * lgd / s.totals.bookedPrincipal
          : 0
      }
      for (measure, dist, b, s) in [
        (
          "loss", d[a].loss, base.totals.book.chargeOffPrincipal * lgd,
          shock.totals.book.chargeOffPrincipal * lgd
        ),
        ("loss_rate", d[a].rate, rate(base), rate(shock)),
      ] {
        t.append(
          [CSVTable.cell(name), String(r.paths.count), measure]
            + [
              dist.mean, dist.standardDeviation, dist.valueAtRisk(0.95),
              dist.valueAtRisk(0.99),
              dist.expectedShortfall(0.95), dist.expectedShortfall(0.99), b, s,
            ].map(CSVTable.cell))
      }
      // Net income: the bad tail is the low end.
      let net = LossDistribution(d[a].net.sorted.map { -$0 })
      t.append(
        [CSVTable.cell(name), String(r.paths.count), "net_income"]
          + [
            d[a].net.mean, d[a].net.standardDeviation, -net.valueAtRisk(0.95),
            -net.valueAtRisk(0.99), -net.expectedShortfall(0.95),
            -net.expectedShortfall(0.99),
            base.netIncome, shock.netIncome,
          ].map(CSVTable.cell))
    }
    return t
  }

  /// `vintages.csv` of a stress run: the baseline's and the shock's vintage curves, marked.
  public static func vintages(_ r: StressRunner.Result) -> CSVTable {
    let base = ResultTables.vintages(r.baseline)
    let shock = ResultTables.vintages(r.shocked)
    var t = CSVTable(header: ["scenario"] + base.header)
    for row in base.rows { t.append(["baseline"] + row) }
    for row in shock.rows { t.append(["shock"] + row) }
    return t
  }

  /// `report.md` of a stress run.
  public static func report(
    _ r: StressRunner.Result, paths: Int, seconds: Double?
  ) -> String {
    let s = r.shocked.scenario
    let arms = s.arms.map(\.name)
    var out = "# Fenqi stress: \(MarkdownReport.escape(s.name))\n\n"
    if !s.description.isEmpty {
      out += MarkdownReport.escape(s.description) + "\n\n"
    }
    out +=
      "\(Formatting.integer(Double(s.population.size))) customers · \(s.periods) months · \(paths) paths of the systematic factor · seed \(s.seed). Money in yuan.\n\n"
    out += "## Loss distribution over the paths\n\n"
    out +=
      "| arm | expected loss, ¥ | VaR 95% | VaR 99% | ES 95% | ES 99% | loss rate (mean) | loss rate VaR 99% |\n"
    out += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
    for (a, d) in distributions(r, arms: arms.count).enumerated() {
      out +=
        "| \(MarkdownReport.escape(arms[a])) | \(Formatting.money(d.loss.mean)) | "
      out +=
        "\(Formatting.money(d.loss.valueAtRisk(0.95))) | \(Formatting.money(d.loss.valueAtRisk(0.99))) | "
      out +=
        "\(Formatting.money(d.loss.expectedShortfall(0.95))) | \(Formatting.money(d.loss.expectedShortfall(0.99))) | "
      out +=
        "\(Formatting.percent(d.rate.mean)) | \(Formatting.percent(d.rate.valueAtRisk(0.99))) |\n"
    }
    out += "\n## Baseline against the shock (mean paths)\n\n"
    out +=
      "| month | unemployment | "
      + arms.map {
        "\(MarkdownReport.escape($0)) charge-offs, ¥ baseline → shock | \(MarkdownReport.escape($0)) DPD30+ shock | \(MarkdownReport.escape($0)) provision, ¥ shock"
      }.joined(separator: " | ") + " |\n|---|---:|"
      + String(repeating: "---:|---:|---:|", count: arms.count) + "\n"
    let path = MacroPath(
      s.macro
        ?? MacroScenario(
          unemployment: [0], benchmarkRate: [0], confidence: [100]),
      periods: s.periods)
    for p in 1...s.periods {
      out += "| \(p) | \(Formatting.percent(path.unemployment[p])) | "
      out +=
        (0..<arms.count).map { a in
          let b = r.baseline.periods[p - 1][a].counts
          let k = r.shocked.periods[p - 1][a].counts
          let late = k.book.balance.2 + k.book.balance.3 + k.book.balance.4
          return
            "\(Formatting.money(b.book.chargeOffPrincipal)) → \(Formatting.money(k.book.chargeOffPrincipal)) | "
            + "\(Formatting.percent(k.book.totalBalance > 0 ? late / k.book.totalBalance : 0)) | "
            + "\(Formatting.money(k.provisions.provision))"
        }.joined(separator: " | ") + " |\n"
    }
    out +=
      "\nFiles: `stress.csv` (every path), `stress_summary.csv`, `vintages.csv` (baseline and shock), "
    out +=
      "`ecl.csv` (the shock's provisions by stage), `macro.csv` (the shocked path).\n"
    if let seconds {
      out += "\nSimulated in \(Formatting.fixed(seconds, digits: 1)) s.\n"
    }
    return out
  }
}
