import FenqiCore
import Foundation

/// A trained gradient-boosted tree ensemble with the binning it was trained on.
///
/// Scores are margins: log-odds for the binary objective (``probabilities(for:)`` applies the
/// logistic function), predictions for regression.
public struct GradientBoostedTrees: Sendable, Equatable {
  /// The inputs, in model order.
  public var schema: FeatureSchema
  /// One bin mapper per input.
  public var mappers: [BinMapper]
  /// The loss the model was trained on.
  public var objective: GBDTParameters.Objective
  /// The margin before any tree (log-odds of the training positive rate, or its mean).
  public var baseScore: Double
  /// The trees, in boosting order.
  public var trees: [DecisionTree]
  /// Monotone constraint per input (+1, −1 or 0), as trained.
  public var monotone: [Int]

  /// Creates a model from its parts.
  public init(
    schema: FeatureSchema, mappers: [BinMapper],
    objective: GBDTParameters.Objective, baseScore: Double,
    trees: [DecisionTree], monotone: [Int]
  ) {
    self.schema = schema
    self.mappers = mappers
    self.objective = objective
    self.baseScore = baseScore
    self.trees = trees
    self.monotone = monotone
  }

  /// The table's inputs binned as the model bins them.
  public func binned(_ table: FeatureTable, threads: Int = 1)
    throws(FeatureSchema.Mismatch) -> BinnedMatrix
  {
    BinnedMatrix(
      columns: try schema.align(table), mappers: mappers, threads: threads)
  }

  /// The margin of every row of binned inputs.
  public func margins(_ matrix: BinnedMatrix, threads: Int = 1) -> [Double] {
    var out = [Double](repeating: baseScore, count: matrix.rowCount)
    guard matrix.rowCount > 0, matrix.featureCount > 0 else { return out }
    let forest = CompiledForest(trees: trees, mappers: mappers)
    let chunk = 16_384
    let chunks = (matrix.rowCount + chunk - 1) / chunk
    let treeCount = trees.count
    out.withUnsafeMutableBufferPointer { buffer in
      let scores = SharedPointer(pointer: buffer.start)
      matrix.bins.withUnsafeBufferPointer { bins in
        let shared = SharedPointer(
          pointer: UnsafeMutablePointer(mutating: bins.start))
        ParallelChunks.forEach(count: chunks, threads: threads) { c in
          forest.accumulate(
            trees: 0..<treeCount, bins: shared.pointer,
            width: matrix.featureCount,
            rows: (c * chunk)..<Swift.min(matrix.rowCount, (c + 1) * chunk),
            into: scores.pointer)
        }
      }
    }
    return out
  }

  /// The margin of every row of `table`.
  public func margins(for table: FeatureTable, threads: Int = 1)
    throws(FeatureSchema.Mismatch) -> [Double]
  {
    margins(try binned(table, threads: threads), threads: threads)
  }

  /// The predicted probability of the positive class for every row (binary objective), or
  /// the prediction (regression).
  public func probabilities(for table: FeatureTable, threads: Int = 1)
    throws(FeatureSchema.Mismatch) -> [Double]
  {
    let m = try margins(for: table, threads: threads)
    return objective == .binary ? m.map(Logistic.sigmoid) : m
  }

  /// Total split gain per input, in model order.
  public var gainImportance: [Double] {
    var out = [Double](repeating: 0, count: mappers.count)
    for tree in trees {
      for (f, g) in zip(tree.feature, tree.gain) { out[Int(f)] += g }
    }
    return out
  }

  /// Number of splits per input, in model order.
  public var splitImportance: [Int] {
    var out = [Int](repeating: 0, count: mappers.count)
    for tree in trees { for f in tree.feature { out[Int(f)] += 1 } }
    return out
  }
}
