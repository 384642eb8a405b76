import FenqiCore

/// The report's first section: each treatment arm's incremental economics against the control,
/// at the window's end and over the loans' lifetime, with intervals, from `economics.csv`.
enum EconomicsSection {
  /// The items shown in the arm tables, in order (channel items have their own table).
  static let items = [
    "bookings", "gmv", "booked_principal", "interest_and_fees",
    "merchant_subsidy",
    "contact_cost", "partner_fees", "discounts", "prizes", "referral_rewards",
    "vouchers", "marketing_cost", "credit_loss", "collections_cost",
    "funding_cost",
    "net_income", "npv", "cost_per_incremental_booking", "incremental_roi",
    "booking_uplift", "break_even_uplift", "displaced_bookings",
    "post_campaign_dip",
    "displaced_share", "cohort_loss_rate", "incremental_cohort_loss_rate",
    "residual_balance",
  ]

  /// Labels of the items.
  static let labels: [String: String] = [
    "bookings": "Bookings", "gmv": "GMV, ¥",
    "booked_principal": "Principal booked, ¥",
    "interest_and_fees": "Interest and fees, ¥",
    "merchant_subsidy": "Merchant subsidy, ¥",
    "contact_cost": "Contact cost, ¥", "partner_fees": "Partner fees, ¥",
    "discounts": "Discounts, ¥", "prizes": "Prizes, ¥",
    "referral_rewards": "Referral rewards, ¥",
    "vouchers": "Vouchers, ¥", "marketing_cost": "Marketing cost (all), ¥",
    "credit_loss": "Credit loss, ¥", "collections_cost": "Collections cost, ¥",
    "funding_cost": "Funding cost, ¥", "net_income": "Net income, ¥",
    "npv": "Net income NPV, ¥",
    "cost_per_incremental_booking": "Cost per incremental booking, ¥",
    "incremental_roi": "Incremental ROI (ΔNPV ÷ Δmarketing)",
    "booking_uplift": "Booking uplift",
    "break_even_uplift": "Break-even uplift",
    "displaced_bookings": "Bookings displaced after the campaign",
    "post_campaign_dip": "Post-campaign dip (measured pull-forward)",
    "displaced_share": "Displaced ÷ campaign increment",
    "cohort_loss_rate": "Campaign cohort's loss rate (vs control's)",
    "incremental_cohort_loss_rate": "Loss rate of the incremental loans",
    "residual_balance": "Balance still open, ¥",
  ]

  /// The rows of `arm` at `horizon` keyed by item (channel rows left out).
  static func rows(_ t: Table, arm: String, horizon: String) -> [String:
    [String]]
  {
    var out: [String: [String]] = [:]
    for row in t.rows
    where t.text(row, "arm") == arm && t.text(row, "horizon") == horizon
      && t.text(row, "channel").isEmpty
    {
      out[t.text(row, "item")] = row
    }
    return out
  }

  /// A figure of `row` in its unit: yuan to three significant figures (¥1.00M), counts whole,
  /// fractions as percentages, ratios with ×; "–" where it does not apply.
  static func format(_ t: Table, _ row: [String], _ column: String) -> String {
    let x = t.number(row, column)
    return format(
      x, unit: t.text(row, "unit"), scale: scale(t.number(row, "increment")))
  }

  /// `x` in `unit`, yuan divided by `scale`.
  static func format(_ x: Double, unit: String, scale: (Double, String))
    -> String
  {
    // A ratio over a zero denominator is not meaningful (n/m), not zero or a dash.
    guard x.isFinite else { return unit == "ratio" ? "n/m" : "–" }
    let sign = x < 0 ? "−" : ""
    switch unit {
    case "fraction": return sign + Formatting.percent(abs(x), digits: 1)
    case "ratio": return sign + Formatting.fixed(abs(x), digits: 2) + "×"
    case "count": return sign + Formatting.integer(abs(x))
    default:
      let v = abs(x) / scale.0
      if scale.0 == 1, v >= 1000 { return sign + "¥" + Formatting.integer(v) }
      let digits = v >= 100 || v == 0 ? 0 : v >= 10 ? 1 : 2
      return sign + "¥" + Formatting.fixed(v, digits: digits) + scale.1
    }
  }

  /// The yuan scale of a figure: millions from 10^6, thousands from 10^4, else yuan.
  static func scale(_ x: Double) -> (Double, String) {
    let a = abs(x)
    return a >= 1e6 ? (1e6, "M") : a >= 1e4 ? (1e3, "k") : (1, "")
  }

  /// "increment (low to high)" of a row, the interval in the increment's scale.
  static func increment(_ t: Table, _ row: [String]?) -> String {
    guard let row else { return "" }
    let value = format(t, row, "increment")
    let (low, high) = (t.number(row, "ci_low"), t.number(row, "ci_high"))
    guard low.isFinite, high.isFinite, low != high else { return value }
    return value + " (" + format(t, row, "ci_low") + " to "
      + format(t, row, "ci_high") + ")"
  }

  /// The treatment arms, in file order.
  static func arms(_ t: Table) -> [String] {
    HTMLReport.uniqueInOrder(t.rows.map { t.text($0, "arm") })
  }

  /// The horizons present ("window", then "lifetime" with a run-off) and their months.
  static func horizons(_ t: Table) -> [(name: String, months: String)] {
    ["window", "lifetime"].compactMap { h in
      t.rows.first { t.text($0, "horizon") == h }.map {
        (h, t.text($0, "months"))
      }
    }
  }

  /// One sentence per treatment arm: its incremental NPV at the last horizon with its interval,
  /// the probability it is profitable, and the same at the window's end.
  static func headline(_ t: Table, arm: String) -> String {
    let hs = horizons(t)
    guard let last = hs.last,
      let npv = rows(t, arm: arm, horizon: last.name)["npv"]
    else { return "" }
    let control = t.text(npv, "control_arm")
    var s =
      "\(arm) against \(control): incremental NPV over \(last.months) months \(increment(t, npv))"
    let p = t.number(npv, "probability_positive")
    if p.isFinite {
      let text =
        p > 0.999
        ? "above 99.9%"
        : p < 0.001 ? "below 0.1%" : Formatting.percent(p, digits: 1)
      s += "; probability of being profitable \(text)"
    }
    if hs.count > 1, let w = rows(t, arm: arm, horizon: "window")["npv"] {
      s +=
        "; at the window's end (\(t.text(w, "months")) months) \(increment(t, w))"
    }
    return s + "."
  }

  /// The note under the heading: scale, horizons, intervals and discounting.
  static func note(_ d: RunData, _ t: Table) -> String {
    let replicates = t.rows.first.map { t.text($0, "replicates") } ?? "1"
    let customers = Formatting.integer(d.summaryNumber("customers"))
    var s =
      "Each figure is treatment − control scaled to all \(customers) customers, as if every one had been under the arm. "
    s +=
      horizons(t).count > 1
      ? "The window is the planning months; the lifetime runs on with marketing off and no new loans until the window's loans have matured. At the window's end the last months' loans have not had time to default, so its credit loss and cohort loss count only what has been charged off so far. "
      : "The run has no run-off: figures stop at the window's end, before the window's last loans can be charged off (add a horizon with runOff). "
    s +=
      replicates == "1"
      ? "One run: no intervals (declare experiment.replicates). "
      : "In parentheses: 95% intervals over \(replicates) replicates (jackknife, t with \(Int(replicates).map { $0 - 1 } ?? 0) df); the sections after this one show the scenario's own seed, one of them. Ratios: ROI = ΔNPV ÷ Δmarketing. "
    let rate = d.summary["horizon"]?["annualDiscountRate"]?.numberValue
    return s
      + (rate.map {
        "NPV discounts each month's net income at \(Formatting.percent($0, digits: 1)) a year."
      } ?? "NPV discounts each month's net income at the cost of funds.")
  }
}
