import FenqiCredit

/// A seasoned starting book: the population's open loans at the start of period 1, grown by a
/// burn-in of months before the window, so month 1 is not an empty book.
///
/// During the burn-in every customer is offered the first arm's plan (the lender's business as
/// usual) through the generic channel at `reachRate`, with the scenario's demand, choice,
/// approval and repayment behaviour and a neutral macro factor, and no experiment, campaigns or
/// marketing cost (those months are before the window). Their random draws come from the seed
/// mixed with a fixed constant, so they are independent of the window's. At the start of
/// period 1 the loans still open stay on the book under each borrower's own arm, as vintage 0
/// ("seasoned"); their balance is the arm's opening balance, and everything they pay, miss or
/// lose from then on counts in the window's figures.
public struct Seasoning: Sendable, Equatable {
  /// Months of burn-in before period 1 (1…60).
  public var burnInMonths: Int
  /// The monthly probability a customer is offered the plan during the burn-in, a fraction
  /// (nil: the first arm's `reachRate`, or 0.35 when it reaches customers otherwise).
  public var reachRate: Double?

  /// Creates a seasoning.
  public init(burnInMonths: Int, reachRate: Double? = nil) {
    self.burnInMonths = burnInMonths
    self.reachRate = reachRate
  }

  /// What a burn-in stream mixes into the scenario's seed.
  static let seedMix: UInt64 = 0x5EA5_0ED0_B00C_0001
}

extension Scenario {
  /// The scenario the burn-in runs: `seasoning.burnInMonths` months ending the month before
  /// period 1, one generic arm with the first arm's plan, no experiment, macro path or marketing
  /// cost.
  func burnInScenario(_ seasoning: Seasoning) -> Scenario {
    var s = self
    s.seasoning = nil
    s.seed = seed ^ Seasoning.seedMix
    s.periods = seasoning.burnInMonths
    s.runOffMonths = 0
    s.horizon = nil
    s.startMonth =
      ((startMonth - 1 - seasoning.burnInMonths) % 12 + 12) % 12 + 1
    s.experiment = nil
    s.macro = nil
    s.targeting = nil
    var arm = arms[0]
    let reach =
      seasoning.reachRate
      ?? (arm.contact == .generic ? arm.reachRate : 0.35)
    arm.contact = .generic
    arm.reachRate = reach
    arm.costPerContact = 0
    arm.allocation = 1
    arm.coLending = nil
    arm.lines = nil
    arm.risk = nil
    s.arms = [arm]
    return s
  }
}
