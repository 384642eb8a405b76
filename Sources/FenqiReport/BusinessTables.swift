import FenqiCore
import FenqiSimulation

/// The business layer's tables: `business.csv` (per month × arm × borrower kind), `value.csv`
/// (customer value per arm × segment) and `merchants.csv` (every merchant agent).
public enum BusinessResultTables {
  /// `business.csv`: each month's purchases, order values, delinquency, write-offs, cash flow,
  /// credit lines and (for firms) cash received, per arm and kind; plus each arm's disputes,
  /// clawbacks and credit loss.
  public static func months(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "period", "arm", "kind", "customers", "purchases", "instalment_orders",
      "instalment_order_value", "cash_orders", "cash_order_value",
      "booked_principal", "borrowers", "current_borrowers", "newly_delinquent",
      "new_delinquency_rate", "delinquent_borrowers", "balance", "written_off",
      "net_cash_flow", "discounted_cash_flow", "cash_index", "lines",
      "line_total", "line_used", "utilisation", "frozen", "reviews", "raises",
      "cuts", "freezes", "unfreezes", "line_declines", "lost_needs",
      "disputes", "disputed_principal", "clawback", "credit_loss",
    ])
    let firms = r.scenario.population.segments.contains { $0.borrower == .firm }
    let persons = r.scenario.population.segments.contains {
      $0.borrower == .person
    }
    for row in r.periods {
      for (a, m) in row.enumerated() {
        for kind in 0..<2 where kind == 0 ? persons : firms {
          let k = m.counts.business[kind]
          // Disputes, clawbacks and the credit loss are the arm's, on its person row.
          let book = m.counts.book
          let armWide = kind == 0 || !persons
          let numbers: [Double] = [
            k.customers, k.purchases, k.instalmentOrders,
            k.instalmentOrderValue, k.cashOrders, k.cashOrderValue,
            k.bookedPrincipal, k.borrowers, k.currentBorrowers,
            k.newlyDelinquent,
            k.currentBorrowers > 0
              ? k.newlyDelinquent / k.currentBorrowers : .nan,
            k.delinquentBorrowers, k.balance, k.writtenOff, k.netCashFlow,
            k.discountedCashFlow,
            kind == 1 && k.customers > 0 ? k.cashIndexSum / k.customers : .nan,
            k.lines, k.lineTotal, k.lineUsed,
            k.lineTotal > 0 ? k.lineUsed / k.lineTotal : .nan, k.frozen,
            k.reviews, k.raises, k.cuts, k.freezes, k.unfreezes,
            k.lineDeclines, k.lostNeeds,
            armWide ? book.disputes : .nan,
            armWide ? book.disputedPrincipal : .nan,
            armWide ? book.clawback : .nan, armWide ? m.creditLoss : .nan,
          ]
          t.append(
            [
              String(m.period), CSVTable.cell(r.scenario.arms[a].name),
              kind == 0 ? "person" : "firm",
            ] + numbers.map(CSVTable.cell))
        }
      }
    }
    return t
  }

  /// `value.csv`: per arm × visible segment, then the arm's whole population (`all`), customers,
  /// repeat purchase, order values with and without instalments, lifetime value with its
  /// percentiles, and churn.
  public static func value(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "arm", "segment", "kind", "customers", "purchasers", "repeat_purchasers",
      "repeat_rate", "instalment_orders", "instalment_order_value_mean",
      "cash_orders", "cash_order_value_mean", "order_value_lift",
      "lifetime_value", "lifetime_value_p1", "lifetime_value_median",
      "lifetime_value_p99", "negative_value_share", "churned", "churn_rate",
    ])
    func numbers(_ v: SegmentValue) -> [String] {
      [
        v.customers, v.purchasers, v.repeatPurchasers, v.repeatRate,
        v.instalmentOrders,
        v.instalmentOrders > 0
          ? v.instalmentOrderValue / v.instalmentOrders : .nan,
        v.cashOrders,
        v.cashOrders > 0 ? v.cashOrderValue / v.cashOrders : .nan,
        v.orderValueLift, v.lifetimeValue, v.valueP1, v.valueMedian,
        v.valueP99, v.negativeValue / max(v.customers, 1), v.churned,
        v.churnRate,
      ].map(CSVTable.cell)
    }
    let segments = r.scenario.population.segments
    for (a, rows) in (r.business?.value ?? []).enumerated() {
      let arm = CSVTable.cell(r.scenario.arms[a].name)
      for (g, v) in rows.enumerated() where !r.scenario.hiddenSegments[g] {
        t.append(
          [arm, CSVTable.cell(segments[g].name), segments[g].borrower.name]
            + numbers(v))
      }
      if let all = r.business?.armValue[a] {
        t.append([arm, "all", "all"] + numbers(all))
      }
    }
    return t
  }

  /// `merchants.csv`: every merchant agent, its category, sales share, failure month and, per
  /// arm, what was financed, owed at failure, disputed and clawed back.
  public static func merchants(_ r: RunResult) -> CSVTable {
    let arms = r.scenario.arms.map(\.name)
    var header = ["merchant", "category", "sales_share", "failed_period"]
    for arm in arms {
      header += [
        "financed_\(arm)", "exposure_at_failure_\(arm)", "disputed_\(arm)",
        "clawback_\(arm)",
      ]
    }
    var t = CSVTable(header: header)
    guard let m = r.business?.merchants,
      let categories = r.scenario.business?.categories
    else { return t }
    for k in m.category.indices {
      var row = [
        String(k + 1), CSVTable.cell(categories[m.category[k]].name),
        CSVTable.cell(m.salesShare[k]),
        m.failedPeriod[k] > 0 ? String(m.failedPeriod[k]) : "",
      ]
      for a in arms.indices {
        row += [
          m.financed[a][k], m.exposureAtFailure[a][k], m.disputed[a][k],
          m.clawback[a][k],
        ].map(CSVTable.cell)
      }
      t.append(row)
    }
    return t
  }
}
