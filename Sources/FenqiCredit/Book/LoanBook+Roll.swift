import FenqiCore

/// The period-level inputs of a monthly roll.
public struct RollSettings: Sendable {
  /// The run's seed.
  public var seed: UInt64
  /// The period being simulated, 1-based.
  public var period: Int
  /// The global index of the customer block's first customer.
  public var firstCustomerIndex: Int
  /// Added to every miss logit this period (missMacro × systematic factor).
  public var missShift: Double
  /// Added to every roll logit this period.
  public var rollShift: Double
  /// Months past due at which a loan is charged off.
  public var chargeOffMonths: UInt8
  /// The share of charged-off principal credited to the borrower's ledger as recovered within the
  /// horizon: (1 − LGD) when the recovery arrives before the run ends, else 0.
  public var recoveryShare: Double
  /// Macro stress (correlated defaults, category stress); nil: none.
  public var stress: RollStress? = nil
  /// Added to the miss logit of every loan of a borrower this period, indexed by the borrower's
  /// local index (a firm's cash-flow squeeze); empty: none.
  public var borrowerMissShift: [Float] = []
  /// Per arm: the lender's share of charge-offs and recoveries.
  ///
  /// Below 1 when a funding partner bears the rest (co-lending without a guarantee); it scales
  /// the recoveries credited to the borrowers' ledger. Empty: the lender bears all.
  public var armLossShare: [Double] = []
  /// The share of prepayments that are partial (the rest settle in full), a fraction.
  public var partialPrepaymentShare = 0.0
  /// The share of the principal a partial prepayment repays, a fraction.
  public var partialPrepaymentFraction = 0.5
  /// How cure and roll depend on the delinquency bucket (flat: the same in every bucket).
  public var buckets = BucketTransitions.flat
  /// Per arm: the collections effort working its delinquent loans; empty: none anywhere.
  public var collections: [CollectionsEffort] = []
  /// The share of a charge-off recovered, (1 − LGD), as a loan tape reports it on the
  /// charge-off's row (whenever the recovery arrives).
  public var tapeRecoveryRate = 0.0

  /// Creates roll settings.
  public init(
    seed: UInt64, period: Int, firstCustomerIndex: Int, missShift: Double = 0,
    rollShift: Double = 0, chargeOffMonths: UInt8, recoveryShare: Double = 0
  ) {
    self.seed = seed
    self.period = period
    self.firstCustomerIndex = firstCustomerIndex
    self.missShift = missShift
    self.rollShift = rollShift
    self.chargeOffMonths = chargeOffMonths
    self.recoveryShare = recoveryShare
  }
}

extension LoanBook {
  /// Rolls every open loan one month through ``DelinquencyStateMachine``: payments split into
  /// interest and principal, prepayments, charge-offs; closed loans leave the book, the
  /// borrowers' open-loan counts drop, and end-of-period balances are tallied by arm and bucket.
  ///
  /// Each loan's draws come from the stream (seed, customer, period, ``Purpose/repayment``) at
  /// counters 2·ordinal and 2·ordinal + 1, so the result does not depend on the book's order.
  ///
  /// - Parameters:
  ///   - settings: the period's inputs.
  ///   - openLoans: the open-loan count per customer of the block, decremented for closed loans.
  ///   - totals: per-arm totals, added to.
  public mutating func roll(
    _ settings: RollSettings, openLoans: inout [UInt8],
    totals: inout [LoanBookTotals]
  ) {
    var ledger = ChargeOffLedger(arms: totals.count, segments: 0, horizon: 0)
    roll(settings, openLoans: &openLoans, totals: &totals, ledger: &ledger)
  }

  /// Rolls every open loan one month, as ``roll(_:openLoans:totals:)``, also recording each
  /// charge-off in `ledger` by arm, segment, vintage and months on book.
  public mutating func roll(
    _ settings: RollSettings, openLoans: inout [UInt8],
    totals: inout [LoanBookTotals],
    ledger: inout ChargeOffLedger
  ) {
    var customers = CustomerLedger(count: 0)
    roll(
      settings, openLoans: &openLoans, totals: &totals, ledger: &ledger,
      customers: &customers)
  }

  /// Rolls every open loan one month, also crediting each borrower's interest, fees and recoveries
  /// and debiting their charge-offs in `customers` (when it tracks them).
  public mutating func roll(
    _ settings: RollSettings, openLoans: inout [UInt8],
    totals: inout [LoanBookTotals],
    ledger: inout ChargeOffLedger, customers: inout CustomerLedger
  ) {
    var status = BorrowerStatus(count: 0)
    roll(
      settings, openLoans: &openLoans, totals: &totals, ledger: &ledger,
      customers: &customers, status: &status)
  }

  /// Rolls every open loan one month, as ``roll(_:openLoans:totals:ledger:customers:)``, also
  /// recording each borrower's worst months past due and outstanding principal in `status`
  /// (when it tracks them; the caller resets it first).
  public mutating func roll(
    _ settings: RollSettings, openLoans: inout [UInt8],
    totals: inout [LoanBookTotals],
    ledger: inout ChargeOffLedger, customers: inout CustomerLedger,
    status: inout BorrowerStatus
  ) {
    var tape = LoanTapeLog(limit: 0)
    roll(
      settings, openLoans: &openLoans, totals: &totals, ledger: &ledger,
      customers: &customers, status: &status, tape: &tape)
  }

  /// Rolls every open loan one month, as
  /// ``roll(_:openLoans:totals:ledger:customers:status:)``, also recording a row for each
  /// sampled loan (a non-negative ``tapeSlot``) in `tape`.
  public mutating func roll(
    _ settings: RollSettings, openLoans: inout [UInt8],
    totals: inout [LoanBookTotals],
    ledger: inout ChargeOffLedger, customers: inout CustomerLedger,
    status: inout BorrowerStatus, tape: inout LoanTapeLog
  ) {
    let taping = tape.isRecording && !tapeSlot.isEmpty
    let tracking = customers.isTracking
    let observing = status.isTracking
    guard count > 0 else { return }
    let family = StreamFamily(
      seed: settings.seed, period: UInt32(settings.period), purpose: .repayment)
    let shifted = settings.missShift != 0 || settings.rollShift != 0
    // Taken out of the per-loan loop once, not re-bound for every loan.
    let stress = settings.stress
    let sectors = !(stress?.sectorCumulative.isEmpty ?? true)
    let borrowerShift = settings.borrowerMissShift
    let byBorrower = !borrowerShift.isEmpty
    let first = UInt64(settings.firstCustomerIndex)
    let n = count
    let schedules = feeSchedules
    let anyFees = schedules.count > 1
    let partials = settings.partialPrepaymentShare > 0
    let lossShares = !settings.armLossShare.isEmpty
    let buckets = settings.buckets
    let efforts = settings.collections
    let worked = !buckets.isFlat || !efforts.isEmpty
    var everLate = chargedLateFee
    chargedLateFee = []
    defer { chargedLateFee = everLate }
    let kept = withColumns { p in
      openLoans.withUnsafeMutableBufferPointer { openLoans in
        totals.withUnsafeMutableBufferPointer { totals in
          var kept = 0
          for j in 0..<n {
            let c = Int(p.customer[j])
            let slot = taping ? p.tapeSlot[j] : -1
            let principalBefore = p.principal[j]
            let arrearsBefore = slot >= 0 ? Double(p.arrears[j]) : 0
            var tapeStatus = LoanStatus.open
            var tapePaid = 0.0
            var arrearsChange = ArrearsChange()
            let stream = family.stream(for: first + UInt64(c))
            let counter = UInt64(p.ordinal[j]) &* 2
            let u = stream.uniform(at: counter)
            var miss: Double
            let roll: Double
            if shifted {
              miss =
                1 / (1 + _exp(-(Double(p.missLogit[j]) + settings.missShift)))
              roll =
                1 / (1 + _exp(-(Double(p.rollLogit[j]) + settings.rollShift)))
            } else {
              miss = Double(p.missProbability[j])
              roll = Double(p.rollProbability[j])
            }
            if byBorrower, borrowerShift[c] != 0 {
              miss =
                1
                / (1
                  + _exp(
                    -(Double(p.missLogit[j]) + settings.missShift
                      + Double(borrowerShift[c]))))
            }
            let a = Int(p.arm[j])
            var (m, r, cure) = (miss, roll, Double(p.cureProbability[j]))
            if worked, p.monthsPastDue[j] > 0 {
              let effort = efforts.isEmpty ? .none : efforts[a]
              (cure, r) = buckets.probabilities(
                cure: cure,
                rollLogit: Double(p.rollLogit[j]) + settings.rollShift,
                bucket: BucketTransitions.index(
                  monthsPastDue: p.monthsPastDue[j]),
                effort: effort)
              if effort.costPerDelinquentLoan > 0 {
                totals[a].collectionsCost += effort.costPerDelinquentLoan
                totals[a].collectionsAccounts += 1
                if tracking {
                  customers.income[c] -= Float(effort.costPerDelinquentLoan)
                }
              }
            }
            if let stress {
              let sector =
                sectors
                ? RollStress.sector(
                  seed: stress.sectorSeed,
                  customer: settings.firstCustomerIndex + c,
                  ordinal: Int(p.ordinal[j]),
                  cumulative: stress.sectorCumulative)
                : nil
              (m, r, cure) = stress.apply(
                miss: m, roll: r, cure: cure, segment: Int(p.segment[j]),
                sector: sector)
            }
            let pastDueBefore = p.monthsPastDue[j]
            let (d, event) = DelinquencyStateMachine.next(
              monthsPastDue: p.monthsPastDue[j], u: u, miss: m,
              cure: cure,
              roll: r, chargeOffMonths: settings.chargeOffMonths)
            p.monthsPastDue[j] = d
            if anyFees, p.feeSchedule[j] != 0 {
              let accrued = Self.chargeArrears(
                event: event, monthsPastDue: d, loan: j, columns: p,
                fees: schedules[Int(p.feeSchedule[j])],
                firstLateFee: &everLate, borrower: c, totals: &totals[a])
              if tracking {
                customers.income[c] += Float(
                  accrued.charged - accrued.writtenOff)
              }
              arrearsChange = accrued
            }
            if observing, d > status.worstPastDue[c] {
              status.worstPastDue[c] = d
            }
            totals[a].instalmentsDue += 1
            var open = true
            switch event {
            case .missed: totals[a].missed += 1
            case .cured: totals[a].cured += 1
            case .chargedOff:
              totals[a].chargeOffs += 1
              totals[a].chargeOffPrincipal += p.principal[j]
              if tracking {
                customers.chargeOff[c] += Float(p.principal[j])
                customers.income[c] += Float(
                  lossShares
                    ? settings.recoveryShare * p.principal[j]
                      * settings.armLossShare[a]
                    : settings.recoveryShare * p.principal[j])
              }
              ledger.record(
                arm: a, segment: Int(p.segment[j]),
                origin: Int(p.bookedPeriod[j]),
                period: settings.period, principal: p.principal[j])
              p.principal[j] = 0
              tapeStatus = .chargedOff
              open = false
            default: break
            }
            if DelinquencyStateMachine.pays(event) {
              totals[a].instalmentsPaid += 1
              let paidCount = p.term[j] - p.remaining[j]
              var interest = p.feePerInstalment[j]
              if paidCount >= p.interestFreePeriods[j] {
                interest += p.principal[j] * p.monthlyRate[j]
              }
              var principalPart = p.instalment[j] - interest
              p.remaining[j] -= 1
              // After a partial prepayment the balance runs out before the term: the last
              // payment is what is left plus the month's interest.
              let paidOff = partials && principalPart >= p.principal[j]
              if paidOff {
                principalPart = p.principal[j]
              } else if p.remaining[j] == 0 || principalPart > p.principal[j] {
                principalPart = p.principal[j]
                interest = p.instalment[j] - principalPart
              }
              p.principal[j] -= principalPart
              totals[a].principalRepaid += principalPart
              totals[a].interestIncome += interest
              tapePaid += interest
              if tracking { customers.income[c] += Float(interest) }
              if p.remaining[j] == 0 || paidOff {
                tapeStatus = .repaid
                totals[a].loansRepaid += 1
                if anyFees {
                  Self.collectArrears(loan: j, columns: p, totals: &totals[a])
                }
                open = false
              } else if d == 0, p.prepaymentProbability[j] > 0 {
                let u = stream.uniform(at: counter + 1)
                let hazard = Double(p.prepaymentProbability[j])
                if u < hazard {
                  let partial =
                    partials && u < hazard * settings.partialPrepaymentShare
                  let settled = Self.settleEarly(
                    loan: j, columns: p, partial: partial,
                    fraction: settings.partialPrepaymentFraction,
                    fees: schedules[Int(p.feeSchedule[j])], totals: &totals[a])
                  if tracking, settled.fee != 0 {
                    customers.income[c] += Float(settled.fee)
                  }
                  tapePaid += settled.fee
                  if settled.closed { tapeStatus = .prepaid }
                  open = !settled.closed
                }
              }
            }
            if slot >= 0 {
              let chargedOff = tapeStatus == .chargedOff ? principalBefore : 0
              // Principal and interest paid, settlement costs, and arrears collected.
              let collected =
                arrearsBefore + arrearsChange.charged
                - arrearsChange.writtenOff - Double(p.arrears[j])
              tape.record(
                slot: slot, period: settings.period, monthsPastDue: d,
                status: tapeStatus, balance: p.principal[j],
                paid: principalBefore - p.principal[j] - chargedOff + tapePaid
                  + collected,
                chargeOff: chargedOff,
                recovery: chargedOff * settings.tapeRecoveryRate)
            }
            ledger.recordRoll(
              arm: a, fromMonthsPastDue: pastDueBefore,
              to: open
                ? DelinquencyStateMachine.bucket(monthsPastDue: d)
                : tapeStatus == .chargedOff ? 5 : 6)
            if open {
              ledger.recordBalance(
                arm: a, origin: Int(p.bookedPeriod[j]), period: settings.period,
                principal: p.principal[j], monthsPastDue: d)
              if observing { status.balance[c] += Float(p.principal[j]) }
              totals[a].addBalance(
                p.principal[j],
                bucket: DelinquencyStateMachine.bucket(monthsPastDue: d))
              totals[a].openLoans += 1
              if kept != j { p.move(j, to: kept) }
              kept += 1
            } else {
              openLoans[c] -= 1
            }
          }
          return kept
        }
      }
    }
    truncate(to: kept)
  }
}
