import FenqiCredit
import FenqiPopulation

/// How many loans a run's book holds, for ``MemoryPlan``.
extension MemoryPlan {
  /// The share of reached needs that book a loan, an upper figure (a fraction).
  ///
  /// Whether a need books depends on the choice model, the price and the approval rule, which a
  /// shape does not settle; at 1,000,000 customers the shipped scenarios book 11%
  /// (recession-stress) to 38% (peer-lifecycle, whose split utility has an intercept of 1 and no
  /// pay-in-full option) of their reached needs.
  static let bookedShareOfReachedNeeds = 0.4

  /// The open loans a customer of `s` holds at the book's largest, expected.
  ///
  /// A customer books at their need rate (the segments' mean, times the seasonality's mean)
  /// times their arm's reach times ``bookedShareOfReachedNeeds``, and a loan stays open for its
  /// term, so the book holds that rate times the months a loan has had to stay on it: its
  /// term, up to the months the book has had to fill (the run's periods, and a seasoned book's
  /// burn-in before them). Each arm's figure is capped by its approval rule's open loans.
  ///
  /// At 1,000,000 customers this gives 0.14 for the baseline (measured 0.069 at month 12, 0.052 of
  /// them seasoned) and 0.38 for peer-lifecycle (measured 0.36).
  static func expectedOpenLoans(_ s: Scenario) -> Double {
    let seasonality =
      s.seasonality.isEmpty
      ? 1 : s.seasonality.reduce(0, +) / Double(s.seasonality.count)
    var needRate = 0.0
    for (segment, behaviour) in zip(s.population.segments, s.behaviours) {
      needRate += segment.share * behaviour.needRate * seasonality
    }
    let horizon = s.periods + (s.seasoning?.burnInMonths ?? 0)
    var loans = 0.0
    for arm in s.arms {
      let booked =
        needRate * reach(arm) * monthsOnBook(s, arm: arm, horizon: horizon)
        * bookedShareOfReachedNeeds
      loans +=
        arm.allocation * Swift.min(Double(arm.approval.maxOpenLoans), booked)
    }
    return loans
  }

  /// The months a loan booked under `arm` has stayed on a book filled for `horizon` months,
  /// expected: its plan's term, or with a business layer (whose purchase categories set the term)
  /// the mean over categories of their weighted terms; each term capped at `horizon`.
  static func monthsOnBook(_ s: Scenario, arm: Arm, horizon: Int) -> Double {
    guard let categories = s.business?.categories, !categories.isEmpty else {
      return Double(Swift.min(arm.offer.termMonths, horizon))
    }
    var sum = 0.0
    for c in categories {
      var months = 0.0
      for (term, weight) in zip(c.termMonths, c.termWeights) {
        months += weight * Double(Swift.min(term, horizon))
      }
      sum +=
        months / Swift.max(c.termWeights.reduce(0, +), .leastNormalMagnitude)
    }
    return sum / Double(categories.count)
  }

  /// The probability a customer of `arm` is offered its plan in a month: the generic reach, the
  /// chance of at least one contact through the channels at their campaign's intensity where
  /// higher, or 1 under a targeting policy (organic demand may split uncontacted).
  static func reach(_ arm: Arm) -> Double {
    switch arm.contact {
    case .generic:
      return arm.reachRate
    case .channels(let m):
      let campaign = m.campaignChannelIntensity ?? []
      var missed = 1.0
      for (c, p) in m.channelIntensity.enumerated() {
        missed *= 1 - Swift.max(p, c < campaign.count ? campaign[c] : 0)
      }
      return 1 - missed
    case .targeting:
      return 1
    }
  }
}
