import FenqiCore
import FenqiModels

/// A lender's scoring model over ``LenderFeature`` rows: boosted trees (with TreeSHAP reasons)
/// or a WOE scorecard (with points as reasons).
public struct ScoringModel: Sendable {
  /// Which kind of model.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case gbdt, scorecard, mlp
  }

  /// The trees, when ``kind`` is gbdt.
  public private(set) var trees: GradientBoostedTrees?
  /// The scorecard, when ``kind`` is scorecard.
  public private(set) var scorecard: Scorecard?
  /// The network, when ``kind`` is mlp.
  public private(set) var network: NeuralNetwork?
  /// For a network: the ``LenderFeature`` of each of its inputs.
  let networkInputs: [Int]
  let scorer: TreeRowScorer?
  let explainer: TreeExplainer?
  /// For an uninformed model: the kind it stands in for and its one probability.
  let uninformed: (kind: Kind, probability: Double)?

  /// The kind of model.
  public var kind: Kind {
    if let uninformed { return uninformed.kind }
    return trees != nil ? .gbdt : network != nil ? .mlp : .scorecard
  }

  /// The one probability of a model fitted on a single outcome class, or nil for a fitted model.
  public var constantProbability: Double? { uninformed?.probability }

  /// Wraps boosted trees.
  public init(trees: GradientBoostedTrees) {
    self.trees = trees
    scorecard = nil
    network = nil
    networkInputs = []
    scorer = TreeRowScorer(model: trees)
    explainer = TreeExplainer(model: trees)
    uninformed = nil
  }

  /// Wraps a scorecard.
  public init(scorecard: Scorecard) {
    trees = nil
    self.scorecard = scorecard
    network = nil
    networkInputs = []
    scorer = nil
    explainer = nil
    uninformed = nil
  }

  /// A model that knows only a rate: every row scores `probability` and has no reasons.
  ///
  /// Stands in for a model of `kind` when its training rows hold a single outcome class (or
  /// none): nothing separates good from bad yet, so the honest score is the smoothed base rate.
  /// Re-training replaces it with a fitted `kind` once both classes are seen.
  public init(uninformed kind: Kind, probability: Double) {
    trees = nil
    scorecard = nil
    network = nil
    networkInputs = []
    scorer = nil
    explainer = nil
    uninformed = (kind, probability)
  }

  /// Wraps a network whose inputs are `features` (numeric, in this order).
  public init(network: NeuralNetwork, features: [LenderFeature]) {
    trees = nil
    scorecard = nil
    self.network = network
    networkInputs = features.map(\.rawValue)
    scorer = nil
    explainer = nil
    uninformed = nil
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
    if let uninformed { return uninformed.probability }
    if let scorer {
      return scratch.bins.withUnsafeMutableBufferPointer { bins in
        Logistic.sigmoid(scorer.margin(row, bins: bins.start))
      }
    }
    if let network {
      // Sized once per thread; the network's inputs are a subset of the row.
      if scratch.network?.fits(network) != true {
        scratch.network = NeuralNetwork.RowScratch(for: network)
      }
      for (k, f) in networkInputs.enumerated() { scratch.inputs[k] = row[f] }
      var space = scratch.network.unsafelyUnwrapped
      scratch.network = nil
      defer { scratch.network = space }
      return scratch.inputs.withUnsafeBufferPointer {
        network.probability(row: $0.start, scratch: &space)
      }
    }
    guard let scorecard else { return 0 }
    return scratch.points.withUnsafeMutableBufferPointer { points in
      scorecard.probability(row: row, scratch: points.start)
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
    if let scorer, let explainer {
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
