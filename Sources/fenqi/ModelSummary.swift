import FenqiModels
import FenqiReport

/// Plain-text tables of a model's metrics and most important inputs.
enum ModelSummary {
  static func metrics(
    probabilities p: [Double], labels y: [Double], title: String
  )
    -> String
  {
    let auc = RankMetrics.auc(scores: p, labels: y)
    var lines = [
      "\(title) metrics (\(y.count) rows):",
      "  AUC       \(Formatting.fixed(auc, digits: 4))",
      "  Gini      \(Formatting.fixed(2 * auc - 1, digits: 4))",
      "  KS        \(Formatting.fixed(RankMetrics.ks(scores: p, labels: y), digits: 4))",
      "  log-loss  \(Formatting.fixed(ProbabilityMetrics.logLoss(probabilities: p, labels: y), digits: 4))",
      "  Brier     \(Formatting.fixed(ProbabilityMetrics.brier(probabilities: p, labels: y), digits: 4))",
    ]
    let m = ConfusionMatrix(probabilities: p, labels: y, threshold: 0.5)
    lines.append(
      "  at 0.5:   TP \(m.truePositives)  FP \(m.falsePositives)  TN \(m.trueNegatives)  FN \(m.falseNegatives)  precision \(Formatting.fixed(m.precision, digits: 3))  recall \(Formatting.fixed(m.recall, digits: 3))"
    )
    lines.append("  Calibration by decile of predicted probability:")
    lines.append("    decile  rows  predicted  observed")
    for (i, b) in ProbabilityMetrics.calibration(probabilities: p, labels: y)
      .enumerated()
    {
      lines.append(
        "    \(TextColumns.pad(String(i + 1), 6))  \(TextColumns.pad(String(b.count), 4))  \(TextColumns.pad(Formatting.fixed(b.meanPredicted, digits: 4), 9))  \(TextColumns.pad(Formatting.fixed(b.observedRate, digits: 4), 8))"
      )
    }
    return lines.joined(separator: "\n")
  }

  static func importance(_ model: TrainedModel, top: Int = 10) -> String {
    var rows: [(String, Double)]
    let title: String
    switch model {
    case .gbdt(let m):
      title = "Inputs by total split gain"
      rows = Array(zip(m.schema.names, m.gainImportance))
    case .logistic(let encoder, let regression):
      title = "Encoded columns by |coefficient| (standardised scale)"
      rows = Array(zip(encoder.outputNames, regression.coefficients.map(abs)))
    case .scorecard(let card):
      title = "Scorecard inputs by information value"
      rows = zip(card.selected, card.binnings).map {
        (card.schema.features[$0].name, $1.informationValue)
      }
    case .mlp:
      return "Input importance: not available for the neural network"
    }
    rows.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    let shown = rows.prefix(top).filter { $0.1 > 0 }
    let width = shown.map(\.0.count).max() ?? 0
    return
      ([title + ":"]
      + shown.map {
        "  \(TextColumns.pad($0.0, width, left: true))  \(Formatting.fixed($0.1, digits: 4))"
      })
      .joined(separator: "\n")
  }
}
