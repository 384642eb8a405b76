import FenqiCore
import Foundation

/// A multilayer perceptron for a binary target: dense ReLU layers and a sigmoid output.
public struct NeuralNetwork: Sendable, Equatable {
  /// One dense layer: `outputs × inputs` weights (row-major) and a bias per output.
  public struct Layer: Sendable, Equatable {
    /// Input width.
    public var inputs: Int
    /// Output width.
    public var outputs: Int
    /// Weights, `weights[o * inputs + i]`.
    public var weights: [Double]
    /// Biases, one per output.
    public var biases: [Double]

    /// Creates a layer from its parts.
    public init(inputs: Int, outputs: Int, weights: [Double], biases: [Double])
    {
      self.inputs = inputs
      self.outputs = outputs
      self.weights = weights
      self.biases = biases
    }
  }

  /// How the inputs are encoded and standardised.
  public var encoder: DenseEncoder
  /// The layers; all but the last use ReLU, the last has one output (the margin).
  public var layers: [Layer]

  /// Creates a network from its parts.
  public init(encoder: DenseEncoder, layers: [Layer]) {
    self.encoder = encoder
    self.layers = layers
  }

  /// The margin (log-odds) of one encoded row.
  func margin(_ x: UnsafeBufferPointer<Double>, scratch: inout [[Double]])
    -> Double
  {
    // Layer 0 reads the row, later layers the previous layer's scratch: nothing allocated.
    for (l, layer) in layers.enumerated() {
      for o in 0..<layer.outputs {
        var s = layer.biases[o]
        let base = o * layer.inputs
        if l == 0 {
          for i in 0..<layer.inputs { s += layer.weights[base + i] * x[i] }
        } else {
          for i in 0..<layer.inputs {
            s += layer.weights[base + i] * scratch[l - 1][i]
          }
        }
        scratch[l][o] = l == layers.count - 1 ? s : Swift.max(0, s)
      }
    }
    return scratch[layers.count - 1][0]
  }

  /// The margin of every row of encoded, row-major `x`.
  public func margins(encoded x: [Double]) -> [Double] {
    let width = encoder.width
    let rows = width == 0 ? 0 : x.count / width
    var scratch = layers.map { [Double](repeating: 0, count: $0.outputs) }
    return x.withUnsafeBufferPointer { all in
      (0..<rows).map { r in
        margin(
          UnsafeBufferPointer(rebasing: all[(r * width)..<((r + 1) * width)]),
          scratch: &scratch)
      }
    }
  }

  /// The probability of the positive class for every row of `table`.
  ///
  /// - Throws: ``FeatureSchema/Mismatch`` when the table lacks an input.
  public func probabilities(for table: FeatureTable)
    throws(FeatureSchema.Mismatch) -> [Double]
  {
    margins(encoded: try encoder.encode(table)).map { Logistic.sigmoid($0) }
  }
}
