import FenqiCore

extension FidelitySummary {
  /// The summary as a JSON value (write it with ``JSONWriter/text(_:)``: keys sorted, numbers in
  /// shortest round-trip form, so the same summary gives the same bytes).
  ///
  /// Fields: `columns` (name, metric `ks` or `totalVariation`, distance), `meanColumnDistance`,
  /// `rankCorrelationError`, `columnPairs`, `rows` (sample, synthetic, redrawn) and, with a
  /// target, `trainOnSynthetic` (target, positive, model, trainRows, heldOutRows,
  /// syntheticRows, redrawnRows, aucTrainOnReal, aucTrainOnSynthetic, aucGap).
  public var json: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      (
        "columns",
        .array(
          columns.map {
            .object([
              ("name", .string($0.name)),
              ("metric", .string($0.metric.rawValue)),
              ("distance", .number($0.distance)),
            ])
          })
      ),
      ("meanColumnDistance", .number(meanColumnDistance)),
      ("rankCorrelationError", .number(rankCorrelationError)),
      ("columnPairs", .number(Double(columnPairs))),
      (
        "rows",
        .object([
          ("sample", .number(Double(sampleRows))),
          ("synthetic", .number(Double(syntheticRows))),
          ("redrawn", .number(Double(redrawnRows))),
        ])
      ),
    ]
    if let t = trainOnSynthetic {
      members.append(
        (
          "trainOnSynthetic",
          .object([
            ("target", .string(t.target)), ("positive", .string(t.positive)),
            ("model", .string(t.model.rawValue)),
            ("trainRows", .number(Double(t.trainRows))),
            ("heldOutRows", .number(Double(t.heldOutRows))),
            ("syntheticRows", .number(Double(t.syntheticRows))),
            ("redrawnRows", .number(Double(t.redrawnRows))),
            ("aucTrainOnReal", .number(t.realAUC)),
            ("aucTrainOnSynthetic", .number(t.syntheticAUC)),
            ("aucGap", .number(t.gap)),
          ])
        ))
    }
    return .object(members)
  }
}
