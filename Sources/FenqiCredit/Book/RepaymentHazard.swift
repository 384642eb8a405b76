import FenqiCore

/// The repayment behaviour of a loan: logistic hazards in latent risk, repayment burden and the
/// systematic macro factor.
///
/// miss = σ(a + b·latentRisk + c·burden + m·Z + segment offset), where burden = instalment ÷ monthly
/// income and Z is the period's systematic factor (constant for now; the stress layer drives it);
/// roll = σ(a' + b'·latentRisk + m'·Z + segment offset).
public struct RepaymentHazard: Sendable, Equatable {
  /// Intercept of the miss logit.
  public var missIntercept: Double
  /// Coefficient of latent risk in the miss logit.
  public var missLatentRisk: Double
  /// Coefficient of the repayment burden (instalment ÷ income) in the miss logit.
  public var missBurden: Double
  /// Coefficient of the systematic factor in the miss logit.
  public var missMacro: Double
  /// Intercept of the roll logit.
  public var rollIntercept: Double
  /// Coefficient of latent risk in the roll logit.
  public var rollLatentRisk: Double
  /// Coefficient of the systematic factor in the roll logit.
  public var rollMacro: Double

  /// Creates a hazard model.
  public init(
    missIntercept: Double, missLatentRisk: Double, missBurden: Double = 0,
    missMacro: Double = 0,
    rollIntercept: Double, rollLatentRisk: Double, rollMacro: Double = 0
  ) {
    self.missIntercept = missIntercept
    self.missLatentRisk = missLatentRisk
    self.missBurden = missBurden
    self.missMacro = missMacro
    self.rollIntercept = rollIntercept
    self.rollLatentRisk = rollLatentRisk
    self.rollMacro = rollMacro
  }

  /// The static part of the miss logit for a loan (everything but the macro term).
  @inlinable
  public func missLogit(latentRisk: Double, burden: Double, offset: Double)
    -> Double
  {
    missIntercept + missLatentRisk * latentRisk + missBurden * burden + offset
  }

  /// The static part of the roll logit for a loan.
  @inlinable
  public func rollLogit(latentRisk: Double, offset: Double) -> Double {
    rollIntercept + rollLatentRisk * latentRisk + offset
  }
}
