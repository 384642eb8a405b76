import FenqiCredit
import Foundation

/// What follows the planning window: run-off months in which the lender only collects, and the
/// annual rate money is discounted at (the scenario's `horizon` block).
///
/// A promotion's loans live past the window it is planned in: a loan booked in the window's last
/// month with a 24-month term, a 120-day charge-off and a 3-month recovery lag has its last cash
/// flow 31 months later. Run-off months keep the book rolling with marketing off and no new
/// loans, so every money figure can be read at the window's end and over the loans' lifetime.
public struct Horizon: Sendable, Equatable {
  /// How long the run-off lasts.
  public enum RunOff: Sendable, Equatable {
    /// No run-off: the run ends with the window.
    case none
    /// A stated number of months.
    case months(Int)
    /// Until every loan booked in the window has matured: the longest term offered, plus the
    /// months to charge-off, plus the recovery lag, plus one.
    case untilMatured
  }

  /// The run-off.
  public var runOff: RunOff
  /// The annual discount rate of net present values, a fraction; nil discounts at the cost of
  /// funds (`economics.annualFundingRate`).
  public var annualDiscountRate: Double?

  /// Creates a horizon.
  public init(runOff: RunOff, annualDiscountRate: Double? = nil) {
    self.runOff = runOff
    self.annualDiscountRate = annualDiscountRate
  }

  /// The run-off's length in months for loans of at most `longestTermMonths`, charged off at
  /// `chargeOffMonths` months past due and recovered `recoveryLagMonths` later.
  public func runOffMonths(
    longestTermMonths: Int, chargeOffMonths: Int, recoveryLagMonths: Int
  ) -> Int {
    switch runOff {
    case .none: 0
    case .months(let m): m
    case .untilMatured:
      longestTermMonths + chargeOffMonths + recoveryLagMonths + 1
    }
  }
}

extension Scenario {
  /// The planning window in months: the months in which customers are contacted and loans booked
  /// (``periods`` less the run-off).
  public var window: Int { periods - runOffMonths }

  /// The annual rate net present values are discounted at, a fraction: the horizon's, else the
  /// cost of funds.
  public var annualDiscountRate: Double {
    horizon?.annualDiscountRate ?? economics.annualFundingRate
  }

  /// The discount factor of money received at the end of period `t` (1-based): (1 + r)^(−t/12),
  /// r the annual discount rate (monthly compounding of an annual effective rate).
  public func discountFactor(period t: Int) -> Double {
    pow(1 + annualDiscountRate, -Double(t) / 12)
  }

  /// The longest term of any plan the scenario can book, months.
  var longestTermMonths: Int {
    offers.map(\.termMonths).max() ?? 0
  }
}

extension Scenario {
  /// Adds the run-off `h` asks for after the window (replacing any run-off already added).
  public mutating func extend(by h: Horizon) {
    let window = self.window
    horizon = h
    runOffMonths = h.runOffMonths(
      longestTermMonths: longestTermMonths,
      chargeOffMonths: Int(
        DelinquencyStateMachine.chargeOffMonths(
          daysPastDue: repayment.chargeOffDaysPastDue)),
      recoveryLagMonths: repayment.recoveryLagMonths)
    periods = window + runOffMonths
  }
}
