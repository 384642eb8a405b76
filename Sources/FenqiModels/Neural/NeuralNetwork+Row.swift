import FenqiCore

extension NeuralNetwork {
  /// Scratch space for scoring one row at a time without allocating.
  public struct RowScratch: Sendable {
    var encoded: [Double]
    var layers: [[Double]]

    /// Scratch sized for `network`.
    public init(for network: NeuralNetwork) {
      encoded = .init(repeating: 0, count: network.encoder.width)
      layers = network.layers.map { .init(repeating: 0, count: $0.outputs) }
    }

    /// Whether this scratch fits `network`.
    public func fits(_ network: NeuralNetwork) -> Bool {
      encoded.count == network.encoder.width
        && layers.map(\.count) == network.layers.map(\.outputs)
    }
  }

  /// The probability of the positive class for one row of numeric inputs.
  ///
  /// - Parameters:
  ///   - x: one value per schema input (numeric inputs only), NaN for missing.
  ///   - scratch: space sized for this network (see ``RowScratch/fits(_:)``).
  /// - Returns: σ(margin).
  public func probability(
    row x: UnsafePointer<Double>, scratch: inout RowScratch
  ) -> Double {
    var offset = 0
    for (f, input) in encoder.inputs.enumerated() {
      guard case .numeric(let mean, let scale, let flags) = input else {
        continue
      }
      let v = x[f]
      scratch.encoded[offset] = v.isNaN ? 0 : (v - mean) / scale
      if flags { scratch.encoded[offset + 1] = v.isNaN ? 1 : 0 }
      offset += flags ? 2 : 1
    }
    let m = scratch.encoded.withUnsafeBufferPointer {
      margin($0, scratch: &scratch.layers)
    }
    return Logistic.sigmoid(m)
  }
}
