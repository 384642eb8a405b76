import FenqiCore

/// Thompson sampling over offers with Bernoulli rewards, one Beta posterior per context and offer.
///
/// A contextual bandit whose contexts are discrete, such as the city tier. Each decision draws a success rate from every offer's Beta(α, β) and plays the largest
/// (Thompson 1933; Chapelle & Li 2011); the posteriors learn from the outcomes the lender
/// observes, period by period.
public struct ThompsonSampler: Sendable, Equatable {
  /// Number of contexts.
  public let contexts: Int
  /// Number of offers (arms of the bandit).
  public let offers: Int
  /// Posterior α per context × offer (prior 1 plus successes).
  public private(set) var alpha: [Double]
  /// Posterior β per context × offer (prior 1 plus failures).
  public private(set) var beta: [Double]

  /// A sampler with uniform Beta(1, 1) priors.
  public init(contexts: Int, offers: Int) {
    precondition(contexts > 0 && offers > 0)
    self.contexts = contexts
    self.offers = offers
    alpha = .init(repeating: 1, count: contexts * offers)
    beta = alpha
  }

  /// Draws an offer for `context` from the posteriors, with draws from `stream`.
  public func choose(context: Int, stream: inout RandomStream) -> Int {
    var best = 0
    var bestDraw = -1.0
    for o in 0..<offers {
      let k = context * offers + o
      let draw = stream.beta(alpha: alpha[k], beta: beta[k])
      if draw > bestDraw {
        best = o
        bestDraw = draw
      }
    }
    return best
  }

  /// Adds observed outcomes of `offer` in `context`.
  public mutating func update(
    context: Int, offer: Int, successes: Double, failures: Double
  ) {
    alpha[context * offers + offer] += successes
    beta[context * offers + offer] += failures
  }

  /// The posterior mean success rate of each offer in `context`.
  public func means(context: Int) -> [Double] {
    (0..<offers).map {
      let k = context * offers + $0
      return alpha[k] / (alpha[k] + beta[k])
    }
  }
}
