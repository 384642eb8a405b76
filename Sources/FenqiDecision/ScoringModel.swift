import FenqiCore
import FenqiModels

/// A lender's scoring model over ``LenderFeature`` rows: boosted trees (with TreeSHAP reasons)
/// or a WOE scorecard (with points as reasons).
public struct ScoringModel: Sendable {
  /// Which kind of model.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case gbdt, scorecard, mlp
  }

  /// The fitted model: exactly one form.
  enum Form: Sendable {
    /// Boosted trees with their single-row scorer and TreeSHAP explainer.
    case trees(GradientBoostedTrees, TreeRowScorer, TreeExplainer)
    /// A WOE scorecard.
    case scorecard(Scorecard)
    /// A network and the ``LenderFeature`` of each of its inputs.
    case network(NeuralNetwork, inputs: [Int])
    /// A rate standing in for a model of a kind (see ``init(uninformed:probability:)``).
    case uninformed(Kind, probability: Double)
  }

  /// The fitted model.
  let form: Form

  /// The trees, when ``kind`` is gbdt.
  public var trees: GradientBoostedTrees? {
    if case .trees(let t, _, _) = form { return t }
    return nil
  }
  /// The scorecard, when ``kind`` is scorecard.
  public var scorecard: Scorecard? {
    if case .scorecard(let c) = form { return c }
    return nil
  }
  /// The network, when ``kind`` is mlp.
  public var network: NeuralNetwork? {
    if case .network(let n, _) = form { return n }
    return nil
  }

  /// The kind of model.
  public var kind: Kind {
    switch form {
    case .trees: .gbdt
    case .scorecard: .scorecard
    case .network: .mlp
    case .uninformed(let kind, _): kind
    }
  }

  /// The one probability of a model fitted on a single outcome class, or nil for a fitted model.
  public var constantProbability: Double? {
    if case .uninformed(_, let p) = form { return p }
    return nil
  }

  /// Wraps boosted trees.
  public init(trees: GradientBoostedTrees) {
    form = .trees(
      trees, TreeRowScorer(model: trees), TreeExplainer(model: trees))
  }

  /// Wraps a scorecard.
  public init(scorecard: Scorecard) { form = .scorecard(scorecard) }

  /// A model that knows only a rate: every row scores `probability` and has no reasons.
  ///
  /// Stands in for a model of `kind` when its training rows hold a single outcome class (or
  /// none): nothing separates good from bad yet, so the honest score is the smoothed base rate.
  /// Re-training replaces it with a fitted `kind` once both classes are seen.
  public init(uninformed kind: Kind, probability: Double) {
    form = .uninformed(kind, probability: probability)
  }

  /// Wraps a network whose inputs are `features` (numeric, in this order).
  public init(network: NeuralNetwork, features: [LenderFeature]) {
    form = .network(network, inputs: features.map(\.rawValue))
  }

  /// Scratch space one thread needs to score and explain rows without allocating.
  public struct Scratch: Sendable {
    var bins: [UInt8]
    var points: [Double]
    var inputs: [Double]
    var network: NeuralNetwork.RowScratch? = nil

    /// Scratch for any model over ``LenderFeature`` rows.
    public init() {
      bins = .init(repeating: 0, count: LenderFeature.count)
      points = .init(repeating: 0, count: LenderFeature.count)
      inputs = points
    }
  }

  /// The probability of the positive class for one row.
  @inline(__always)
  public func probability(
    _ row: UnsafePointer<Double>, scratch: inout Scratch
  ) -> Double {
    switch form {
    case .uninformed(_, let probability): return probability
    case .trees(_, let scorer, _):
      return scratch.bins.withUnsafeMutableBufferPointer { bins in
        Logistic.sigmoid(scorer.margin(row, bins: bins.start))
      }
    case .network(let network, let inputs):
      // Sized once per thread; the network's inputs are a subset of the row.
      if scratch.network?.fits(network) != true {
        scratch.network = NeuralNetwork.RowScratch(for: network)
      }
      for (k, f) in inputs.enumerated() { scratch.inputs[k] = row[f] }
      var space = scratch.network.unsafelyUnwrapped
      scratch.network = nil
      defer { scratch.network = space }
      return scratch.inputs.withUnsafeBufferPointer {
        network.probability(row: $0.start, scratch: &space)
      }
    case .scorecard(let scorecard):
      return scratch.points.withUnsafeMutableBufferPointer { points in
        scorecard.probability(row: row, scratch: points.start)
      }
    }
  }

  /// The `k` inputs that push this row's score toward "bad" the most.
  ///
  /// TreeSHAP contributions (Lundberg et al. 2018) for trees; for a scorecard, the inputs
  /// furthest below their best bin's points; none for a network.
  ///
  /// - Returns: (feature name, contribution) pairs, largest first; log-odds for trees, points
  ///   short of the input's best bin for a scorecard.
  public func reasons(_ row: UnsafePointer<Double>, count k: Int)
    -> [(name: String, contribution: Double)]
  {
    if case .trees(_, let scorer, let explainer) = form {
      var bins = [UInt8](repeating: 0, count: scorer.width)
      let phi = bins.withUnsafeMutableBufferPointer { b in
        scorer.bin(row, into: b.start)
        return explainer.contributions(bins: b.start)
      }
      return TreeExplainer.topReasons(
        contributions: phi, names: LenderFeature.names, count: k)
    }
    // A network gives no per-input attribution here.
    guard let card = scorecard else { return [] }
    var points = [Double](repeating: 0, count: card.selected.count)
    points.withUnsafeMutableBufferPointer {
      card.points(row: row, into: $0.start)
    }
    let shortfall = card.selected.indices.map { j in
      let best =
        card.binnings[j].woe.indices.map {
          card.points(input: j, bin: $0)
        }.max() ?? points[j]
      return best - points[j]
    }
    return TreeExplainer.topReasons(
      contributions: shortfall,
      names: card.selected.map { LenderFeature.names[$0] }, count: k)
  }
}
