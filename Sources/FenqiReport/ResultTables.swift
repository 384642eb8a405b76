import FenqiCore
import FenqiCredit
import FenqiSimulation

/// The run's tables and JSON documents, built from a ``RunResult`` alone (column names are
/// documented in the README).
public enum ResultTables {
  /// `periods.csv`: one row per period × arm.
  public static func periods(_ r: RunResult) -> CSVTable {
    var t = CSVTable(
      header: [
        "period", "calendar_month", "arm", "customers", "reached", "needs",
        "applications", "paid_in_full", "approvals",
        "declines", "bookings", "gmv", "booked_principal", "instalments_due",
        "instalments_paid", "principal_repaid",
        "prepaid_principal", "interest_fee_income", "merchant_subsidy",
        "balance_current", "balance_dpd_1_30",
        "balance_dpd_31_60", "balance_dpd_61_90", "balance_dpd_90_plus",
        "outstanding_balance", "open_loans", "missed",
        "cured", "charge_offs", "charge_off_principal", "recoveries",
        "funding_cost", "marketing_cost", "net_income",
      ] + (!r.scenario.usesChannels ? [] : MarketingResultTables.columns)
        + (!r.scenario.usesFees ? [] : FeeResultTables.periodColumns)
        + (!r.scenario.usesCoLending ? [] : CoLendingResultTables.columns)
        + (!r.scenario.usesCollections ? [] : collectionsColumns))
    let marketing = r.scenario.usesChannels
    let fees = r.scenario.usesFees
    for row in r.periods {
      for (a, m) in row.enumerated() {
        let c = m.counts
        let b = c.book
        let month = (r.scenario.startMonth - 1 + m.period - 1) % 12 + 1
        t.append(
          [
            String(m.period), String(month),
            CSVTable.cell(r.scenario.arms[a].name),
          ]
            + [
              Double(r.arms[a].customers), c.reached, c.needs, c.applications,
              c.paidInFull, c.approvals, c.declines,
              c.bookings, c.gmv, c.bookedPrincipal, b.instalmentsDue,
              b.instalmentsPaid, b.principalRepaid,
              b.prepaidPrincipal, b.interestIncome, c.merchantSubsidy,
              b.balance.0, b.balance.1, b.balance.2,
              b.balance.3, b.balance.4, b.totalBalance, b.openLoans, b.missed,
              b.cured, b.chargeOffs,
              b.chargeOffPrincipal, m.recoveries, m.fundingCost,
              m.marketingCost, m.netIncome,
            ].map(CSVTable.cell)
            + (marketing
              ? MarketingResultTables.values(c).map(CSVTable.cell) : [])
            + (fees ? FeeResultTables.values(c).map(CSVTable.cell) : [])
            + (r.scenario.usesCoLending
              ? CoLendingResultTables.values(m, r.scenario.arms[a].coLending)
                .map(
                  CSVTable.cell) : [])
            + (r.scenario.usesCollections
              ? [b.collectionsAccounts, b.collectionsCost].map(CSVTable.cell)
              : []))
      }
    }
    return t
  }

  /// The collections columns of `periods.csv` and `arms.csv`: delinquent loan-months worked and
  /// their cost, yuan.
  static let collectionsColumns = ["collections_accounts", "collections_cost"]

  /// The per-arm summary figures, in column order, with their names.
  static func armFigures(
    _ s: ArmSummary, marketing: Bool, fees: Bool = false,
    coLending: CoLending?? = nil, collections: Bool = false,
    seasoned: Bool = false
  ) -> [(String, Double)] {
    let b = s.totals.book
    let extra =
      marketing
      ? Array(
        zip(
          MarketingResultTables.columns, MarketingResultTables.values(s.totals))
      )
      : []
    return [
      ("customers", Double(s.customers)), ("reached", s.totals.reached),
      ("needs", s.totals.needs),
      ("applications", s.totals.applications),
      ("approvals", s.totals.approvals), ("bookings", s.totals.bookings),
      ("paid_in_full", s.totals.paidInFull), ("gmv", s.totals.gmv),
      ("booked_principal", s.totals.bookedPrincipal),
      ("conversion", s.conversion), ("approval_rate", s.approvalRate),
      ("average_order_value", s.averageOrderValue),
      ("repayment_rate", s.repaymentRate), ("dpd30_plus_rate", s.dpd30PlusRate),
      ("dpd90_plus_rate", s.dpd90PlusRate),
      ("bad_debt_rate", s.badDebtRate),
      ("annualised_charge_off_rate", s.annualisedChargeOffRate),
      ("interest_fee_income", b.interestIncome),
      ("merchant_subsidy", s.totals.merchantSubsidy),
      ("charge_offs", b.chargeOffs),
      ("charge_off_principal", b.chargeOffPrincipal),
      ("recoveries", s.recoveries),
      ("pending_recoveries", s.pendingRecoveries),
      ("funding_cost", s.fundingCost), ("marketing_cost", s.marketingCost),
      ("net_income", s.netIncome), ("marketing_roi", s.marketingROI),
      ("outstanding_balance", b.totalBalance),
      ("open_loans", b.openLoans),
    ] + extra
      + (fees
        ? Array(zip(FeeResultTables.armColumns, FeeResultTables.values(s)))
        : [])
      + (coLending.map {
        Array(
          zip(
            CoLendingResultTables.columns, CoLendingResultTables.values(s, $0)))
      } ?? [])
      + (collections
        ? Array(
          zip(collectionsColumns, [b.collectionsAccounts, b.collectionsCost]))
        : [])
      + (seasoned ? [("opening_balance", s.openingBalance)] : [])
  }

  /// Arm `a`'s figures in a run, with the column groups the run's scenario uses.
  static func figures(_ a: Int, _ r: RunResult) -> [(String, Double)] {
    armFigures(
      r.arms[a], marketing: r.scenario.usesChannels, fees: r.scenario.usesFees,
      coLending: r.scenario.usesCoLending
        ? .some(r.scenario.arms[a].coLending) : nil,
      collections: r.scenario.usesCollections,
      seasoned: r.scenario.seasoning != nil)
  }

  /// `arms.csv`: one row per arm.
  public static func arms(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: ["arm"] + figures(0, r).map(\.0))
    for (a, s) in r.arms.enumerated() {
      t.append(
        [CSVTable.cell(s.name)] + figures(a, r).map { CSVTable.cell($0.1) })
    }
    return t
  }

  /// `summary.json`: the scenario's identity, every arm's figures, each arm's difference from the
  /// first arm (the control), and the book's accounting identity.
  public static func summary(_ r: RunResult) -> JSONValue {
    let control = figures(0, r)
    let arms: [JSONValue] = r.arms.enumerated().map { a, s in
      .object(
        [("name", .string(s.name))]
          + figures(a, r).map { ($0.0, JSONValue.number($0.1)) })
    }
    let differences: [JSONValue] = r.arms.enumerated().dropFirst().map { a, s in
      let figures = figures(a, r)
      return .object(
        [("arm", .string(s.name)), ("versus", .string(r.arms[0].name))]
          + zip(figures, control).filter { ratioNames.contains($0.0.0) }.map {
            ($0.0.0, JSONValue.number($0.0.1 - $0.1.1))
          })
    }
    return .object(
      [
        ("scenario", .string(r.scenario.name)),
        ("description", .string(r.scenario.description)),
        ("startMonth", .number(Double(r.scenario.startMonth))),
        ("seed", .number(Double(r.scenario.seed))),
        ("periods", .number(Double(r.scenario.periods))),
        ("customers", .number(Double(r.scenario.population.size))),
        ("arms", .array(arms)),
        ("differencesFromControl", .array(differences)),
        (
          "bookIdentityError",
          .object(
            zip(r.arms, r.conservationError).map {
              ($0.0.name, JSONValue.number($0.1))
            })
        ),
      ] + (RiskResultTables.burnIn(r).map { [("riskStackBurnIn", $0)] } ?? []))
  }

  /// `segments.csv`: one row per arm × segment with the funnel and the losses.
  public static func segments(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "arm", "segment", "hidden", "customers", "needs", "applications",
      "bookings",
      "booked_principal", "charge_offs", "charge_off_principal",
      "bad_debt_rate",
    ])
    for s in r.segments {
      t.append(
        [
          CSVTable.cell(s.arm), CSVTable.cell(s.segment),
          s.hidden ? "true" : "false",
        ]
          + [
            s.customers, s.needs, s.applications, s.bookings, s.bookedPrincipal,
            s.chargeOffs,
            s.chargeOffPrincipal, s.badDebtRate,
          ].map(CSVTable.cell))
    }
    return t
  }

  /// `vintages.csv`: one row per arm × origination period × month on book observed within the
  /// run (first 60 origination months and months on book), with the cumulative charge-off rate of
  /// the vintage's booked principal, and the vintage's balance open at the month's end in total
  /// and 30+, 60+ and 90+ days past due, also as fractions of its booked principal (the vintage
  /// triangle).
  public static func vintages(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "arm", "origin_period", "months_on_book", "booked_principal",
      "charge_off_principal",
      "cumulative_charge_off_principal", "cumulative_charge_off_rate",
      "open_balance", "balance_dpd_30_plus", "balance_dpd_60_plus",
      "balance_dpd_90_plus", "dpd30_plus_rate", "dpd60_plus_rate",
      "dpd90_plus_rate",
    ])
    let horizon = r.ledger.horizon
    for (a, arm) in r.scenario.arms.enumerated() {
      for origin in stride(
        from: 1, through: min(horizon, r.periods.count), by: 1)
      {
        let booked = r.periods[origin - 1][a].counts.bookedPrincipal
        var cumulative = 0.0
        let observed = min(horizon, r.periods.count - origin)
        for monthsOnBook in stride(from: 1, through: observed, by: 1) {
          let amount = r.ledger.principal(
            arm: a, origin: origin, monthsOnBook: monthsOnBook)
          cumulative += amount
          let levels = (0..<ChargeOffLedger.balanceLevels).map {
            r.ledger.balance(
              arm: a, origin: origin, monthsOnBook: monthsOnBook, level: $0)
          }
          // Rates over a vintage that booked nothing are not meaningful: empty cells.
          let rates = levels.dropFirst().map {
            booked == 0 ? .nan : $0 / booked
          }
          t.append(
            [CSVTable.cell(arm.name), String(origin), String(monthsOnBook)]
              + ([
                booked, amount, cumulative,
                booked == 0 ? 0 : cumulative / booked,
              ] + levels + rates).map(CSVTable.cell))
        }
      }
    }
    return t
  }

  /// The ratio figures compared between arms.
  static let ratioNames: Set<String> = [
    "conversion", "approval_rate", "average_order_value", "repayment_rate",
    "dpd30_plus_rate", "dpd90_plus_rate",
    "bad_debt_rate", "annualised_charge_off_rate", "net_income",
  ]
}
