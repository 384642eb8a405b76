import FenqiCore

/// Scores one row at a time through a boosted-tree model, without allocating: the caller owns
/// the scratch space for the row's bins.
///
/// For decision engines that score applications one by one (a few microseconds each), where
/// building a ``BinnedMatrix`` per row would cost more than the trees.
public struct TreeRowScorer: Sendable {
  let forest: CompiledForest
  /// Numeric bin bounds of every input, concatenated; input f's are
  /// `bounds[boundStart[f]..<boundStart[f + 1]]`.
  let bounds: [Double]
  let boundStart: [Int]
  let missingBin: [UInt8]
  let words: [UInt64]
  /// The model's base score (the margin before any tree).
  public let baseScore: Double
  /// The number of inputs a row must hold, in the model's schema order.
  public let width: Int

  /// Compiles `model` for single-row scoring (numeric inputs; a categorical input's value is
  /// read as missing).
  public init(model: GradientBoostedTrees) {
    forest = CompiledForest(trees: model.trees, mappers: model.mappers)
    var bounds: [Double] = []
    var start = [0]
    for m in model.mappers {
      if case .numeric(let upper) = m.rule { bounds += upper }
      start.append(bounds.count)
    }
    self.bounds = bounds
    boundStart = start
    missingBin = model.mappers.map { UInt8(truncatingIfNeeded: $0.missingBin) }
    words = forest.categoryWords.isEmpty ? [0] : forest.categoryWords
    baseScore = model.baseScore
    width = model.mappers.count
  }

  /// Bins a row of numeric inputs (NaN is missing) into `bins`.
  @inline(__always)
  public func bin(
    _ x: UnsafePointer<Double>, into bins: UnsafeMutablePointer<UInt8>
  ) {
    bounds.withUnsafeBufferPointer { b in
      for f in 0..<width {
        bins[f] = BinMapper.search(
          UnsafeBufferPointer(rebasing: b[boundStart[f]..<boundStart[f + 1]]),
          x[f], missingBin[f])
      }
    }
  }

  /// The margin (log-odds for the binary objective) of a row of numeric inputs.
  ///
  /// - Parameters:
  ///   - x: ``width`` inputs in schema order, NaN for missing.
  ///   - bins: scratch space for ``width`` bins; holds the row's bins afterwards.
  /// - Returns: the margin.
  public func margin(
    _ x: UnsafePointer<Double>, bins: UnsafeMutablePointer<UInt8>
  ) -> Double {
    bin(x, into: bins)
    var s = baseScore
    forest.nodes.withUnsafeBufferPointer { nodes in
      forest.leafValues.withUnsafeBufferPointer { leaves in
        words.withUnsafeBufferPointer { words in
          for root in forest.roots {
            s +=
              leaves[
                CompiledForest.leaf(
                  root: root, bins: bins, nodes: nodes.start, words: words.start
                )]
          }
        }
      }
    }
    return s
  }
}
