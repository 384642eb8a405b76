import FenqiDecision

extension LenderRuntime {
  /// Whether the models are re-trained at the end of `period`.
  func retrains(after period: Int) -> Bool {
    let every = risk.settings.retrainEveryMonths
    return every > 0 && period % every == 0 && period < scenario.window
      && !risk.recording
  }

  /// Re-trains arm `a`'s PD model on its booked loans (with the rejects' inferred outcomes under
  /// reject inference), and records how the new model does on the booked loans and on the
  /// month's through-the-door applicants against the truth (the chunks' kept rows are cleared).
  mutating func refit(
    _ model: ScoringModel, arm a: Int, booked: TrainingRows,
    rejected: TrainingRows, period: Int, chunks: inout [ChunkState]
  ) -> ScoringModel {
    let inference = risk.settings.rejectInference
    let rows = inference.augmented(
      booked: booked, rejected: rejected, seed: scenario.seed, period: period)
    let next = trainer.retrain(
      model, on: rows, features: LenderFeature.allCases)
    var door = TrainingRows()
    for c in chunks.indices {
      door.append(
        contentsOf: chunks[c].lender?.throughTheDoor[a] ?? TrainingRows())
      chunks[c].lender?.throughTheDoor[a].removeAll()
    }
    let last = record.periods.count - 1
    if last >= 0, a < record.periods[last].count {
      record.periods[last][a].refit = RefitRecord.judged(
        next, booked: booked, throughTheDoor: door,
        rejects: rows.count - booked.count)
    }
    return next
  }
}
