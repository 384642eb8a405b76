import FenqiCore
import Foundation

/// Trains a ``NeuralNetwork`` on binary log-loss with Adam (Kingma & Ba 2015) and mini-batches.
///
/// Weights start He-normal (He et al. 2015) from counter-based streams; batches are shuffled
/// per epoch from the seed; training is single-threaded, so the same seed gives the same
/// network bit for bit. Early stopping keeps the weights of the epoch with the lowest
/// validation log-loss.
public struct MLPTrainer: Sendable {
  /// Hyper-parameters.
  public struct Parameters: Sendable, Equatable {
    /// Widths of the hidden ReLU layers.
    public var hidden = [32, 16]
    /// Adam step size.
    public var learningRate = 1e-3
    /// Rows per mini-batch.
    public var batchSize = 64
    /// Most passes over the training rows.
    public var epochs = 200
    /// Stop after this many epochs without a better validation loss.
    public var patience = 15
    /// L2 weight decay added to the gradient (λ·w), biases excluded.
    public var weightDecay = 1e-4
    /// Share of the training rows held out for early stopping when no validation set is
    /// given.
    public var holdOutFraction = 0.15
    /// The seed of initial weights, shuffling and the hold-out.
    public var seed: UInt64 = 1

    /// The default parameters.
    public init() {}
  }

  /// The widest hidden layer ``train(features:labels:validation:)`` accepts.
  public static let maxHiddenWidth = 1024
  /// The most hidden layers ``train(features:labels:validation:)`` accepts.
  public static let maxHiddenLayers = 8

  /// The hyper-parameters.
  public var parameters: Parameters

  /// Creates a trainer.
  public init(parameters: Parameters = Parameters()) {
    self.parameters = parameters
  }

  /// What happened during training.
  public struct History: Sendable, Equatable {
    /// Validation log-loss after each epoch.
    public var validationLoss: [Double] = []
    /// The epoch (1-based) whose weights were kept.
    public var bestEpoch = 0
  }

  /// Trains on `features` and 0/1 `labels`.
  ///
  /// - Parameters:
  ///   - features: the training inputs.
  ///   - labels: one 0/1 label per row.
  ///   - validation: rows for early stopping; without them a hold-out of the training rows
  ///     is used.
  /// - Returns: the network and its history.
  /// - Throws: ``TrainingFailure`` when the parameters are out of range (hidden widths in
  ///   1…``maxHiddenWidth``, at most ``maxHiddenLayers`` layers, a positive batch size and
  ///   learning rate), when there are no validation rows, when validation data lack an input,
  ///   when a column cannot be standardised (``DenseEncoder/init(fitting:)``), or when no epoch
  ///   reaches a finite validation log-loss — the network would otherwise be its random start.
  public func train(
    features: FeatureTable, labels: [Double],
    validation: (features: FeatureTable, labels: [Double])? = nil
  ) throws(TrainingFailure) -> (model: NeuralNetwork, history: History) {
    let p = parameters
    try Self.check(p)
    var trainTable = features
    var trainLabels = labels
    var validTable: FeatureTable
    var validLabels: [Double]
    if let validation {
      validTable = validation.features
      validLabels = validation.labels
    } else {
      let split = ValidationSplit(
        rowCount: labels.count, fraction: p.holdOutFraction, seed: p.seed)
      validTable = features.selecting(rows: split.validation)
      validLabels = split.validation.map { labels[$0] }
      trainTable = features.selecting(rows: split.training)
      trainLabels = split.training.map { labels[$0] }
    }
    guard !validLabels.isEmpty else {
      throw TrainingFailure(
        "the MLP needs validation rows for early stopping, and \(labels.count) rows leave none; use more data or give validation rows"
      )
    }
    let encoder = try DenseEncoder(fitting: trainTable)
    let x: [Double]
    let validX: [Double]
    do {
      x = try encoder.encode(trainTable)
      validX = try encoder.encode(validTable)
    } catch { throw TrainingFailure(error) }
    if let name = encoder.nonFiniteInput(in: validX) {
      throw TrainingFailure(
        "column '\(name)': a validation value is too large to standardise with the training rows' mean and scale"
      )
    }
    let width = encoder.width
    let n = trainLabels.count
    // He-normal initial weights.
    var layers: [NeuralNetwork.Layer] = []
    var fanIn = width
    var weightIndex: UInt64 = 0
    for (l, size) in (p.hidden + [1]).enumerated() {
      let sd = (2 / Double(Swift.max(1, fanIn))).squareRoot()
      let family = StreamFamily(
        seed: p.seed, period: UInt32(l), purpose: .modelWeightInit)
      var weights = [Double](repeating: 0, count: size * fanIn)
      for k in weights.indices {
        var rng = family.stream(for: weightIndex)
        weights[k] = sd * rng.normal()
        weightIndex += 1
      }
      layers.append(
        NeuralNetwork.Layer(
          inputs: fanIn, outputs: size, weights: weights,
          biases: [Double](repeating: 0, count: size)))
      fanIn = size
    }
    var network = NeuralNetwork(encoder: encoder, layers: layers)
    var best = network
    var history = History()
    var bestLoss = Double.infinity
    // Adam moments.
    var mW = layers.map { [Double](repeating: 0, count: $0.weights.count) }
    var vW = mW
    var mB = layers.map { [Double](repeating: 0, count: $0.biases.count) }
    var vB = mB
    var step = 0
    let beta1 = 0.9
    let beta2 = 0.999
    let epsilon = 1e-8
    // Per-layer activations and gradients for one batch, reused.
    var activations = layers.map { [Double](repeating: 0, count: $0.outputs) }
    var deltas = activations
    var gradW = layers.map { [Double](repeating: 0, count: $0.weights.count) }
    var gradB = layers.map { [Double](repeating: 0, count: $0.biases.count) }
    var row = [Double](repeating: 0, count: width)
    for epoch in 0..<p.epochs {
      let family = StreamFamily(
        seed: p.seed, period: UInt32(epoch), purpose: .modelShuffle)
      let order = (0..<n).sorted {
        let a = family.stream(for: UInt64($0)).bits(at: 0)
        let b = family.stream(for: UInt64($1)).bits(at: 0)
        return a != b ? a < b : $0 < $1
      }
      var start = 0
      while start < n {
        let end = Swift.min(n, start + p.batchSize)
        for l in layers.indices {
          for k in gradW[l].indices { gradW[l][k] = 0 }
          for k in gradB[l].indices { gradB[l][k] = 0 }
        }
        for r in order[start..<end] {
          // The row goes into a buffer reused for every row.
          for i in 0..<width { row[i] = x[r * width + i] }
          // Forward.
          var input = row
          for (l, layer) in network.layers.enumerated() {
            for o in 0..<layer.outputs {
              var s = layer.biases[o]
              let base = o * layer.inputs
              for i in 0..<layer.inputs {
                s += layer.weights[base + i] * input[i]
              }
              activations[l][o] = l == layers.count - 1 ? s : Swift.max(0, s)
            }
            input = activations[l]
          }
          // Backward: d(log-loss)/d(margin) = σ(m) − y.
          let last = layers.count - 1
          deltas[last][0] =
            Logistic.sigmoid(activations[last][0]) - trainLabels[r]
          var l = last
          while l >= 0 {
            let layer = network.layers[l]
            let previous = l == 0 ? row : activations[l - 1]
            for o in 0..<layer.outputs {
              let d = deltas[l][o]
              if d == 0 { continue }
              gradB[l][o] += d
              let base = o * layer.inputs
              for i in 0..<layer.inputs {
                gradW[l][base + i] += d * previous[i]
              }
            }
            if l > 0 {
              for i in 0..<layer.inputs {
                var s = 0.0
                for o in 0..<layer.outputs {
                  s += layer.weights[o * layer.inputs + i] * deltas[l][o]
                }
                deltas[l - 1][i] = activations[l - 1][i] > 0 ? s : 0
              }
            }
            l -= 1
          }
        }
        // Adam update with bias correction.
        step += 1
        let scale = 1 / Double(end - start)
        let c1 = 1 - pow(beta1, Double(step))
        let c2 = 1 - pow(beta2, Double(step))
        for l in layers.indices {
          for k in network.layers[l].weights.indices {
            let g =
              gradW[l][k] * scale + p.weightDecay * network.layers[l].weights[k]
            mW[l][k] = beta1 * mW[l][k] + (1 - beta1) * g
            vW[l][k] = beta2 * vW[l][k] + (1 - beta2) * g * g
            network.layers[l].weights[k] -=
              p.learningRate * (mW[l][k] / c1)
              / ((vW[l][k] / c2).squareRoot() + epsilon)
          }
          for k in network.layers[l].biases.indices {
            let g = gradB[l][k] * scale
            mB[l][k] = beta1 * mB[l][k] + (1 - beta1) * g
            vB[l][k] = beta2 * vB[l][k] + (1 - beta2) * g * g
            network.layers[l].biases[k] -=
              p.learningRate * (mB[l][k] / c1)
              / ((vB[l][k] / c2).squareRoot() + epsilon)
          }
        }
        start = end
      }
      let margins = network.margins(encoded: validX)
      // A NaN margin (diverged weights) would be clipped into a finite log-loss: count it NaN.
      let loss =
        margins.allSatisfy(\.isFinite)
        ? ProbabilityMetrics.logLoss(
          probabilities: margins.map { Logistic.sigmoid($0) },
          labels: validLabels) : .nan
      history.validationLoss.append(loss)
      // NaN weights never recover: stop, keeping the best epoch if there was one.
      guard loss.isFinite else { break }
      if loss < bestLoss {
        bestLoss = loss
        best = network
        history.bestEpoch = epoch + 1
      } else if epoch + 1 - history.bestEpoch >= p.patience {
        break
      }
    }
    guard history.bestEpoch > 0 else {
      throw TrainingFailure(
        "the MLP did not train: the validation log-loss was not finite after \(history.validationLoss.count) epoch\(history.validationLoss.count == 1 ? "" : "s") (inputs too large or a learning rate of \(p.learningRate) too high), so the network would be its random start"
      )
    }
    if Self.isConstant(best, on: validX, width: width) {
      throw TrainingFailure(
        "the MLP is constant: it gives every validation row the same probability though their inputs differ (every hidden unit is inactive); try a smaller --learning-rate or other --hidden widths"
      )
    }
    return (best, history)
  }

  /// Whether `network` gives one margin to rows of `x` that are not all equal.
  static func isConstant(_ network: NeuralNetwork, on x: [Double], width: Int)
    -> Bool
  {
    let rows = width == 0 ? 0 : x.count / width
    guard rows > 1,
      (1..<rows).contains(where: { r in
        (0..<width).contains { x[r * width + $0] != x[$0] }
      })
    else { return false }
    let margins = network.margins(encoded: x)
    return margins.allSatisfy { $0 == margins[0] }
  }

  /// Throws when a parameter is out of range.
  static func check(_ p: Parameters) throws(TrainingFailure) {
    guard p.hidden.count <= maxHiddenLayers,
      p.hidden.allSatisfy({ $0 >= 1 && $0 <= maxHiddenWidth })
    else {
      throw TrainingFailure(
        "hidden layers: expected at most \(maxHiddenLayers) widths, each in 1…\(maxHiddenWidth), found \(p.hidden.map(String.init).joined(separator: ","))"
      )
    }
    guard p.batchSize >= 1, p.epochs >= 1, p.learningRate > 0,
      p.learningRate.isFinite
    else {
      throw TrainingFailure(
        "expected a batch size and epochs ≥ 1 and a positive learning rate, found \(p.batchSize), \(p.epochs) and \(p.learningRate)"
      )
    }
  }
}
