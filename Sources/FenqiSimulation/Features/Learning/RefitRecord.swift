import FenqiDecision

/// How a re-trained PD model ranks and calibrates, judged against the simulator's truth: on the
/// booked loans it learnt from (what the lender can measure) and on the month's whole
/// through-the-door population (everyone the model scored, each with their true probability of
/// going bad — what the lender cannot see).
public struct RefitRecord: Sendable, Equatable {
  /// AUC of the new model on the booked loans with observed outcomes (NaN: no re-training).
  public var aucBooked = Double.nan
  /// AUC of the new model against every scored applicant's true probability of going bad.
  public var aucThroughTheDoor = Double.nan
  /// Mean PD of the new model over the mean true probability, on every scored applicant (1 is
  /// calibrated).
  public var calibration = Double.nan
  /// Booked loans with outcomes the re-training used.
  public var booked = 0
  /// Declined applicants added by reject inference.
  public var rejects = 0

  /// No re-training.
  public init() {}

  /// The booked-minus-through-the-door AUC gap (NaN without re-training).
  public var gap: Double { aucBooked - aucThroughTheDoor }

  /// Scores `model` on the booked rows (observed labels) and the through-the-door rows (labels
  /// holding each applicant's true probability of going bad), binned as ``ScoreHistogram``.
  static func judged(
    _ model: ScoringModel, booked: TrainingRows, throughTheDoor: TrainingRows,
    rejects: Int
  ) -> RefitRecord {
    var scratch = ScoringModel.Scratch()
    var x = [Double](repeating: 0, count: LenderFeature.count)
    func histogram(_ rows: TrainingRows) -> ScoreHistogram {
      var h = ScoreHistogram()
      for r in 0..<rows.count {
        let p = x.withUnsafeMutableBufferPointer {
          rows.row(r, into: $0.start)
          return model.probability($0.start, scratch: &scratch)
        }
        h.add(score: p, bad: Double(rows.labels[r]))
      }
      return h
    }
    var out = RefitRecord()
    out.aucBooked = histogram(booked).auc
    let door = histogram(throughTheDoor)
    out.aucThroughTheDoor = door.auc
    out.calibration = door.calibrationRatio
    out.booked = booked.count
    out.rejects = rejects
    return out
  }
}
