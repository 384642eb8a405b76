/// Ranking quality of scores against 0/1 labels: ROC AUC, Gini and KS.
public enum RankMetrics {
  /// The exact ROC AUC with ties counted as one half (Mann–Whitney U / (n₁·n₀)).
  ///
  /// Returns NaN when either class is absent or a score is NaN.
  public static func auc(scores: [Double], labels: [Double]) -> Double {
    precondition(scores.count == labels.count)
    guard !scores.contains(where: \.isNaN) else { return .nan }
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var positives = 0.0
    var negatives = 0.0
    var rankSumPositive = 0.0
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] {
        j += 1
      }
      // Ranks i+1 … j+1 share their average.
      let averageRank = Double(i + j + 2) / 2
      for k in i...j {
        if labels[order[k]] == 1 {
          positives += 1
          rankSumPositive += averageRank
        } else {
          negatives += 1
        }
      }
      i = j + 1
    }
    guard positives > 0, negatives > 0 else { return .nan }
    return (rankSumPositive - positives * (positives + 1) / 2)
      / (positives * negatives)
  }

  /// The Gini coefficient (accuracy ratio), 2·AUC − 1.
  public static func gini(scores: [Double], labels: [Double]) -> Double {
    2 * auc(scores: scores, labels: labels) - 1
  }

  /// The Kolmogorov–Smirnov statistic: the largest gap between the cumulative score
  /// distributions of positives and negatives, over thresholds between distinct scores.
  ///
  /// Returns NaN when either class is absent or a score is NaN (a NaN score, equal to nothing,
  /// used to stall the tie loop forever).
  public static func ks(scores: [Double], labels: [Double]) -> Double {
    guard !scores.contains(where: \.isNaN) else { return .nan }
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    let positives = labels.reduce(0, +)
    let negatives = Double(labels.count) - positives
    guard positives > 0, negatives > 0 else { return .nan }
    var cp = 0.0
    var cn = 0.0
    var best = 0.0
    var i = 0
    while i < order.count {
      let s = scores[order[i]]
      repeat {
        if labels[order[i]] == 1 { cp += 1 } else { cn += 1 }
        i += 1
      } while i < order.count && scores[order[i]] == s
      best = Swift.max(best, abs(cp / positives - cn / negatives))
    }
    return best
  }
}
