/// The best split found for one leaf: where, how good, and the two children's sums.
struct SplitCandidate {
  /// Loss reduction; −∞ when the leaf cannot be split.
  var gain = -Double.infinity
  var feature = -1
  var thresholdBin = 0
  var defaultLeft = false
  /// Bins going left, for categorical splits.
  var categories: [UInt64]? = nil
  var leftGradient = 0.0
  var leftHessian = 0.0
  var leftCount = 0.0
  var rightGradient = 0.0
  var rightHessian = 0.0
  var rightCount = 0.0
  var leftOutput = 0.0
  var rightOutput = 0.0

  var isValid: Bool { feature >= 0 && gain > 0 }
}

/// The statistics of one leaf used when scoring its candidate splits.
struct LeafContext {
  var gradient: Double
  var hessian: Double
  var count: Double
  /// Output bounds from monotone constraints above this leaf.
  var lower: Double
  var upper: Double
}
