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
    body += EconomicsSection.html(d)
    body += ExperimentSection.html(d)
    body += armsTable(d)
    body += funnel(d)
    body += monthly(d)
    body += delinquency(d)
    body += vintageCurves(d)
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

  static func document(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>\(Formatting.xml(title))</title>
    <style>\(style)</style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }

  static let style = """
    @page { size: A4; margin: 14mm 12mm; }
    body { font-family: "Helvetica Neue", Helvetica, Arial, "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #1a1a1a;
      max-width: 186mm; margin: 0 auto; padding: 6mm 4mm; font-size: 10.5pt; line-height: 1.4; }
    h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; border-bottom: 1px solid #bbb; margin: 18pt 0 6pt; padding-bottom: 2pt; }
    .description { margin: 2pt 0; } .meta { color: #555; font-size: 9pt; } .note { color: #555; font-size: 9pt; margin: 2pt 0 6pt; }
    table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 4pt 0; }
    th, td { border-bottom: 1px solid #e2e2e2; padding: 2.5pt 5pt; text-align: right; font-variant-numeric: tabular-nums; }
    th { border-bottom: 1.5px solid #777; } th:first-child, td:first-child, th.text, td.text { text-align: left; }
    figure { margin: 6pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-size: 8.5pt; color: #555; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg text { font-size: 11px; fill: #222; } svg .chart-title { font-weight: 600; font-size: 13px; }
    svg .grid { stroke: #e6e6e6; stroke-width: 1; } svg .axis { stroke: #555; stroke-width: 1; }
    svg .tick { fill: #444; font-size: 10px; } svg .axis-title { fill: #333; font-size: 10.5px; } svg .value { font-size: 9px; fill: #333; }
    .hidden-segment { font-style: italic; }
    footer { margin-top: 16pt; font-size: 8.5pt; color: #555; border-top: 1px solid #ccc; padding-top: 4pt; }
    .keep { break-inside: avoid; page-break-inside: avoid; }
    @media print { body { padding: 0; } }
    """

  /// A section whose heading, note and first figure or table stay on one printed page.
  static func section(_ title: String, _ content: String, note: String? = nil)
    -> String
  {
    var lead = "<h2>\(Formatting.xml(title))</h2>"
    if let note { lead += "<p class=\"note\">\(Formatting.xml(note))</p>" }
    let ends = ["</figure>", "</table>", "</p>"].compactMap {
      content.range(of: $0)?.upperBound
    }
    let split = ends.min() ?? content.endIndex
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
      format: Formatting.compact)
    let gmv = SVGChart.line(
      id: "monthly-gmv",
      title: "GMV per month (purchases split or paid in full)", xLabels: labels,
      xTitle: "calendar month", yTitle: "GMV, ¥",
      series: d.armNames.map {
        ChartSeries(name: $0, values: d.series($0, "gmv"))
      },
      format: Formatting.compact)
    return section("Bookings and GMV by month", figure(bookings) + figure(gmv))
  }

  static let buckets = [
    ("1–30 DPD", "balance_dpd_1_30"), ("31–60 DPD", "balance_dpd_31_60"),
    ("61–90 DPD", "balance_dpd_61_90"),
    ("90+ DPD", "balance_dpd_90_plus"),
  ]

  static func delinquency(_ d: RunData) -> String {
    let labels = monthLabels(d)
    var content = figure(
      SVGChart.line(
        id: "outstanding", title: "Outstanding principal at month end",
        xLabels: labels, xTitle: "calendar month",
        yTitle: "outstanding principal, ¥",
        series: d.armNames.map {
          ChartSeries(name: $0, values: d.series($0, "outstanding_balance"))
        },
        format: Formatting.compact))
    for (a, arm) in d.armNames.enumerated() {
      let total = d.series(arm, "outstanding_balance")
      let layers = buckets.map { label, column in
        ChartSeries(
          name: label,
          values: zip(d.series(arm, column), total).map { $1 > 0 ? $0 / $1 : 0 }
        )
      }
      content += figure(
        SVGChart.stackedBars(
          id: "delinquency-\(a)",
          title: "Delinquent balance by bucket — \(arm)", xLabels: labels,
          xTitle: "calendar month", yTitle: "share of outstanding principal",
          layers: layers,
          format: { Formatting.percent($0, digits: 1) }))
    }
    return section(
      "Balances by delinquency bucket", content,
      note:
        "Current balance is the rest of each month's outstanding principal; buckets are days past due at month end."
    )
  }

  static func vintageCurves(_ d: RunData) -> String {
    var content = ""
    for (a, arm) in d.armNames.enumerated() {
      let rows = d.vintages.rows(where: "arm", is: arm)
      let origins = Array(
        Set(rows.map { Int(d.vintages.number($0, "origin_period")) })
      ).sorted()
      let maxMonths =
        rows.map { Int(d.vintages.number($0, "months_on_book")) }.max() ?? 0
      guard maxMonths > 0 else { continue }
      let series = origins.map { origin in
        var values = [Double](repeating: .nan, count: maxMonths)
        for row in rows
        where Int(d.vintages.number(row, "origin_period")) == origin {
          values[Int(d.vintages.number(row, "months_on_book")) - 1] = d.vintages
            .number(row, "cumulative_charge_off_rate")
        }
        return ChartSeries(name: "booked in month \(origin)", values: values)
      }.filter { $0.values.filter(\.isFinite).count >= 3 }
      guard !series.isEmpty else { continue }
      content += figure(
        SVGChart.line(
          id: "vintages-\(a)",
          title: "Cumulative charge-off rate by months on book — \(arm)",
          xLabels: (1...maxMonths).map(String.init), xTitle: "months on book",
          yTitle: "charged off ÷ booked principal", series: series,
          format: { Formatting.percent($0, digits: 1) }))
    }
    if content.isEmpty {
      content = "<p class=\"note\">No vintage has three months on book yet.</p>"
    }
    return section(
      "Vintage curves", content,
      note:
        "One line per origination month with at least three months observed; later vintages have had less time to default."
    )
  }

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
        "<td>\(Formatting.money(d.armFigure(arm, "net_income")))</td><td>\(Formatting.fixed(d.armFigure(arm, "marketing_roi"), digits: 2))×</td></tr>"
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

  static func segments(_ d: RunData) -> String {
    let names = uniqueInOrder(
      d.segments.rows.map { d.segments.text($0, "segment") })
    func values(_ arm: String, _ column: String) -> [Double] {
      names.map { name in
        d.segments.rows(where: "arm", is: arm).first {
          d.segments.text($0, "segment") == name
        }.map { d.segments.number($0, column) } ?? .nan
      }
    }
    let badDebt = SVGChart.groupedBars(
      id: "segments-bad-debt", title: "Bad-debt rate by segment",
      categories: names,
      yTitle: "charged off ÷ booked principal",
      series: d.armNames.map {
        ChartSeries(name: $0, values: values($0, "bad_debt_rate"))
      },
      format: { Formatting.percent($0, digits: 1) })
    let booked = SVGChart.groupedBars(
      id: "segments-booked", title: "Principal booked by segment",
      categories: names, yTitle: "booked principal, ¥",
      series: d.armNames.map {
        ChartSeries(name: $0, values: values($0, "booked_principal"))
      }, format: Formatting.compact)
    var table =
      "<table id=\"segments\"><thead><tr><th>Arm</th><th class=\"text\">Segment</th><th>Customers</th><th>Applications</th><th>Bookings</th><th>Booked, ¥</th><th>Charge-offs</th><th>Bad-debt rate</th></tr></thead><tbody>"
    for row in d.segments.rows {
      let hidden = d.segments.text(row, "hidden") == "true"
      table +=
        "<tr\(hidden ? " class=\"hidden-segment\"" : "")><td>\(Formatting.xml(d.segments.text(row, "arm")))</td>"
      table +=
        "<td class=\"text\">\(Formatting.xml(d.segments.text(row, "segment")))\(hidden ? " (hidden from the lender)" : "")</td>"
      for (column, format) in [
        ("customers", Formatting.integer), ("applications", Formatting.integer),
        ("bookings", Formatting.integer),
        ("booked_principal", Formatting.money),
        ("charge_offs", Formatting.integer),
      ] as [(String, (Double) -> String)] {
        table += "<td>\(format(d.segments.number(row, column)))</td>"
      }
      table +=
        "<td>\(Formatting.percent(d.segments.number(row, "bad_debt_rate")))</td></tr>"
    }
    table += "</tbody></table>"
    return section(
      "Segments", figure(badDebt) + figure(booked) + table,
      note:
        "Hidden segments (a fraud ring, say) are invisible to the lender; the simulator reports them from the truth it knows."
    )
  }

  static func uniqueInOrder(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
  }
}
