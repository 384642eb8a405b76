/// `report.html`: a self-contained page (inline CSS and SVG, no script, no web font) that prints on
/// A4, built from a run folder's files alone.
public enum HTMLReport {
  /// The measures of the arms table: label, `arms.csv` column, formatter.
  static let armRows: [(String, String, @Sendable (Double) -> String)] = [
    ("Customers", "customers", Formatting.integer),
    ("Contacts (customer-months reached)", "reached", Formatting.integer),
    ("Applications", "applications", Formatting.integer),
    ("Bookings", "bookings", Formatting.integer),
    (
      "Conversion (bookings ÷ contacts)", "conversion",
      { Formatting.percent($0) }
    ),
    ("Approval rate", "approval_rate", { Formatting.percent($0, digits: 1) }),
    ("Average order value, ¥", "average_order_value", Formatting.money),
    ("GMV, ¥", "gmv", Formatting.money),
    ("Booked principal, ¥", "booked_principal", Formatting.money),
    (
      "Repayment rate (instalments paid ÷ due)", "repayment_rate",
      { Formatting.percent($0, digits: 1) }
    ),
    (
      "DPD30+ rate (balance, the window's last month)", "dpd30_plus_rate",
      { Formatting.percent($0) }
    ),
    (
      "DPD90+ rate (balance, the window's last month)", "dpd90_plus_rate",
      { Formatting.percent($0) }
    ),
    (
      "Bad-debt rate (charged off ÷ originated)", "bad_debt_rate",
      { Formatting.percent($0) }
    ),
    (
      "Charge-offs ÷ average balance, annualised", "annualised_charge_off_rate",
      { Formatting.percent($0) }
    ),
    ("Interest and fee income, ¥", "interest_fee_income", Formatting.money),
    ("Merchant subsidy, ¥", "merchant_subsidy", Formatting.money),
    ("Charge-offs (principal), ¥", "charge_off_principal", Formatting.money),
    ("Recoveries, ¥", "recoveries", Formatting.money),
    ("Funding cost, ¥", "funding_cost", Formatting.money),
    ("Marketing cost, ¥", "marketing_cost", Formatting.money),
    ("Net income, ¥", "net_income", Formatting.money),
    (
      "Outstanding balance, last month, ¥", "outstanding_balance",
      Formatting.money
    ),
  ]

  /// The fee measures, shown when the run's offers charge fees.
  static let feeRows: [(String, String, @Sendable (Double) -> String)] = [
    ("Upfront fees, ¥", "upfront_fees", Formatting.money),
    ("Late fees charged, ¥", "late_fees", Formatting.money),
    ("Penalty interest charged, ¥", "penalty_interest", Formatting.money),
    (
      "Late fees and penalty paid by borrowers, ¥", "arrears_collected",
      Formatting.money
    ),
    (
      "Fees written off with charge-offs, ¥", "arrears_written_off",
      Formatting.money
    ),
    (
      "Fees beyond the plan's (upfront, late, penalty, settlement), net of write-offs, ¥",
      "fee_income",
      Formatting.money
    ),
    (
      "Borrowers charged a late fee", "late_fee_borrower_share",
      { Formatting.percent($0, digits: 1) }
    ),
    (
      "Instalments charged a late fee", "late_fee_instalment_share",
      { Formatting.percent($0, digits: 2) }
    ),
    (
      "Late fees ÷ principal financed", "late_fees_share_of_financed",
      { Formatting.percent($0, digits: 2) }
    ),
  ]

  /// Early settlement's measures, shown with the fee rows.
  static let settlementRows: [(String, String, @Sendable (Double) -> String)] =
    [
      ("Early-settlement fees paid, ¥", "settlement_fees", Formatting.money),
      (
        "Memo: interest and fees forgone to prepayment (not in net income), ¥",
        "prepayment_income_forgone",
        Formatting.money
      ),
    ]

  /// The co-lending measures, shown when an arm shares its loans with a funding partner.
  static let coLendingRows: [(String, String, @Sendable (Double) -> String)] = [
    (
      "Partner-funded balance, last month, ¥", "partner_funded_balance",
      Formatting.money
    ),
    (
      "Partner's yield paid by the platform (a cost), ¥", "partner_interest",
      Formatting.money
    ),
    (
      "Guarantee fees paid by the partner (income), ¥", "guarantee_fees",
      Formatting.money
    ),
    (
      "Credit loss borne by the partner (not the platform's), ¥",
      "partner_credit_loss",
      Formatting.money
    ),
  ]

  /// The arms table's measures for a run: ``armRows``, and ``feeRows`` when it charged fees.
  static func measures(_ d: RunData) -> [(
    String, String, @Sendable (Double) -> String
  )] {
    armRows
      + (d.arms.column("fee_income") == nil ? [] : feeRows + settlementRows)
      + (d.arms.column("partner_interest") == nil ? [] : coLendingRows)
  }

  /// The funnel stages: label and `arms.csv` column.
  static let funnelStages = [
    ("reached", "reached"), ("applied", "applications"),
    ("approved", "approvals"), ("booked", "bookings"),
  ]

  /// The page.
  public static func page(_ d: RunData) -> String {
    let title = "Fenqi run: " + d.scenarioName
    var body = "<header><h1>\(Formatting.xml(title))</h1>"
    if !d.description.isEmpty {
      body += "<p class=\"description\">\(Formatting.xml(d.description))</p>"
    }
    body +=
      "<p class=\"meta\">"
      + meta(d).map(Formatting.xml).joined(separator: " · ") + "</p></header>"
    body += HeadlineSection.html(d)
    body += EconomicsSection.html(d)
    body += ExperimentSection.html(d)
    body += armsTable(d)
    body += funnel(d)
    body += monthly(d)
    body += delinquency(d)
    body += vintageCurves(d)
    body += CreditSection.html(d)
    body += economics(d)
    body += MarketingSection.html(d)
    body += ProvisionSection.html(d)
    body += RiskSection.html(d)
    body += TargetingSection.html(d)
    body += BusinessSection.html(d)
    body += segments(d)
    body +=
      "<footer><p>Money in yuan (¥), rates as percentages of the stated base, time in months. "
    body +=
      "Every chart is drawn from this run folder's files (periods.csv, arms.csv, segments.csv, vintages.csv); "
    body +=
      "<code>fenqi report</code> regenerates this page from them. Effect estimates with confidence intervals "
    body +=
      "and stress-loss distributions appear here once a run has them.</p></footer>"
    return document(title: title, body: body)
  }

  static func meta(_ d: RunData) -> [String] {
    var parts = [
      "seed \(Formatting.integer(d.summaryNumber("seed")).replacingOccurrences(of: ",", with: ""))",
      "\(Formatting.integer(d.summaryNumber("customers"))) customers",
      "\(Formatting.integer(d.summaryNumber("periods"))) months",
      "\(d.armNames.count) arms",
    ]
    if let version = d.manifest?["fenqiVersion"]?.stringValue {
      parts.append("fenqi \(version)")
    }
    if let hash = d.manifest?["scenarioSHA256"]?.stringValue {
      parts.append("scenario SHA-256 \(hash.prefix(12))…")
    }
    return parts
  }

  /// The page around `body`: a table of contents of its sections after the header, every table
  /// in a box that scrolls sideways on screen (and wraps when printed).
  static func document(title: String, body: String) -> String {
    let content = PageLayout.withContents(PageLayout.scrollingTables(body))
    return """
      <!DOCTYPE html>
      <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(Formatting.xml(title))</title>
      <style>\(PageLayout.style)</style>
      </head>
      <body>
      \(content)
      </body>
      </html>

      """
  }

  /// A section whose heading, note and first figure or table stay on one printed page.
  static func section(_ title: String, _ content: String, note: String? = nil)
    -> String
  {
    var lead =
      "<h2 id=\"\(PageLayout.anchor(title))\">\(Formatting.xml(title))</h2>"
    if let note { lead += "<p class=\"note\">\(Formatting.xml(note))</p>" }
    let ends = ["</figure>", "</table>", "</p>"].compactMap {
      content.range(of: $0)?.upperBound
    }
    // Small multiples stay whole: the heading keeps with them through `break-after: avoid`.
    let split =
      content.hasPrefix("<div class=\"multiples\">")
      ? content.startIndex : ends.min() ?? content.endIndex
    return "<section><div class=\"keep\">" + lead + content[..<split] + "</div>"
      + content[split...] + "</section>"
  }

  static func figure(_ svg: String, caption: String? = nil) -> String {
    "<figure>" + svg
      + (caption.map { "<figcaption>\(Formatting.xml($0))</figcaption>" } ?? "")
      + "</figure>"
  }

  static func armsTable(_ d: RunData) -> String {
    var t = "<table id=\"arms\"><thead><tr><th>Measure</th>"
    t +=
      d.armNames.map { "<th>\(Formatting.xml($0))</th>" }.joined()
      + "</tr></thead><tbody>"
    for (label, column, format) in measures(d) {
      t += "<tr><td>\(Formatting.xml(label))</td>"
      t +=
        d.armNames.map {
          "<td>\(Formatting.xml(format(d.armFigure($0, column))))</td>"
        }.joined() + "</tr>"
    }
    return section("Arms side by side", t + "</tbody></table>")
  }

  static func funnel(_ d: RunData) -> String {
    let series = d.armNames.map { arm in
      ChartSeries(
        name: arm, values: funnelStages.map { d.armFigure(arm, $0.1) })
    }
    let chart = SVGChart.groupedBars(
      id: "funnel", title: "Funnel by arm, whole run",
      categories: funnelStages.map(\.0),
      yTitle: "customer-months (log scale)", series: series, logScale: true,
      format: Formatting.compact)
    return section(
      "Funnel",
      figure(
        chart,
        caption:
          "Reached = customer-months contacted with the arm's offer; applied = chose to split; approved and booked loans."
      ))
  }

  static func monthLabels(_ d: RunData) -> [String] {
    let names = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
      "Nov", "Dec",
    ]
    guard let first = d.armNames.first else { return [] }
    let rows = d.periods.rows(where: "arm", is: first)
    return rows.map { row in
      let month = Int(d.periods.number(row, "calendar_month"))
      let period = Int(d.periods.number(row, "period"))
      let name = (1...12).contains(month) ? names[month - 1] : "M\(period)"
      return rows.count > 12 ? "\(name)'\((period - 1) / 12 + 1)" : name
    }
  }

  static func monthly(_ d: RunData) -> String {
    let labels = monthLabels(d)
    let bookings = SVGChart.line(
      id: "monthly-bookings", title: "Loans booked per month", xLabels: labels,
      xTitle: "calendar month",
      yTitle: "loans booked",
      series: d.armNames.map {
        ChartSeries(name: $0, values: d.series($0, "bookings"))
      },
      format: Formatting.compact, mark: windowMark(d))
    let gmv = SVGChart.line(
      id: "monthly-gmv",
      title: "GMV per month (purchases split or paid in full)", xLabels: labels,
      xTitle: "calendar month", yTitle: "GMV, ¥",
      series: d.armNames.map {
        ChartSeries(name: $0, values: d.series($0, "gmv"))
      },
      format: Formatting.compact, mark: windowMark(d))
    return section("Bookings and GMV by month", figure(bookings) + figure(gmv))
  }

  static let buckets = [
    ("1–30 DPD", "balance_dpd_1_30"), ("31–60 DPD", "balance_dpd_31_60"),
    ("61–90 DPD", "balance_dpd_61_90"),
    ("90+ DPD", "balance_dpd_90_plus"),
  ]

  static func economics(_ d: RunData) -> String {
    let measures = economicsMeasures(d)
    let chart = SVGChart.groupedBars(
      id: "economics", title: "Income, losses and marketing cost by arm",
      categories: measures.map(\.0),
      yTitle: "¥ over the run",
      series: d.armNames.map { arm in
        ChartSeries(name: arm, values: measures.map { d.armFigure(arm, $0.1) })
      },
      format: Formatting.compact)
    var table =
      "<table id=\"roi\"><thead><tr><th>Arm</th><th>Marketing cost, ¥</th><th>Net income, ¥</th><th>Net income ÷ marketing cost</th></tr></thead><tbody>"
    for arm in d.armNames {
      table +=
        "<tr><td>\(Formatting.xml(arm))</td><td>\(Formatting.money(d.armFigure(arm, "marketing_cost")))</td>"
      table +=
        "<td>\(Formatting.money(d.armFigure(arm, "net_income")))</td><td>\(Formatting.ratio(d.armFigure(arm, "net_income"), d.armFigure(arm, "marketing_cost")))</td></tr>"
    }
    table += "</tbody></table>"
    return section(
      "Marketing cost and return", figure(chart) + table,
      note: d.channels == nil
        ? "Costs per channel appear here once arms use channel mixes; today each arm has one contact cost."
        : "Costs by kind and channel follow in the marketing section.")
  }

  /// The economics chart's bars: label and `arms.csv` column.
  ///
  /// With fees or co-lending the chart gains bars (the fees beyond the plan's; the platform's
  /// own funding, the partner's yield, guarantee fees and the partner's losses, so the bars
  /// explain net income), its labels are shortened and bars that are zero in every arm are left
  /// out, so the labels fit; other runs keep the five bars they always had.
  static func economicsMeasures(_ d: RunData) -> [(String, String)] {
    let withFees = d.arms.column("fee_income") != nil
    let coLent = d.arms.column("partner_interest") != nil
    let collected = d.arms.column("collections_cost") != nil
    guard withFees || coLent || collected else {
      return [
        ("interest & fees", "interest_fee_income"),
        ("merchant subsidy", "merchant_subsidy"),
        ("charge-offs", "charge_off_principal"),
        ("marketing cost", "marketing_cost"), ("net income", "net_income"),
      ]
    }
    let all: [(String, String)] =
      [("interest", "interest_fee_income")]
      + (withFees ? [("fees", "fee_income")] : [])
      + [
        ("subsidy", "merchant_subsidy"),
        ("charge-offs", "charge_off_principal"),
      ]
      + (coLent
        ? [
          ("funding", "funding_cost"), ("partner yield", "partner_interest"),
          ("guarantee", "guarantee_fees"),
          ("partner loss", "partner_credit_loss"),
        ] : [])
      + (collected ? [("collections", "collections_cost")] : [])
      + [("marketing", "marketing_cost"), ("net income", "net_income")]
    return all.filter { _, column in
      column == "net_income"
        || d.armNames.contains { d.armFigure($0, column) != 0 }
    }
  }

  static func uniqueInOrder(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
  }
}
