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
    for (k, outcomes) in r.paths.enumerated() {
      for (a, o) in outcomes.enumerated() {
        t.append(
          [String(r.pathIndices[k] + 1), CSVTable.cell(arms[a])]
            + [
              o.bookedPrincipal, o.chargeOffs, o.chargeOffPrincipal, o.loss,
              o.lossRate,
              o.netIncome, o.dpd30PlusRate,
            ].map(CSVTable.cell))
      }
    }
    return t
  }

  /// `mean_paths.csv`: the baseline's and the shock's mean paths per period and arm (charge-offs,
  /// DPD30+, provision), then a `total` row per scenario and arm (loss, loss rate, net income).
  public static func meanPaths(_ r: StressRunner.Result) -> CSVTable {
    var t = CSVTable(header: [
      "scenario", "period", "arm", "charge_off_principal", "dpd30_plus_rate",
      "provision", "loss",
      "loss_rate", "net_income",
    ])
    let lgd = r.shocked.scenario.repayment.lossGivenDefault
    for (name, run) in [("baseline", r.baseline), ("shock", r.shocked)] {
      for row in run.periods {
        for (a, m) in row.enumerated() {
          let b = m.counts.book
          let late = b.balance.2 + b.balance.3 + b.balance.4
          t.append(
            [name, String(m.period), CSVTable.cell(run.scenario.arms[a].name)]
              + [
                b.chargeOffPrincipal,
                b.totalBalance > 0 ? late / b.totalBalance : 0,
                m.counts.provisions.provision, b.chargeOffPrincipal * lgd, .nan,
                m.netIncome,
              ].map(CSVTable.cell))
        }
      }
      for arm in run.arms {
        let loss = arm.totals.book.chargeOffPrincipal * lgd
        t.append(
          [name, "total", CSVTable.cell(arm.name)]
            + [
              arm.totals.book.chargeOffPrincipal, arm.dpd30PlusRate, .nan, loss,
              arm.lossRate(loss),
              arm.netIncome,
            ].map(CSVTable.cell))
      }
    }
    return t
  }

  /// The loss, loss-rate and net-income distributions of each arm from `stress.csv`.
  static func distributions(_ stress: Table, arms: [String]) -> [(
    loss: LossDistribution, rate: LossDistribution, net: LossDistribution
  )] {
    arms.map { arm in
      let rows = stress.rows(where: "arm", is: arm)
      return (
        LossDistribution(rows.map { stress.number($0, "loss") }),
        LossDistribution(rows.map { stress.number($0, "loss_rate") }),
        LossDistribution(rows.map { stress.number($0, "net_income") })
      )
    }
  }

  /// `stress_summary.csv` from `stress.csv` and `mean_paths.csv`: per arm, for loss, loss rate
  /// and net income, the mean, sd, VaR and expected shortfall at 95%, 99% and 99.9% (for net
  /// income the low tail), with the baseline's and the shock's mean-path values.
  public static func summary(stress: Table, meanPaths: Table, arms: [String])
    -> CSVTable
  {
    var t = CSVTable(header: [
      "arm", "paths", "measure", "mean", "sd", "var_95", "var_99", "var_999",
      "es_95", "es_99", "es_999", "baseline_mean_path", "shock_mean_path",
    ])
    let d = distributions(stress, arms: arms)
    for (a, name) in arms.enumerated() {
      func total(_ scenario: String, _ column: String) -> Double {
        meanPaths.rows.first {
          meanPaths.text($0, "scenario") == scenario
            && meanPaths.text($0, "period") == "total"
            && meanPaths.text($0, "arm") == name
        }.map { meanPaths.number($0, column) } ?? .nan
      }
      let n = String(d[a].loss.sorted.count)
      for (measure, dist) in [("loss", d[a].loss), ("loss_rate", d[a].rate)] {
        t.append(
          [CSVTable.cell(name), n, measure]
            + [
              dist.mean, dist.standardDeviation, dist.valueAtRisk(0.95),
              dist.valueAtRisk(0.99), dist.valueAtRisk(0.999),
              dist.expectedShortfall(0.95), dist.expectedShortfall(0.99),
              dist.expectedShortfall(0.999),
              total("baseline", measure), total("shock", measure),
            ].map(CSVTable.cell))
      }
      let low = LossDistribution(d[a].net.sorted.map { -$0 })
      t.append(
        [CSVTable.cell(name), n, "net_income"]
          + [
            d[a].net.mean, d[a].net.standardDeviation, -low.valueAtRisk(0.95),
            -low.valueAtRisk(0.99), -low.valueAtRisk(0.999),
            -low.expectedShortfall(0.95), -low.expectedShortfall(0.99),
            -low.expectedShortfall(0.999),
            total("baseline", "net_income"), total("shock", "net_income"),
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

  /// `stress.json`: the stress run's identity (and its shard, for a shard folder).
  public static func identity(
    scenario s: Scenario, file: String, sha256: String, paths: Int,
    version: String,
    shard: (index: Int, count: Int)?
  ) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("kind", .string("stress")), ("scenario", .string(s.name)),
      ("description", .string(s.description)), ("scenarioFile", .string(file)),
      ("scenarioSHA256", .string(sha256)), ("seed", .number(Double(s.seed))),
      ("customers", .number(Double(s.population.size))),
      ("periods", .number(Double(s.periods))),
      ("window", .number(Double(s.window))),
      ("arms", .array(s.arms.map { .string($0.name) })),
      ("paths", .number(Double(paths))),
      ("fenqiVersion", .string(version)),
    ]
    if let shard { members.append(("shard", SweepFiles.shardJSON(shard))) }
    return .object(members)
  }

  /// The files every shard of a stress run writes alike: the mean paths and the analysis.
  ///
  /// A merge checks that they agree. `reverse.csv` joins them when the run searched a limit.
  public static let sharedFiles = [
    "mean_paths.csv", "vintages.csv", "ecl.csv", "macro.csv",
    "scenario_set.csv",
    "scenario_paths.csv", "provisions.csv", "capital.csv", "attribution.csv",
  ]

  /// The optional shared file of a reverse stress test.
  public static let reverseFile = "reverse.csv"

  /// The files a complete stress folder adds to `stress.csv` and the shared files:
  /// `stress_summary.csv`, `report.md` and `report.html`, from files alone (so a merge writes
  /// the same bytes).
  public static func summaryFiles(
    identity: JSONValue, stress: String, shared: [(name: String, text: String)]
  ) throws -> [(name: String, text: String)] {
    func text(_ name: String) -> String {
      shared.first { $0.name == name }?.text ?? ""
    }
    let stressTable = try Table(csv: stress).restoringNeutralisedText()
    let meanTable = try Table(csv: text("mean_paths.csv"))
      .restoringNeutralisedText()
    let macroTable = try Table(csv: text("macro.csv"))
      .restoringNeutralisedText()
    var arms: [String] = []
    if case .array(let names) = identity["arms"] ?? .null {
      arms = names.compactMap {
        if case .string(let s) = $0 { return s } else { return nil }
      }
    }
    return [
      (
        "stress_summary.csv",
        summary(stress: stressTable, meanPaths: meanTable, arms: arms).text
      ),
      (
        "report.md",
        report(
          identity: identity, stress: stressTable, meanPaths: meanTable,
          macro: macroTable, arms: arms)
      ),
      (
        "report.html",
        try StressHTMLReport.page(
          identity: identity, texts: [("stress.csv", stress)] + shared)
      ),
    ]
  }

  /// `report.md` of a stress folder.
  static func report(
    identity: JSONValue, stress: Table, meanPaths: Table, macro: Table,
    arms: [String]
  ) -> String {
    func text(_ key: String) -> String {
      if case .string(let s) = identity[key] ?? .null { return s }
      return identity[key]?.shortDescription ?? ""
    }
    var out = "# Fenqi stress: \(MarkdownReport.escape(text("scenario")))\n\n"
    if !text("description").isEmpty {
      out += MarkdownReport.paragraph(text("description")) + "\n\n"
    }
    let (customers, periods, paths, seed) = (
      MarkdownReport.escape(text("customers")),
      MarkdownReport.escape(text("periods")),
      MarkdownReport.escape(text("paths")),
      MarkdownReport.escape(text("seed"))
    )
    out +=
      "\(customers) customers · \(periods) months · \(paths) paths of the systematic factor · seed \(seed). Money in yuan.\n\n"
    out += "## Loss distribution over the paths\n\n"
    out += MarkdownReport.table(
      [
        "arm", "expected loss, ¥", "VaR 95%", "VaR 99%", "ES 95%", "ES 99%",
        "loss rate (mean)", "loss rate VaR 99%",
      ],
      distributions(stress, arms: arms).enumerated().map { a, d in
        [
          arms[a], Formatting.money(d.loss.mean),
          Formatting.money(d.loss.valueAtRisk(0.95)),
          Formatting.money(d.loss.valueAtRisk(0.99)),
          Formatting.money(d.loss.expectedShortfall(0.95)),
          Formatting.money(d.loss.expectedShortfall(0.99)),
          Formatting.percent(d.rate.mean),
          Formatting.percent(d.rate.valueAtRisk(0.99)),
        ]
      })
    out += "\n## Baseline against the shock (mean paths)\n\n"
    out += MarkdownReport.table(
      ["month", "unemployment"]
        + arms.flatMap {
          [
            "\($0) charge-offs, ¥ baseline → shock", "\($0) DPD30+ shock",
            "\($0) provision, ¥ shock",
          ]
        },
      macro.rows.map { row in
        let p = macro.text(row, "period")
        func value(_ arm: String, _ scenario: String, _ column: String)
          -> Double
        {
          meanPaths.rows.first {
            meanPaths.text($0, "scenario") == scenario
              && meanPaths.text($0, "period") == p
              && meanPaths.text($0, "arm") == arm
          }.map { meanPaths.number($0, column) } ?? .nan
        }
        return [p, Formatting.percent(macro.number(row, "unemployment"))]
          + arms.flatMap { arm in
            [
              "\(Formatting.money(value(arm, "baseline", "charge_off_principal"))) → \(Formatting.money(value(arm, "shock", "charge_off_principal")))",
              Formatting.percent(value(arm, "shock", "dpd30_plus_rate")),
              Formatting.money(value(arm, "shock", "provision")),
            ]
          }
      })
    out +=
      "\nFiles: `stress.csv` (every path), `stress_summary.csv`, `mean_paths.csv`, `vintages.csv` "
    out +=
      "(baseline and shock), `ecl.csv` (the shock's provisions by stage), `macro.csv` (the shocked path).\n"
    return out
  }
}
