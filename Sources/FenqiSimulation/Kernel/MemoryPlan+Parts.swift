import FenqiCredit
import FenqiPopulation

/// The parts of ``MemoryPlan/bytesPerCustomer(_:)``, bytes a customer before the margin.
///
/// The caller keeps the prepared population while the run steps a copy of its chunks
/// (``SimulationEngine/run(_:progress:)``), so copy-on-write gives every column the run writes a
/// buffer of its own: such columns count twice, columns the run only reads once.
extension MemoryPlan {
  /// The customer columns, each customer's arm and need multiplier (read only), and the open-loan
  /// and booking counts (written).
  static func kernelBytes(_ s: Scenario) -> Double {
    Double(
      CustomerColumns.bytesPerCustomer + 1 + (isHeterogeneous(s) ? 4 : 0)
        + 2 * (1 + 2))
  }

  /// The per-customer state of the experiment, marketing, risk and business layers.
  static func layerBytes(_ s: Scenario) -> Double {
    var bytes = 0
    if let e = s.experiment {
      // The outcome columns (written) and the pre-period spend (read only).
      bytes +=
        2 * CustomerOutcomes.bytesPerCustomer + (e.prePeriods > 0 ? 4 : 0)
      // The experiment's runs follow one another (a split experiment's own run, then one per
      // arm, each on a copy of the prepared population), and the allocator does not always hand
      // one run's freed columns to the next: its worker threads may draw from other arenas.
      // Measured at 1,000,000 customers, aa-check peaks at 185–187 or 208 bytes a customer and
      // co-lending at 192–202 or 218–221, about half of what a run writes anew (its arms,
      // open-loan and booking counts, outcomes and ledger) held once more.
      bytes +=
        (1 + 1 + 2 + CustomerOutcomes.bytesPerCustomer
          + CustomerLedger.bytesPerCustomer) / 2
    }
    if s.experiment != nil || s.business != nil {
      bytes += 2 * CustomerLedger.bytesPerCustomer
    }
    if s.arms.contains(where: { $0.marketing != nil }), !s.channels.isEmpty {
      let slots = s.channels.filter { $0.capacityPerPeriod != nil }.count
      // Fatigue, opt-outs, contacts, referral state, points, tier, the social graph's rows,
      // per-channel histories and capacity priorities (figures measured with the layer).
      bytes +=
        4 + 2 + 2 + 8 + 2 + 8 + 1 + 1 + 96 + 2 * s.channels.count + 5 * slots
    }
    if s.riskStack != nil {
      // The lender's ledger and the borrowers' status after the roll, both rewritten monthly.
      bytes +=
        2 * (LenderState.bytesPerCustomer + BorrowerStatus.bytesPerCustomer)
    }
    if let b = s.business {
      let lines = s.arms.contains { $0.lines != nil }
      bytes +=
        2 * BusinessState.bytesPerCustomer(lines: lines, firms: b.firms != nil)
      if s.riskStack == nil { bytes += 2 * BorrowerStatus.bytesPerCustomer }
      // At the end every customer's value is gathered by arm and segment, then by arm, for its
      // percentiles: two Doubles with their arrays' growth (measured 20). A counterfactual
      // experiment keeps each forced run's result, customer values included, until all have run
      // (prepaid-education, three arms: 326 bytes a customer measured at 1,000,000).
      let runs = s.experiment?.mode == .counterfactual ? s.arms.count : 1
      bytes += 20 * runs
    }
    return Double(bytes)
  }

  /// The loan books: the first pages of the prepared population's book and of the run's copy, and
  /// the run's open loans (``expectedOpenLoans(_:)``, seasoned ones included).
  static func bookBytes(_ s: Scenario) -> Double {
    2 * pageBytesPerBook + expectedOpenLoans(s) * Double(LoanBook.bytesPerLoan)
  }

  /// What a loan book costs whatever it holds: a 4 KiB page of each of its columns in every
  /// chunk (its capacity of half a loan a customer is reserved, not touched, until booked).
  static let pageBytesPerBook =
    Double(LoanBook.columnCount * 4096) / Double(ChunkState.size)

  /// Each chunk's counts for every period since the last merge, per arm (every period of the run
  /// when nothing reports progress).
  static func historyBytes(_ s: Scenario) -> Double {
    Double(s.periods * s.arms.count * MemoryLayout<ArmPeriodCounts>.stride)
      / Double(ChunkState.size)
  }

  /// What a seasoned book adds (see ``SimulationEngine/seasoned(_:)``).
  ///
  /// The burn-in steps a second set of chunks beside the prepared population: their arm, open-loan
  /// and booking counts and need multipliers, their loan book's first pages and a row of counts a
  /// month. The window keeps each borrower's flag, and the seasoned book is held by the prepared
  /// population as well as by the run's copy (counted in ``bookBytes(_:)``): its open loans are
  /// the burn-in's own ``expectedOpenLoans(_:)``.
  ///
  /// Measured on the baseline at 1,000,000 customers: 111.5 bytes a customer without seasoning,
  /// 133.2 with a 6-month burn-in, 135.9 with 18 and 143.0 with 60 (its book holds about 0.03,
  /// 0.05 and 0.05 open loans a customer when period 1 starts).
  static func seasoningBytes(_ s: Scenario) -> Double {
    guard let seasoning = s.seasoning else { return 0 }
    let state =
      Double(1 + 1 + 2 + (isHeterogeneous(s) ? 4 : 0) + 1) + pageBytesPerBook
    let history =
      Double(seasoning.burnInMonths * MemoryLayout<ArmPeriodCounts>.stride)
      / Double(ChunkState.size)
    let book =
      expectedOpenLoans(s.burnInScenario(seasoning))
      * Double(LoanBook.bytesPerLoan)
    return state + history + book
  }

  /// A targeting pilot's log, bytes a customer (after the margin).
  ///
  /// Every customer of a targeting arm is logged each pilot month; at the pilot's end the chunks'
  /// logs are gathered into one and turned into the Double feature tables the uplift and action
  /// models train on. Measured on targeting.json at 1,000,000 customers: 1,202, 1,701 and 2,256
  /// bytes a customer with 2, 3 and 4 pilot months, 527 a pilot month or 3.6 log rows; this
  /// counts 4.
  static func pilotLogBytes(_ s: Scenario) -> Int {
    guard let t = s.targeting else { return 0 }
    let logged = s.arms.filter { $0.targeting != nil }.reduce(0) {
      $0 + $1.allocation
    }
    let rows = Double(Swift.min(t.pilotMonths, s.periods) * 4) * logged
    return Int(
      (rows * Double(PilotLog.bytesPerRow(offers: t.offers.count))).rounded(
        .up))
  }

  /// Whether any segment's customers have need multipliers of their own.
  static func isHeterogeneous(_ s: Scenario) -> Bool {
    s.behaviours.contains { $0.needHeterogeneity > 0 }
  }
}
