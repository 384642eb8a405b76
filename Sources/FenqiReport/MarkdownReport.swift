import FenqiCore
import FenqiSimulation

/// `report.md`: a readable summary of a run — the scenario, the arms side by side and the monthly
/// book.
public enum MarkdownReport {
  /// The report text.
  public static func text(_ r: RunResult) -> String {
    var out = "# Fenqi run: \(escape(r.scenario.name))\n\n"
    if !r.scenario.description.isEmpty {
      out += escape(r.scenario.description) + "\n\n"
    }
    out +=
      "Seed \(r.scenario.seed) · \(r.scenario.population.size) customers · \(r.scenario.periods) months"
    out +=
      " · \(r.scenario.arms.count) arms. Money in yuan; rates as percentages.\n\n"
    out += "## Arms side by side\n\n"
    out +=
      "| measure | " + r.arms.map { escape($0.name) }.joined(separator: " | ")
      + " |\n"
    out += "|---|" + String(repeating: "---:|", count: r.arms.count) + "\n"
    let rows: [(String, (ArmSummary) -> String)] = [
      ("customers", { "\($0.customers)" }),
      ("contacts (customer-months reached)", { integer($0.totals.reached) }),
      ("applications", { integer($0.totals.applications) }),
      ("bookings", { integer($0.totals.bookings) }),
      ("conversion (bookings ÷ contacts)", { percent($0.conversion) }),
      ("approval rate", { percent($0.approvalRate) }),
      ("average order value", { money($0.averageOrderValue) }),
      ("GMV", { money($0.totals.gmv) }),
      ("booked principal", { money($0.totals.bookedPrincipal) }),
      (
        "repayment rate (instalments paid ÷ due)", { percent($0.repaymentRate) }
      ),
      ("DPD30+ rate (balance, last month)", { percent($0.dpd30PlusRate) }),
      ("DPD90+ rate (balance, last month)", { percent($0.dpd90PlusRate) }),
      ("bad-debt rate (charged off ÷ originated)", { percent($0.badDebtRate) }),
      (
        "annualised charge-off rate (÷ average balance)",
        { percent($0.annualisedChargeOffRate) }
      ),
      ("interest and fee income", { money($0.totals.book.interestIncome) }),
      ("merchant subsidy", { money($0.totals.merchantSubsidy) }),
      ("charge-offs (principal)", { money($0.totals.book.chargeOffPrincipal) }),
      ("recoveries", { money($0.recoveries) }),
      ("funding cost", { money($0.fundingCost) }),
      ("marketing cost", { money($0.marketingCost) }),
      ("net income", { money($0.netIncome) }),
      (
        "outstanding balance, last month",
        { money($0.totals.book.totalBalance) }
      ),
    ]
    for (label, f) in rows {
      out += "| \(label) | " + r.arms.map(f).joined(separator: " | ") + " |\n"
    }
    out += "\n## Bookings and outstanding balance by month\n\n"
    out +=
      "| month | "
      + r.arms.map {
        "\(escape($0.name)) bookings | \(escape($0.name)) balance | \(escape($0.name)) DPD30+"
      }.joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "---:|", count: 3 * r.arms.count) + "\n"
    for row in r.periods {
      out +=
        "| \(row[0].period) | "
        + row.map { m in
          let b = m.counts.book
          let dpd30 =
            b.totalBalance == 0
            ? 0 : (b.balance.2 + b.balance.3 + b.balance.4) / b.totalBalance
          return
            "\(integer(m.counts.bookings)) | \(money(b.totalBalance)) | \(percent(dpd30))"
        }.joined(separator: " | ") + " |\n"
    }
    out +=
      "\nThe statistics of the differences (confidence intervals, tests) come with the experiment layer; "
    out += "`summary.json` holds the raw differences from the first arm.\n"
    return out
  }

  /// Escapes text for a Markdown table cell (pipes, angle brackets, backticks).
  public static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "|": out += "\\|"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "`": out += "\\`"
      case "\n", "\r": out += " "
      default: out.append(ch)
      }
    }
    return out
  }

  static func percent(_ x: Double) -> String { fixed(x * 100, digits: 2) + "%" }
  static func money(_ x: Double) -> String { grouped(Int64(x.rounded())) }
  static func integer(_ x: Double) -> String { grouped(Int64(x.rounded())) }

  static func fixed(_ x: Double, digits: Int) -> String {
    let scale = pow10(digits)
    let scaled = (abs(x) * scale).rounded()
    let whole = Int64(scaled / scale)
    let fraction = Int64(scaled) - whole * Int64(scale)
    let f = String(fraction)
    return (x < 0 && scaled != 0 ? "-" : "") + "\(whole)."
      + String(repeating: "0", count: digits - f.count) + f
  }

  private static func pow10(_ n: Int) -> Double {
    (0..<n).reduce(1.0) { r, _ in r * 10 }
  }

  static func grouped(_ v: Int64) -> String {
    let digits = String(v.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(ch)
    }
    return (v < 0 ? "-" : "") + out
  }
}
