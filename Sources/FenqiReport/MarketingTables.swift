import FenqiCore
import FenqiSimulation

/// The marketing tables of a run whose arms use channels (column names in the README).
public enum MarketingResultTables {
  /// Marketing columns appended to `periods.csv` and `arms.csv`.
  static let columns = [
    "channel_contacts", "contact_cost", "partner_fees", "discount_cost",
    "lottery_cost",
    "referral_cost", "points_cost", "interest_forgone_lender", "opt_outs",
    "complaints",
    "referral_invites", "referral_bookings",
  ]

  /// The marketing column values of one arm's counts.
  static func values(_ c: ArmPeriodCounts) -> [Double] {
    let m = c.marketing
    let scheduled = m.channels.dropLast()
    let referral = m.channels.last ?? ChannelCounts()
    return [
      scheduled.reduce(0) { $0 + $1.contacted },
      scheduled.reduce(0) { $0 + $1.contactCost },
      scheduled.reduce(0) { $0 + $1.partnerFees }, m.discountCost,
      m.lotteryCost,
      m.referralCost, m.pointsCost, m.interestForgone,
      scheduled.reduce(0) { $0 + $1.optOuts },
      scheduled.reduce(0) { $0 + $1.complaints },
      m.invites, referral.booked,
    ]
  }

  /// The names of the scenario's channels plus `referral`.
  static func channelNames(_ r: RunResult) -> [String] {
    r.scenario.channels.map(\.name) + ["referral"]
  }

  /// `channels.csv`: one row per period × arm × channel, then a total row per arm × channel (an empty period)
  /// with cost per acquisition and ROI on net income.
  public static func channels(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "period", "calendar_month", "arm", "channel", "kind", "reached",
      "contacted", "applied",
      "booked", "booked_principal", "contact_cost", "partner_fees", "cost",
      "cost_per_acquisition", "opt_outs", "complaints", "opt_out_rate",
      "roi_net_income",
    ])
    let names = channelNames(r)
    let kinds = r.scenario.channels.map(\.kind.rawValue) + ["referral"]
    func row(
      _ period: String, _ month: String, _ arm: Int, _ c: Int,
      _ x: ChannelCounts, roi: Double
    ) {
      t.append(
        [
          period, month, CSVTable.cell(r.scenario.arms[arm].name),
          CSVTable.cell(names[c]), kinds[c],
        ]
          + [
            x.reached, x.contacted, x.applied, x.booked, x.bookedPrincipal,
            x.contactCost,
            x.partnerFees, x.cost, x.booked > 0 ? x.cost / x.booked : .nan,
            x.optOuts,
            x.complaints, x.contacted > 0 ? x.optOuts / x.contacted : .nan, roi,
          ].map(CSVTable.cell))
    }
    for row_ in r.periods {
      for (a, m) in row_.enumerated() where !m.counts.marketing.channels.isEmpty
      {
        let month = (r.scenario.startMonth - 1 + m.period - 1) % 12 + 1
        for (c, x) in m.counts.marketing.channels.enumerated() {
          row(String(m.period), String(month), a, c, x, roi: .nan)
        }
      }
    }
    for (a, s) in r.arms.enumerated() where !s.totals.marketing.channels.isEmpty
    {
      // ROI: the channel's loans earn the arm's net income per booked yuan before marketing;
      // the channel's own cost comes off: (margin × principal − cost) ÷ cost.
      let margin =
        s.totals.bookedPrincipal > 0
        ? (s.netIncome + s.marketingCost) / s.totals.bookedPrincipal : 0
      for (c, x) in s.totals.marketing.channels.enumerated() {
        let roi =
          x.cost > 0 ? (margin * x.bookedPrincipal - x.cost) / x.cost : .nan
        row("", "", a, c, x, roi: roi)
      }
    }
    return t
  }

  /// `contact_frequency.csv`: per arm, customer-months by contacts received that month, with
  /// opt-outs (4 counts four or more contacts) — over-contact shows as a rising opt-out rate.
  public static func contactFrequency(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "arm", "contacts_in_month", "customer_months", "opt_outs", "opt_out_rate",
    ])
    for (a, s) in r.arms.enumerated() where !s.totals.marketing.channels.isEmpty
    {
      for k in 0..<4 {
        let n = s.totals.marketing.customersByContacts[k]
        let o = s.totals.marketing.optOutsByContacts[k]
        t.append(
          [
            CSVTable.cell(r.scenario.arms[a].name),
            String(k + 1),
          ]
            + [n, o, n > 0 ? o / n : .nan].map(CSVTable.cell))
      }
    }
    return t
  }
}
