/// Every loan column's contiguous storage, valid inside ``LoanBook/withColumns(_:)`` only.
struct LoanColumnPointers {
  let customer: UnsafeMutableBufferPointer<UInt32>
  let ordinal: UnsafeMutableBufferPointer<UInt16>
  let arm: UnsafeMutableBufferPointer<UInt8>
  let segment: UnsafeMutableBufferPointer<UInt8>
  let monthsPastDue: UnsafeMutableBufferPointer<UInt8>
  let remaining: UnsafeMutableBufferPointer<UInt8>
  let term: UnsafeMutableBufferPointer<UInt8>
  let interestFreePeriods: UnsafeMutableBufferPointer<UInt8>
  let bookedPeriod: UnsafeMutableBufferPointer<UInt16>
  let principal: UnsafeMutableBufferPointer<Double>
  let instalment: UnsafeMutableBufferPointer<Double>
  let monthlyRate: UnsafeMutableBufferPointer<Double>
  let feePerInstalment: UnsafeMutableBufferPointer<Double>
  let missLogit: UnsafeMutableBufferPointer<Float>
  let rollLogit: UnsafeMutableBufferPointer<Float>
  let missProbability: UnsafeMutableBufferPointer<Float>
  let rollProbability: UnsafeMutableBufferPointer<Float>
  let cureProbability: UnsafeMutableBufferPointer<Float>
  let prepaymentProbability: UnsafeMutableBufferPointer<Float>
  let merchant: UnsafeMutableBufferPointer<UInt16>
  let feeSchedule: UnsafeMutableBufferPointer<UInt8>
  let arrears: UnsafeMutableBufferPointer<Float>
  /// Empty unless the book records a tape.
  let tapeSlot: UnsafeMutableBufferPointer<Int32>

  /// Moves loan `from` into slot `to`, for stable compaction.
  @inline(__always)
  func move(_ from: Int, to: Int) {
    customer[to] = customer[from]
    ordinal[to] = ordinal[from]
    arm[to] = arm[from]
    segment[to] = segment[from]
    monthsPastDue[to] = monthsPastDue[from]
    remaining[to] = remaining[from]
    term[to] = term[from]
    interestFreePeriods[to] = interestFreePeriods[from]
    bookedPeriod[to] = bookedPeriod[from]
    principal[to] = principal[from]
    instalment[to] = instalment[from]
    monthlyRate[to] = monthlyRate[from]
    feePerInstalment[to] = feePerInstalment[from]
    missLogit[to] = missLogit[from]
    rollLogit[to] = rollLogit[from]
    missProbability[to] = missProbability[from]
    rollProbability[to] = rollProbability[from]
    cureProbability[to] = cureProbability[from]
    prepaymentProbability[to] = prepaymentProbability[from]
    merchant[to] = merchant[from]
    feeSchedule[to] = feeSchedule[from]
    arrears[to] = arrears[from]
    if tapeSlot.count != 0 { tapeSlot[to] = tapeSlot[from] }
  }
}

extension LoanBook {
  /// Enters every column's contiguous storage once and runs `body` with the buffers
  /// (the columns neither grow nor shrink meanwhile).
  mutating func withColumns<R>(_ body: (LoanColumnPointers) -> R) -> R {
    // The fee columns first, then the rest (the nesting is the price of one pointer per
    // column without copying any).
    var feeSchedule = self.feeSchedule
    var arrears = self.arrears
    var tapeSlot = self.tapeSlot
    self.feeSchedule = []
    self.arrears = []
    self.tapeSlot = []
    defer {
      self.feeSchedule = feeSchedule
      self.arrears = arrears
      self.tapeSlot = tapeSlot
    }
    return feeSchedule.withUnsafeMutableBufferPointer { feeSchedule in
      arrears.withUnsafeMutableBufferPointer { arrears in
        tapeSlot.withUnsafeMutableBufferPointer { tapeSlot in
          withCoreColumns(
            feeSchedule: feeSchedule, arrears: arrears, tapeSlot: tapeSlot,
            body)
        }
      }
    }
  }

  /// ``withColumns(_:)`` for every column but the fee columns, which the caller entered.
  private mutating func withCoreColumns<R>(
    feeSchedule: UnsafeMutableBufferPointer<UInt8>,
    arrears: UnsafeMutableBufferPointer<Float>,
    tapeSlot: UnsafeMutableBufferPointer<Int32>,
    _ body: (LoanColumnPointers) -> R
  ) -> R {
    customer.withUnsafeMutableBufferPointer { customer in
      ordinal.withUnsafeMutableBufferPointer { ordinal in
        arm.withUnsafeMutableBufferPointer { arm in
          segment.withUnsafeMutableBufferPointer { segment in
            monthsPastDue.withUnsafeMutableBufferPointer { monthsPastDue in
              remaining.withUnsafeMutableBufferPointer { remaining in
                term.withUnsafeMutableBufferPointer { term in
                  interestFreePeriods.withUnsafeMutableBufferPointer {
                    interestFreePeriods in
                    bookedPeriod.withUnsafeMutableBufferPointer {
                      bookedPeriod in
                      principal.withUnsafeMutableBufferPointer { principal in
                        instalment.withUnsafeMutableBufferPointer {
                          instalment in
                          monthlyRate.withUnsafeMutableBufferPointer {
                            monthlyRate in
                            feePerInstalment.withUnsafeMutableBufferPointer {
                              feePerInstalment in
                              missLogit.withUnsafeMutableBufferPointer {
                                missLogit in
                                rollLogit.withUnsafeMutableBufferPointer {
                                  rollLogit in
                                  missProbability.withUnsafeMutableBufferPointer
                                  {
                                    missProbability in
                                    rollProbability
                                      .withUnsafeMutableBufferPointer {
                                        rollProbability in
                                        cureProbability
                                          .withUnsafeMutableBufferPointer {
                                            cureProbability in
                                            prepaymentProbability
                                              .withUnsafeMutableBufferPointer {
                                                prepaymentProbability in
                                                merchant
                                                  .withUnsafeMutableBufferPointer
                                                {
                                                  merchant in
                                                  body(
                                                    LoanColumnPointers(
                                                      customer: customer,
                                                      ordinal: ordinal,
                                                      arm: arm,
                                                      segment: segment,
                                                      monthsPastDue:
                                                        monthsPastDue,
                                                      remaining: remaining,
                                                      term: term,
                                                      interestFreePeriods:
                                                        interestFreePeriods,
                                                      bookedPeriod:
                                                        bookedPeriod,
                                                      principal: principal,
                                                      instalment: instalment,
                                                      monthlyRate: monthlyRate,
                                                      feePerInstalment:
                                                        feePerInstalment,
                                                      missLogit: missLogit,
                                                      rollLogit: rollLogit,
                                                      missProbability:
                                                        missProbability,
                                                      rollProbability:
                                                        rollProbability,
                                                      cureProbability:
                                                        cureProbability,
                                                      prepaymentProbability:
                                                        prepaymentProbability,
                                                      merchant: merchant,
                                                      feeSchedule: feeSchedule,
                                                      arrears: arrears,
                                                      tapeSlot: tapeSlot))
                                                }
                                              }
                                          }
                                      }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
