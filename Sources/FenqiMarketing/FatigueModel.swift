import Foundation

/// Contact fatigue: a stock that each contact raises by one and that decays exponentially.
///
/// F ← F·2^(−1/h) each month (h the half-life in months), F ← F + 1 per contact; response odds
/// are multiplied by exp(−λ·F); each contact opts the customer out of its channel with
/// probability min(1, base + perFatigue·F) (F before the contact), a `complaintShare` of
/// opt-outs being complaints.
public struct FatigueModel: Sendable, Equatable {
  /// The half-life of the fatigue stock, months.
  public var halfLifeMonths: Double
  /// λ: how strongly fatigue suppresses response.
  public var lambda: Double
  /// Opt-out probability of a contact to an unfatigued customer.
  public var optOutBase: Double
  /// Added opt-out probability per unit of fatigue.
  public var optOutPerFatigue: Double
  /// Share of opt-outs that are complaints.
  public var complaintShare: Double

  /// Creates a fatigue model.
  public init(
    halfLifeMonths: Double = 1.5, lambda: Double = 0.2,
    optOutBase: Double = 0.001, optOutPerFatigue: Double = 0.004,
    complaintShare: Double = 0.1
  ) {
    self.halfLifeMonths = halfLifeMonths
    self.lambda = lambda
    self.optOutBase = optOutBase
    self.optOutPerFatigue = optOutPerFatigue
    self.complaintShare = complaintShare
  }

  /// The monthly decay factor 2^(−1/h).
  public var monthlyDecay: Double { pow(2, -1 / halfLifeMonths) }

  /// The stock after `months` without contact, from `fatigue`.
  public func decayed(_ fatigue: Double, months: Double) -> Double {
    fatigue * pow(2, -months / halfLifeMonths)
  }

  /// The multiplier exp(−λ·F) of the response odds.
  @inline(__always)
  public func responseMultiplier(_ fatigue: Double) -> Double {
    exp(-lambda * fatigue)
  }

  /// The opt-out probability of one contact at fatigue F.
  @inline(__always)
  public func optOutProbability(_ fatigue: Double) -> Double {
    Swift.min(1, optOutBase + optOutPerFatigue * fatigue)
  }
}
