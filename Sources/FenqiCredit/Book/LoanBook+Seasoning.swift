/// A book carried into a run from a burn-in (see the simulation's `Seasoning`).
extension LoanBook {
  /// Marks every loan as seasoned: vintage 0 (booked before the window), under its borrower's arm
  /// in `armOfCustomer` (by local index), and not sampled for a tape (a slot of −1 when
  /// `recordsTape`).
  ///
  /// Late-fee incidence starts afresh.
  public mutating func season(armOfCustomer: [UInt8], recordsTape: Bool) {
    for j in 0..<count {
      bookedPeriod[j] = 0
      arm[j] = armOfCustomer[Int(customer[j])]
    }
    self.recordsTape = recordsTape
    tapeSlot = recordsTape ? [Int32](repeating: -1, count: count) : []
    chargedLateFee = []
  }

  /// Moves every loan to its borrower's arm in `armOfCustomer` (by local index).
  public mutating func reassignArms(_ armOfCustomer: [UInt8]) {
    for j in 0..<count { arm[j] = armOfCustomer[Int(customer[j])] }
  }

  /// Outstanding principal and open loans per arm (`arms` of them), yuan and loans.
  public func balanceByArm(arms: Int) -> (principal: [Double], loans: [Double])
  {
    var out = [Double](repeating: 0, count: arms)
    var loans = [Double](repeating: 0, count: arms)
    for j in 0..<count {
      out[Int(arm[j])] += principal[j]
      loans[Int(arm[j])] += 1
    }
    return (out, loans)
  }
}
