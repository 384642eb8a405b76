import FenqiCore

/// Reject inference for re-training the PD model (`riskStack.rejectInference` in a scenario):
/// the lender sees outcomes only for the loans it booked, so a model re-trained on them learns
/// the booked population; reject inference adds the declined applicants with inferred outcomes.
///
/// Both methods label each reject bad with a probability p and good otherwise, drawn on the
/// ``Purpose/rejectInference`` stream (entity = the reject's row, period = the month):
/// - ``Method/parcelling``: p is the observed bad rate of booked loans in the reject's score
///   decile, times ``badRateFactor`` (parcelling — Siddiqi 2006, ch. 6).
/// - ``Method/fuzzy``: p is the reject's own PD at decision, times ``badRateFactor`` (fuzzy
///   augmentation — Siddiqi 2006). Fuzzy augmentation enters each reject twice, bad with weight
///   p and good with weight 1 − p; the boosting trainer takes no weights, so the pair is drawn as
///   one row, bad with probability p — the same log-loss gradient in expectation.
public struct RejectInference: Sendable, Equatable {
  /// How rejects' outcomes are inferred.
  public enum Method: String, Sendable, Equatable, CaseIterable {
    /// No reject inference: the model learns from booked loans only.
    case none
    /// Bad at the booked bad rate of the reject's score decile.
    case parcelling
    /// Bad with the reject's own PD.
    case fuzzy
  }

  /// The method.
  public var method = Method.none
  /// How much likelier a reject is to go bad than a booked loan of the same score (≥ 1 assumes
  /// the declined are worse than the model says); p is capped at 1.
  public var badRateFactor = 1.0

  /// No reject inference.
  public init() {}

  /// The booked rows followed by the rejects with inferred labels (the booked rows alone when
  /// ``method`` is `none` or either side is empty).
  ///
  /// - Parameters:
  ///   - booked: booked loans with observed outcomes, scored at decision.
  ///   - rejected: declined applications, scored at decision (labels ignored).
  ///   - seed: the scenario's seed.
  ///   - period: the re-training month.
  /// - Returns: the training rows.
  public func augmented(
    booked: TrainingRows, rejected: TrainingRows, seed: UInt64, period: Int
  ) -> TrainingRows {
    guard method != .none, booked.count > 0, rejected.count > 0 else {
      return booked
    }
    let p: [Double]
    switch method {
    case .none: return booked
    case .parcelling: p = parcelRates(booked: booked, rejected: rejected)
    case .fuzzy:
      p = rejected.scores.map { $0.isNaN ? .nan : Double($0) }
    }
    let family = StreamFamily(
      seed: seed, period: UInt32(period), purpose: .rejectInference)
    var out = booked
    for r in 0..<rejected.count where !p[r].isNaN {
      let bad = Swift.min(1, p[r] * badRateFactor)
      let label = family.stream(for: UInt64(r)).uniform(at: 0) < bad ? 1.0 : 0
      out.values +=
        rejected.values[
          (r * LenderFeature.count)..<((r + 1) * LenderFeature.count)]
      out.labels.append(Float(label))
      out.scores.append(rejected.scores[r])
    }
    return out
  }

  /// Per reject: the booked bad rate of its score decile (deciles of the booked scores;
  /// Jeffreys-smoothed (bad + ½) ÷ (n + 1) — "Jeffreys prior for a binomial rate").
  func parcelRates(booked: TrainingRows, rejected: TrainingRows) -> [Double] {
    let scored = (0..<booked.count).filter { !booked.scores[$0].isNaN }
    guard !scored.isEmpty else {
      return .init(repeating: .nan, count: rejected.count)
    }
    let sorted = scored.map { booked.scores[$0] }.sorted()
    let cuts = (1..<10).map {
      sorted[Swift.min(sorted.count - 1, $0 * sorted.count / 10)]
    }
    func band(_ s: Float) -> Int {
      var k = 0
      while k < cuts.count, s > cuts[k] { k += 1 }
      return k
    }
    var bad = [Double](repeating: 0, count: 10)
    var n = [Double](repeating: 0, count: 10)
    for r in scored {
      let k = band(booked.scores[r])
      bad[k] += Double(booked.labels[r])
      n[k] += 1
    }
    return rejected.scores.map { s in
      guard !s.isNaN else { return .nan }
      let k = band(s)
      return (bad[k] + 0.5) / (n[k] + 1)
    }
  }
}
