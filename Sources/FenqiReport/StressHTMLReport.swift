import FenqiCore
import FenqiRisk

/// The `report.html` of a stress folder, built from its files alone.
///
/// So `fenqi report` and `fenqi merge` write the same bytes. It holds the board table, loss histograms with VaR and ES, the
/// weighted scenario set, the lender's ECL against the truth, capital, the reverse stress test
/// and the loss attribution. Self-contained (inline CSS and SVG), A4 when printed.
public enum StressHTMLReport {
  /// The folder's tables by file name.
  struct Files {
    var identity: JSONValue
    var stress: Table
    var arms: [String]
    var tables: [String: Table]

    func table(_ name: String) -> Table? { tables[name] }
  }

  /// The page.
  ///
  /// - Parameters:
  ///   - identity: `stress.json`.
  ///   - texts: the CSV files by name (`stress.csv` required; the analysis files optional).
  /// - Returns: the HTML document.
  /// - Throws: a ``Table/Failure`` for a malformed CSV file.
  public static func page(
    identity: JSONValue, texts: [(name: String, text: String)]
  ) throws
    -> String
  {
    var tables: [String: Table] = [:]
    for (name, text) in texts where name.hasSuffix(".csv") {
      tables[name] = try Table(csv: text).restoringNeutralisedText()
    }
    var arms: [String] = []
    if case .array(let names) = identity["arms"] ?? .null {
      arms = names.compactMap {
        if case .string(let s) = $0 { return s } else { return nil }
      }
    }
    let f = Files(
      identity: identity,
      stress: tables["stress.csv"] ?? Table(header: [], rows: []), arms: arms,
      tables: tables)
    var body = header(f)
    body += board(f)
    body += histograms(f)
    body += scenarioSet(f)
    body += provisions(f)
    body += capital(f)
    body += reverse(f)
    body += attribution(f)
    body +=
      "<footer>Fenqi stress report. Every figure is read from the folder's CSV files; the formulas and their sources are in FenqiRisk's StressTesting reference page.</footer>"
    return HTMLReport.document(
      title: "Stress: " + text(f.identity, "scenario"), body: body)
  }

  static func text(_ identity: JSONValue, _ key: String) -> String {
    if case .string(let s) = identity[key] ?? .null { return s }
    return identity[key]?.shortDescription ?? ""
  }

  static func header(_ f: Files) -> String {
    var out =
      "<h1>Stress test: \(Formatting.xml(text(f.identity, "scenario")))</h1>"
    out +=
      "<p class=\"description\">\(Formatting.xml(text(f.identity, "description")))</p>"
    out +=
      "<p class=\"meta\">\(Formatting.xml(text(f.identity, "customers"))) customers · \(Formatting.xml(text(f.identity, "periods"))) months (window and run-off) · \(Formatting.xml(text(f.identity, "paths"))) paths of the systematic factor · seed \(Formatting.xml(text(f.identity, "seed"))) · money in yuan</p>"
    return out
  }

  /// Each arm's loss distribution over the paths.
  static func distribution(_ f: Files, _ arm: String, _ column: String)
    -> LossDistribution
  {
    LossDistribution(
      f.stress.rows(where: "arm", is: arm).map { f.stress.number($0, column) })
  }

  /// The table a CRO pastes into a board pack.
  static func board(_ f: Files) -> String {
    let capital = f.table("capital.csv")
    var rows: [[String]] = []
    for arm in f.arms {
      let d = distribution(f, arm, "loss")
      let rate = distribution(f, arm, "loss_rate")
      var cells = [
        arm, Formatting.money(d.mean), Formatting.money(d.valueAtRisk(0.95)),
        Formatting.money(d.valueAtRisk(0.99)),
        Formatting.money(d.valueAtRisk(0.999)),
        Formatting.money(d.expectedShortfall(0.99)),
        Formatting.money(d.expectedShortfall(0.999)),
        Formatting.percent(rate.mean),
        Formatting.percent(rate.valueAtRisk(0.999)),
        Formatting.fixed(d.valueAtRisk(0.99) / d.mean, digits: 2),
      ]
      if let c = capital, let row = c.rows(where: "arm", is: arm).first {
        let pd = c.number(row, "pd_12_month")
        let rho = c.number(row, "correlation")
        let vasicek =
          VasicekLoss.valueAtRisk(pd: pd, rho: rho, lgd: 1, alpha: 0.99) / pd
        cells.append(Formatting.fixed(vasicek, digits: 2))
      } else {
        cells.append("–")
      }
      rows.append(cells)
    }
    let table = RiskSection.htmlTable(
      "board",
      [
        "arm", "expected loss", "VaR 95%", "VaR 99%", "VaR 99.9%", "ES 99%",
        "ES 99.9%",
        "loss rate", "loss rate VaR 99.9%", "VaR 99% ÷ EL",
        "one-year Vasicek VaR 99% ÷ EL",
      ], rows)
    return HTMLReport.section(
      "Board summary: unconditional loss over the run and its run-off", table,
      note:
        "VaR_α is the ⌈αN⌉-th smallest of the N path losses, ES_α the mean from it on. With N paths the 99.9% figures rest on the worst ⌈N/1000⌉ paths: read them as indicative below 10,000 paths. The last column is the one-year Vasicek ratio at the lender's 12-month PD and the other-retail correlation (capital.csv)."
    )
  }

  static func histograms(_ f: Files) -> String {
    var content = ""
    for arm in f.arms {
      let d = distribution(f, arm, "loss")
      content += HTMLReport.figure(
        SVGChart.histogram(
          id: "loss-histogram-\(arm)", title: "\(arm): loss over the paths",
          values: d.sorted, bins: 40, xTitle: "loss, yuan",
          marks: [
            .init(name: "EL", value: d.mean),
            .init(name: "VaR 99%", value: d.valueAtRisk(0.99)),
            .init(name: "VaR 99.9%", value: d.valueAtRisk(0.999)),
            .init(name: "ES 99.9%", value: d.expectedShortfall(0.999)),
          ], format: Formatting.compact))
    }
    return HTMLReport.section("Loss distributions", content)
  }
}
