import FenqiModels

/// Trains and re-trains the lender's models on ``TrainingRows``.
public struct LenderTrainer: Sendable {
  /// Hyper-parameters of the first fit.
  public var parameters: GBDTParameters
  /// Trees added at each re-training (continued boosting).
  public var retrainTrees: Int

  /// Creates a trainer.
  public init(parameters: GBDTParameters, retrainTrees: Int) {
    self.parameters = parameters
    self.retrainTrees = retrainTrees
  }

  /// The rows as a feature table (all numeric, NaN missing).
  public static func table(_ rows: TrainingRows, features: [LenderFeature])
    -> FeatureTable
  {
    let width = LenderFeature.count
    let columns = features.map { f in
      FeatureColumn.numeric(
        (0..<rows.count).map { Double(rows.values[$0 * width + f.rawValue]) })
    }
    return FeatureTable(
      names: features.map { LenderFeature.names[$0.rawValue] },
      columns: columns, rowCount: rows.count)
  }

  /// Fits a new model of `kind` on `rows`.
  ///
  /// Unused features (for a propensity model, those only known at application) are left out of
  /// the fit but still take their place in a row: the model reads rows in ``LenderFeature`` order.
  ///
  /// - Returns: the model, or nil when the rows have a single class.
  public func fit(
    _ rows: TrainingRows, kind: ScoringModel.Kind, features: [LenderFeature]
  ) -> ScoringModel? {
    let labels = rows.labels.map(Double.init)
    guard labels.contains(1), labels.contains(0) else { return nil }
    // Every feature keeps its column so rows line up; left-out ones are all missing.
    var masked = rows
    var keep = [Bool](repeating: false, count: LenderFeature.count)
    for f in features { keep[f.rawValue] = true }
    for r in 0..<rows.count {
      for f in 0..<LenderFeature.count where !keep[f] {
        masked.values[r * LenderFeature.count + f] = .nan
      }
    }
    let table = Self.table(masked, features: LenderFeature.allCases)
    switch kind {
    case .gbdt:
      guard
        let model = try? GBDTTrainer(parameters: parameters).train(
          features: table, labels: labels
        ).model
      else { return nil }
      return ScoringModel(trees: model)
    case .scorecard:
      return ScoringModel(scorecard: Scorecard(fitting: table, labels: labels))
    case .mlp:
      // The network sees only the features it is given (no all-missing columns to standardise).
      var p = MLPTrainer.Parameters()
      p.hidden = [16, 8]
      p.epochs = 40
      p.seed = parameters.seed
      guard
        let network = try? MLPTrainer(parameters: p).train(
          features: Self.table(rows, features: features), labels: labels
        ).model
      else { return nil }
      return ScoringModel(network: network, features: features)
    }
  }

  /// Continues boosting `model` on newly observed `rows` (``retrainTrees`` more trees); a
  /// scorecard or network is refitted on the new rows.
  ///
  /// - Returns: the updated model, or the old one when the rows cannot train (one class).
  public func retrain(
    _ model: ScoringModel, on rows: TrainingRows, features: [LenderFeature]
  ) -> ScoringModel {
    let labels = rows.labels.map(Double.init)
    guard labels.contains(1), labels.contains(0) else { return model }
    if let trees = model.trees {
      var p = parameters
      p.trees = retrainTrees
      let table = Self.table(rows, features: LenderFeature.allCases)
      guard
        let next = try? GBDTTrainer(parameters: p).train(
          features: table, labels: labels, continuing: trees
        ).model
      else { return model }
      return ScoringModel(trees: next)
    }
    return fit(rows, kind: model.kind, features: features) ?? model
  }

  /// Fits a model of `kind`, or, when the rows hold a single outcome class (or none), an
  /// uninformed one that scores every row at the Jeffreys-smoothed positive rate
  /// (positives + ½) ÷ (rows + 1) — "Jeffreys prior for a binomial rate".
  public func fitOrUninformed(
    _ rows: TrainingRows, kind: ScoringModel.Kind, features: [LenderFeature]
  ) -> ScoringModel {
    if let model = fit(rows, kind: kind, features: features) { return model }
    let positives = Double(rows.labels.reduce(0) { $0 + Int($1) })
    return ScoringModel(
      uninformed: kind,
      probability: (positives + 0.5) / (Double(rows.count) + 1))
  }
}
