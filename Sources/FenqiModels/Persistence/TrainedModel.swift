import FenqiCore
import Foundation

/// Any model `fenqi train` can produce, with what every kind can do.
public enum TrainedModel: Sendable, Equatable {
  /// Gradient-boosted trees.
  case gbdt(GradientBoostedTrees)
  /// A logistic regression on densely encoded inputs.
  case logistic(encoder: DenseEncoder, regression: LogisticRegression)
  /// A WOE scorecard.
  case scorecard(Scorecard)
  /// A multilayer perceptron.
  case mlp(NeuralNetwork)

  /// The kind's name in model files and on the command line.
  public var kind: String {
    switch self {
    case .gbdt: return "gbdt"
    case .logistic: return "logistic"
    case .scorecard: return "scorecard"
    case .mlp: return "mlp"
    }
  }

  /// The inputs the model needs.
  public var schema: FeatureSchema {
    switch self {
    case .gbdt(let m): return m.schema
    case .logistic(let encoder, _): return encoder.schema
    case .scorecard(let s): return s.schema
    case .mlp(let n): return n.encoder.schema
    }
  }

  /// The probability of the positive class for every row of `table`.
  ///
  /// - Throws: ``FeatureSchema/Mismatch`` when the table lacks an input.
  public func probabilities(for table: FeatureTable, threads: Int = 1)
    throws(FeatureSchema.Mismatch) -> [Double]
  {
    switch self {
    case .gbdt(let m): return try m.probabilities(for: table, threads: threads)
    case .logistic(let encoder, let regression):
      return regression.margins(try encoder.encode(table)).map {
        Logistic.sigmoid($0)
      }
    case .scorecard(let s): return try s.probabilities(for: table)
    case .mlp(let n): return try n.probabilities(for: table)
    }
  }

  /// Per-row input contributions to the margin, with their column names.
  ///
  /// Only where the model has exact ones: TreeSHAP for trees, coefficient × value for the
  /// logistic regression, points for the scorecard. Nil for the neural network.
  ///
  /// - Throws: ``FeatureSchema/Mismatch`` when the table lacks an input.
  public func explanations(for table: FeatureTable)
    throws(FeatureSchema.Mismatch)
    -> (names: [String], baseline: Double, rows: [[Double]])?
  {
    switch self {
    case .gbdt(let m):
      let explainer = TreeExplainer(model: m)
      return (
        m.schema.names, explainer.expectedValue,
        try explainer.contributions(for: table)
      )
    case .logistic(let encoder, let regression):
      let x = try encoder.encode(table)
      let width = encoder.width
      let rows = (0..<table.rowCount).map { r in
        (0..<width).map { regression.coefficients[$0] * x[r * width + $0] }
      }
      return (encoder.outputNames, regression.intercept, rows)
    case .scorecard(let s):
      return (
        s.selected.map { s.schema.features[$0].name }, 0,
        try s.pointsTable(for: table)
      )
    case .mlp: return nil
    }
  }
}
