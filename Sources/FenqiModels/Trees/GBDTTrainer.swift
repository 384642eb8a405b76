import FenqiCore
import Foundation

/// Trains gradient-boosted trees: histogram-based and leaf-wise, after LightGBM.
///
/// The method follows Ke et al. 2017 (LightGBM) with second-order gains (Chen & Guestrin 2016).
public struct GBDTTrainer: Sendable {
  /// The hyper-parameters.
  public var parameters: GBDTParameters

  /// Creates a trainer.
  public init(parameters: GBDTParameters = GBDTParameters()) {
    self.parameters = parameters
  }

  /// Why training could not start.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
  }

  /// What happened during training.
  public struct History: Sendable, Equatable {
    /// The validation loss after each round (log-loss or mean squared error); empty without
    /// validation data.
    public var validationLoss: [Double] = []
    /// The number of trees kept (the best round when stopping early).
    public var bestIteration = 0
    /// Whether training stopped before the last round.
    public var stoppedEarly = false
  }

  /// Trains on `features` with `labels` (0/1 for the binary objective).
  ///
  /// - Parameters:
  ///   - features: the training inputs.
  ///   - labels: one label per row.
  ///   - validation: held-out data whose loss is tracked, and used for early stopping when
  ///     ``GBDTParameters/earlyStoppingRounds`` is set.
  ///   - continuing: a model to continue boosting from (incremental learning): its binning and
  ///     trees are kept, new trees fit what it leaves unexplained on the new data.
  /// - Returns: the model and the validation-loss history.
  /// - Throws: ``Failure`` for bad labels, parameters or constraints.
  public func train(
    features: FeatureTable, labels: [Double],
    validation: (features: FeatureTable, labels: [Double])? = nil,
    continuing: GradientBoostedTrees? = nil
  ) throws(Failure) -> (model: GradientBoostedTrees, history: History) {
    let p = parameters
    guard labels.count == features.rowCount, features.rowCount > 0 else {
      throw Failure(description: "need one label per row and at least one row")
    }
    guard p.maxBins >= 3, p.maxBins <= 255 else {
      throw Failure(description: "maxBins must be between 3 and 255")
    }
    if p.objective == .binary, labels.contains(where: { $0 != 0 && $0 != 1 }) {
      throw Failure(description: "binary labels must be 0 or 1")
    }
    let schema: FeatureSchema
    let columns: [FeatureColumn]
    let mappers: [BinMapper]
    if let model = continuing {
      guard model.objective == p.objective else {
        throw Failure(
          description: "the model to continue has another objective")
      }
      schema = model.schema
      mappers = model.mappers
      do { columns = try schema.align(features) } catch {
        throw Failure(description: error.description)
      }
    } else {
      schema = features.schema
      columns = features.columns
      mappers = Self.fitMappers(columns, parameters: p)
    }
    var monotone = [Int](repeating: 0, count: schema.features.count)
    for (name, direction) in p.monotone.sorted(by: { $0.key < $1.key }) {
      guard let f = schema.names.firstIndex(of: name) else {
        throw Failure(
          description: "monotone constraint on unknown feature '\(name)'")
      }
      guard schema.features[f].levels == nil else {
        throw Failure(
          description: "monotone constraint on categorical feature '\(name)'")
      }
      monotone[f] = direction.signum()
    }
    if let model = continuing, model.monotone != monotone,
      monotone.allSatisfy({ $0 == 0 })
    {
      monotone = model.monotone
    }
    let matrix = BinnedMatrix(
      columns: columns, mappers: mappers, threads: p.threads)
    let baseScore: Double
    var trees: [DecisionTree]
    var scores: [Double]
    if let model = continuing {
      baseScore = model.baseScore
      trees = model.trees
      scores = model.margins(matrix, threads: p.threads)
    } else {
      let mean = labels.reduce(0, +) / Double(labels.count)
      baseScore =
        p.objective == .binary
        ? log(Swift.max(1e-15, mean) / Swift.max(1e-15, 1 - mean)) : mean
      trees = []
      scores = [Double](repeating: baseScore, count: labels.count)
    }
    var validMatrix: BinnedMatrix?
    var validScores: [Double] = []
    if let validation {
      do {
        let aligned = try schema.align(validation.features)
        validMatrix = BinnedMatrix(
          columns: aligned, mappers: mappers, threads: p.threads)
      } catch {
        throw Failure(description: "validation data: \(error.description)")
      }
      let partial = GradientBoostedTrees(
        schema: schema, mappers: mappers, objective: p.objective,
        baseScore: baseScore, trees: trees, monotone: monotone)
      if let validMatrix {
        validScores = partial.margins(validMatrix, threads: p.threads)
      }
    }
    var history = History()
    let firstNew = trees.count
    var newTrees = boost(
      matrix: matrix, labels: labels, mappers: mappers, monotone: monotone,
      scores: &scores, validMatrix: validMatrix,
      validLabels: validation?.labels ?? [], validScores: &validScores,
      history: &history)
    if p.earlyStoppingRounds > 0, validation != nil {
      newTrees = Array(newTrees.prefix(history.bestIteration))
    } else {
      history.bestIteration = newTrees.count
    }
    trees += newTrees
    _ = firstNew
    let model = GradientBoostedTrees(
      schema: schema, mappers: mappers, objective: p.objective,
      baseScore: baseScore, trees: trees, monotone: monotone)
    return (model, history)
  }

  /// Fits bin mappers: quantiles from up to 200,000 evenly spaced rows per numeric feature.
  static func fitMappers(
    _ columns: [FeatureColumn], parameters p: GBDTParameters
  )
    -> [BinMapper]
  {
    columns.map { column in
      switch column {
      case .numeric(let values):
        let sampleSize = 200_000
        let sample =
          values.count <= sampleSize
          ? values
          : (0..<sampleSize).map { values[$0 * values.count / sampleSize] }
        return BinMapper(numeric: sample, maxValueBins: p.maxBins - 1)
      case .categorical(let codes, let levels):
        return BinMapper(
          categorical: codes, levelCount: levels.count,
          maxValueBins: p.maxBins - 1, minCount: p.minDataPerCategory)
      }
    }
  }

  /// The boosting rounds; returns the new trees.
  private func boost(
    matrix: BinnedMatrix, labels: [Double], mappers: [BinMapper],
    monotone: [Int], scores: inout [Double], validMatrix: BinnedMatrix?,
    validLabels: [Double], validScores: inout [Double],
    history: inout History
  ) -> [DecisionTree] {
    let p = parameters
    let n = matrix.rowCount
    let width = matrix.featureCount
    var newTrees: [DecisionTree] = []
    var bestLoss = Double.infinity
    return matrix.bins.withUnsafeBufferPointer { binsBuffer in
      let bins = binsBuffer.start
      let grower = TreeGrower(
        bins: bins, rowCount: n, mappers: mappers, monotone: monotone,
        parameters: p)
      var bag: [Int32] = Array(0..<Int32(n))
      let bagging = p.subsample < 1
      for round in 0..<p.trees {
        computeGradients(scores: scores, labels: labels, into: grower.gradients)
        if bagging, round % Swift.max(1, p.subsampleFrequency) == 0 {
          let family = StreamFamily(
            seed: p.seed, period: UInt32(truncatingIfNeeded: round),
            purpose: .modelRowSample)
          bag = (0..<Int32(n)).filter {
            family.stream(for: UInt64($0)).uniform(at: 0) < p.subsample
          }
        }
        bag.withUnsafeBufferPointer {
          grower.indices.update(from: $0.start, count: $0.count)
        }
        let allowed = featureMask(round: round, count: width)
        guard var tree = grower.grow(inBag: bag.count, allowed: allowed) else {
          history.stoppedEarly = round < p.trees
          break
        }
        for i in tree.feature.indices where tree.categorySet[i] < 0 {
          tree.thresholdValue[i] = mappers[Int(tree.feature[i])].upperBound(
            ofBin: Int(tree.thresholdBin[i]))
        }
        let single = CompiledForest(trees: [tree], mappers: mappers)
        scores.withUnsafeMutableBufferPointer { s in
          if bagging {
            single.accumulate(
              trees: 0..<1, bins: bins, width: width, rows: 0..<n,
              into: s.start)
          } else {
            for k in 0..<tree.leafValue.count {
              let v = tree.leafValue[k]
              let begin = grower.leafBegin[k]
              for i in begin..<(begin + grower.leafCount[k]) {
                s[Int(grower.indices[i])] += v
              }
            }
          }
        }
        newTrees.append(tree)
        if let validMatrix {
          validScores.withUnsafeMutableBufferPointer { s in
            validMatrix.bins.withUnsafeBufferPointer { vb in
              single.accumulate(
                trees: 0..<1, bins: vb.start, width: width,
                rows: 0..<validMatrix.rowCount, into: s.start)
            }
          }
          let loss = Self.loss(
            objective: p.objective, margins: validScores, labels: validLabels)
          history.validationLoss.append(loss)
          if loss < bestLoss {
            bestLoss = loss
            history.bestIteration = newTrees.count
          } else if p.earlyStoppingRounds > 0,
            newTrees.count - history.bestIteration >= p.earlyStoppingRounds
          {
            history.stoppedEarly = true
            break
          }
        }
      }
      return newTrees
    }
  }

  /// Mean log-loss (binary) or mean squared error (regression) of margins.
  static func loss(
    objective: GBDTParameters.Objective, margins: [Double], labels: [Double]
  ) -> Double {
    guard !labels.isEmpty else { return .nan }
    var total = 0.0
    for (m, y) in zip(margins, labels) {
      if objective == .binary {
        // log(1 + e^m) − y·m, computed stably.
        total += Swift.max(m, 0) + log1p(exp(-abs(m))) - y * m
      } else {
        total += (m - y) * (m - y)
      }
    }
    return total / Double(labels.count)
  }

  /// Which features a round may split on (feature fraction, drawn per round).
  private func featureMask(round: Int, count: Int) -> [Bool] {
    guard parameters.featureFraction < 1 else {
      return [Bool](repeating: true, count: count)
    }
    let keep = Swift.max(
      1, Int((parameters.featureFraction * Double(count)).rounded()))
    let family = StreamFamily(
      seed: parameters.seed, period: UInt32(truncatingIfNeeded: round),
      purpose: .modelFeatureSample)
    let order = (0..<count).sorted {
      let a = family.stream(for: UInt64($0)).bits(at: 0)
      let b = family.stream(for: UInt64($1)).bits(at: 0)
      return a != b ? a < b : $0 < $1
    }
    var mask = [Bool](repeating: false, count: count)
    for f in order.prefix(keep) { mask[f] = true }
    return mask
  }

  /// First and second derivatives of the loss at the current margins, interleaved.
  private func computeGradients(
    scores: [Double], labels: [Double], into out: UnsafeMutablePointer<Double>
  ) {
    let n = scores.count
    let chunk = 65_536
    let target = SharedPointer(pointer: out)
    let binary = parameters.objective == .binary
    scores.withUnsafeBufferPointer { s in
      labels.withUnsafeBufferPointer { y in
        let sp = SharedPointer(
          pointer: UnsafeMutablePointer(mutating: s.start))
        let yp = SharedPointer(
          pointer: UnsafeMutablePointer(mutating: y.start))
        ParallelChunks.forEach(
          count: (n + chunk - 1) / chunk, threads: parameters.threads
        ) { c in
          for r in (c * chunk)..<Swift.min(n, (c + 1) * chunk) {
            if binary {
              // Binary log-loss: g = p − y, h = p(1 − p).
              let prob = Logistic.sigmoid(sp.pointer[r])
              target.pointer[2 * r] = prob - yp.pointer[r]
              target.pointer[2 * r + 1] = Swift.max(prob * (1 - prob), 1e-16)
            } else {
              target.pointer[2 * r] = sp.pointer[r] - yp.pointer[r]
              target.pointer[2 * r + 1] = 1
            }
          }
        }
      }
    }
  }
}
