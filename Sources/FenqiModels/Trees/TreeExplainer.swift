/// Exact per-feature contributions of a boosted-tree prediction: path-dependent TreeSHAP
/// (Lundberg, Erion & Lee 2018, Algorithm 2).
///
/// For every row the contributions plus ``expectedValue`` equal the model's margin. The
/// expectation over unknown features follows the training rows' path through each tree (node
/// covers), as in the original algorithm.
public struct TreeExplainer: Sendable {
  /// The model explained.
  public let model: GradientBoostedTrees
  /// The margin expected before seeing any feature: base score plus each tree's
  /// cover-weighted mean leaf value.
  public let expectedValue: Double
  private let maxDepth: Int
  private let missingBins: [Int]
  /// Per (d, i) with d, i < ``ratioWidth``: (i+1)/(d+1), (d−i)/(d+1) and their reciprocals, so
  /// that the path updates multiply instead of divide.
  private let ratios: [Double]
  private let ratioWidth: Int

  /// Prepares explanations for `model`.
  public init(model: GradientBoostedTrees) {
    self.model = model
    var expected = model.baseScore
    var depth = 0
    for tree in model.trees {
      let total = tree.leafCount.reduce(0, +)
      if total > 0 {
        for (v, c) in zip(tree.leafValue, tree.leafCount) {
          expected += v * c / total
        }
      } else if let v = tree.leafValue.first {
        expected += v
      }
      depth = Swift.max(depth, tree.depth)
    }
    expectedValue = expected
    maxDepth = depth
    missingBins = model.mappers.map(\.missingBin)
    let w = depth + 3
    var r = [Double](repeating: 0, count: 4 * w * w)
    for d in 0..<w {
      for i in 0...d {
        let k = 4 * (d * w + i)
        r[k] = Double(i + 1) / Double(d + 1)
        r[k + 1] = Double(d - i) / Double(d + 1)
        r[k + 2] = Double(d + 1) / Double(i + 1)
        r[k + 3] = d > i ? Double(d + 1) / Double(d - i) : 0
      }
    }
    ratios = r
    ratioWidth = w
  }

  private struct PathElement {
    var feature: Int
    var zero: Double
    var one: Double
    var weight: Double
  }

  /// The contribution of every input to the margin of each row of `table` (rows × inputs).
  ///
  /// - Throws: ``FeatureSchema/Mismatch`` when the table lacks a model input.
  public func contributions(for table: FeatureTable)
    throws(FeatureSchema.Mismatch) -> [[Double]]
  {
    let matrix = try model.binned(table)
    return (0..<matrix.rowCount).map { contributions(matrix, row: $0) }
  }

  /// The contributions for one row of binned inputs.
  public func contributions(_ matrix: BinnedMatrix, row: Int) -> [Double] {
    matrix.bins.withUnsafeBufferPointer { bins in
      contributions(bins: bins.start + row * matrix.featureCount)
    }
  }

  /// The contributions for one row given as its bins (one per model input, schema order), as
  /// ``TreeRowScorer/bin(_:into:)`` leaves them.
  public func contributions(bins rowBins: UnsafePointer<UInt8>) -> [Double] {
    var phi = [Double](repeating: 0, count: model.mappers.count)
    let size = (maxDepth + 3) * (maxDepth + 4) / 2
    var path = [PathElement](
      repeating: PathElement(feature: -1, zero: 0, one: 0, weight: 0),
      count: size)
    let missing = missingBins
    ratios.withUnsafeBufferPointer { ratios in
      path.withUnsafeMutableBufferPointer { pathBuffer in
        let table = RatioTable(values: ratios.start, width: ratioWidth)
        for t in model.trees.indices where !model.trees[t].feature.isEmpty {
          recurse(
            tree: model.trees[t], node: 0, bins: rowBins, missing: missing,
            phi: &phi, parentPath: pathBuffer.start, depth: 0, parentZero: 1,
            parentOne: 1, parentFeature: -1, table: table)
        }
      }
    }
    return phi
  }

  private func recurse(
    tree: DecisionTree, node: Int32, bins: UnsafePointer<UInt8>,
    missing: [Int], phi: inout [Double],
    parentPath: UnsafeMutablePointer<PathElement>, depth: Int,
    parentZero: Double, parentOne: Double, parentFeature: Int,
    table: RatioTable
  ) {
    var depth = depth
    let path = parentPath + depth + 1
    path.update(from: parentPath, count: depth + 1)
    Self.extend(path, depth, parentZero, parentOne, parentFeature, table)
    if node < 0 {
      let value = tree.leafValue[Int(~node)]
      if depth >= 1 {
        for i in 1...depth {
          let w = Self.unwoundSum(path, depth, i, table)
          phi[path[i].feature] += w * (path[i].one - path[i].zero) * value
        }
      }
      return
    }
    let n = Int(node)
    let feature = Int(tree.feature[n])
    let goLeft = tree.goesLeft(
      node: n, bin: Int(bins[feature]), missingBin: missing[feature])
    let hot = goLeft ? tree.left[n] : tree.right[n]
    let cold = goLeft ? tree.right[n] : tree.left[n]
    let cover = tree.nodeCount[n]
    let hotZero = cover > 0 ? Self.cover(tree, hot) / cover : 0
    let coldZero = cover > 0 ? Self.cover(tree, cold) / cover : 0
    var incomingZero = 1.0
    var incomingOne = 1.0
    var index = 0
    while index <= depth, path[index].feature != feature { index += 1 }
    if index != depth + 1 {
      incomingZero = path[index].zero
      incomingOne = path[index].one
      Self.unwind(path, depth, index, table)
      depth -= 1
    }
    recurse(
      tree: tree, node: hot, bins: bins, missing: missing, phi: &phi,
      parentPath: path, depth: depth + 1, parentZero: hotZero * incomingZero,
      parentOne: incomingOne, parentFeature: feature, table: table)
    recurse(
      tree: tree, node: cold, bins: bins, missing: missing, phi: &phi,
      parentPath: path, depth: depth + 1, parentZero: coldZero * incomingZero,
      parentOne: 0, parentFeature: feature, table: table)
  }

  private static func cover(_ tree: DecisionTree, _ child: Int32) -> Double {
    child < 0 ? tree.leafCount[Int(~child)] : tree.nodeCount[Int(child)]
  }

  /// The (i+1)/(d+1)-style ratios of the path updates, looked up instead of divided.
  struct RatioTable {
    let values: UnsafePointer<Double>
    let width: Int

    /// (i+1)/(d+1).
    @inline(__always) func up(_ d: Int, _ i: Int) -> Double {
      values[4 * (d * width + i)]
    }
    /// (d−i)/(d+1).
    @inline(__always) func down(_ d: Int, _ i: Int) -> Double {
      values[4 * (d * width + i) + 1]
    }
    /// (d+1)/(i+1).
    @inline(__always) func inverseUp(_ d: Int, _ i: Int) -> Double {
      values[4 * (d * width + i) + 2]
    }
    /// (d+1)/(d−i).
    @inline(__always) func inverseDown(_ d: Int, _ i: Int) -> Double {
      values[4 * (d * width + i) + 3]
    }
  }

  /// Adds a feature to the path, updating the permutation weights.
  @inline(__always)
  private static func extend(
    _ p: UnsafeMutablePointer<PathElement>, _ d: Int, _ zero: Double,
    _ one: Double, _ feature: Int, _ r: RatioTable
  ) {
    p[d] = PathElement(
      feature: feature, zero: zero, one: one, weight: d == 0 ? 1 : 0)
    var i = d - 1
    while i >= 0 {
      p[i + 1].weight += one * p[i].weight * r.up(d, i)
      p[i].weight = zero * p[i].weight * r.down(d, i)
      i -= 1
    }
  }

  /// Removes element `index` from the path, undoing its effect on the weights.
  private static func unwind(
    _ p: UnsafeMutablePointer<PathElement>, _ d: Int, _ index: Int,
    _ r: RatioTable
  ) {
    let one = p[index].one
    let zero = p[index].zero
    var next = p[d].weight
    var i = d - 1
    if one != 0 {
      let inverseOne = 1 / one
      while i >= 0 {
        let t = p[i].weight
        p[i].weight = next * r.inverseUp(d, i) * inverseOne
        next = t - p[i].weight * zero * r.down(d, i)
        i -= 1
      }
    } else {
      let inverseZero = 1 / zero
      while i >= 0 {
        p[i].weight = p[i].weight * inverseZero * r.inverseDown(d, i)
        i -= 1
      }
    }
    for j in index..<d {
      p[j].feature = p[j + 1].feature
      p[j].zero = p[j + 1].zero
      p[j].one = p[j + 1].one
    }
  }

  /// The total weight the path would have with element `index` unwound.
  @inline(__always)
  private static func unwoundSum(
    _ p: UnsafeMutablePointer<PathElement>, _ d: Int, _ index: Int,
    _ r: RatioTable
  ) -> Double {
    let one = p[index].one
    let zero = p[index].zero
    var next = p[d].weight
    var total = 0.0
    var i = d - 1
    if one != 0 {
      let inverseOne = 1 / one
      while i >= 0 {
        let t = next * r.inverseUp(d, i) * inverseOne
        total += t
        next = p[i].weight - t * zero * r.down(d, i)
        i -= 1
      }
    } else {
      let inverseZero = 1 / zero
      while i >= 0 {
        total += p[i].weight * inverseZero * r.inverseDown(d, i)
        i -= 1
      }
    }
    return total
  }

  /// Adverse-action reason codes: the `k` inputs that push the margin up the most.
  ///
  /// Largest push first, towards the positive ("bad") class; inputs with no positive push are
  /// left out.
  public static func topReasons(
    contributions: [Double], names: [String], count k: Int
  ) -> [(name: String, contribution: Double)] {
    contributions.indices
      .filter { contributions[$0] > 0 }
      .sorted {
        contributions[$0] != contributions[$1]
          ? contributions[$0] > contributions[$1] : $0 < $1
      }
      .prefix(k)
      .map { (names[$0], contributions[$0]) }
  }
}
