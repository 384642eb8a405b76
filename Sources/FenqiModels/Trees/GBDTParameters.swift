/// Hyper-parameters of gradient-boosted trees (names follow LightGBM where they match).
public struct GBDTParameters: Sendable, Equatable {
  /// The loss the trees minimise.
  public enum Objective: String, Sendable, Equatable, CaseIterable {
    /// Binary log-loss on labels 0/1; margins are log-odds.
    case binary
    /// Squared error; margins are predictions.
    case regression
  }

  /// The loss.
  public var objective: Objective = .binary
  /// The number of boosting rounds (trees).
  public var trees = 100
  /// Shrinkage applied to every leaf output.
  public var learningRate = 0.1
  /// The most leaves a tree may have (leaf-wise growth).
  public var maxLeaves = 31
  /// The deepest a leaf may be; 0 means no limit.
  public var maxDepth = 0
  /// The fewest training rows a leaf may hold.
  public var minDataInLeaf = 20
  /// The smallest hessian sum a leaf may hold.
  public var minSumHessianInLeaf = 1e-3
  /// The smallest loss reduction worth a split.
  public var minGainToSplit = 0.0
  /// L2 regularisation of leaf outputs (λ in −G/(H+λ)).
  public var l2 = 0.0
  /// The fraction of rows each tree sees (bagging); 1 uses all rows.
  public var subsample = 1.0
  /// Draw a new row sample every this many rounds.
  public var subsampleFrequency = 1
  /// The fraction of features each tree may split on; 1 uses all.
  public var featureFraction = 1.0
  /// Bins per feature, the missing bin included (at most 255).
  public var maxBins = 255
  /// The fewest training rows a category needs for a bin of its own.
  public var minDataPerCategory = 5
  /// The most categories a categorical split may send left.
  public var maxCategoryThreshold = 32
  /// Smoothing added to hessian sums when ordering categories for a split.
  public var categorySmoothing = 10.0
  /// Monotone constraints by feature name, for numeric features.
  ///
  /// +1: the output never falls as the feature rises; −1: never rises; 0 or absent: free.
  public var monotone: [String: Int] = [:]
  /// Stop when the validation loss has not improved for this many rounds; 0 never stops early.
  public var earlyStoppingRounds = 0
  /// The seed of row and feature sampling.
  public var seed: UInt64 = 1
  /// Worker threads; results are identical at any count.
  public var threads = 2

  /// The default parameters.
  public init() {}
}
