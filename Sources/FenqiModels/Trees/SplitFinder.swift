/// Finds the best split of one feature from its histogram (second-order gain, XGBoost/LightGBM).
///
/// The histogram holds, per bin, the gradient sum, hessian sum and row count, interleaved.
struct SplitFinder {
  var l2: Double
  var minDataInLeaf: Double
  var minSumHessian: Double
  var maxCategoryThreshold: Int
  var categorySmoothing: Double
  var minDataPerCategory: Double

  /// The leaf output −G/(H+λ) clamped to the leaf's bounds (Newton step).
  @inline(__always)
  func output(_ g: Double, _ h: Double, _ lower: Double, _ upper: Double)
    -> Double
  {
    Swift.min(upper, Swift.max(lower, -g / (h + l2)))
  }

  /// Twice the loss reduction of a leaf with output w: −(2Gw + (H+λ)w²).
  @inline(__always)
  func score(_ g: Double, _ h: Double, _ w: Double) -> Double {
    -(2 * g * w + (h + l2) * w * w)
  }

  /// Scores the split (left sums given) and keeps it in `best` if it beats it.
  @inline(__always)
  private func consider(
    _ lg: Double, _ lh: Double, _ ln: Double, leaf: LeafContext,
    parentScore: Double, monotone: Int, into best: inout SplitCandidate,
    feature: Int, bin: Int, defaultLeft: Bool
  ) -> Bool {
    let rg = leaf.gradient - lg
    let rh = leaf.hessian - lh
    let rn = leaf.count - ln
    if ln < minDataInLeaf || rn < minDataInLeaf { return false }
    if lh < minSumHessian || rh < minSumHessian { return false }
    let wl = output(lg, lh, leaf.lower, leaf.upper)
    let wr = output(rg, rh, leaf.lower, leaf.upper)
    if monotone > 0 && wl > wr { return false }
    if monotone < 0 && wl < wr { return false }
    let gain = score(lg, lh, wl) + score(rg, rh, wr) - parentScore
    guard gain > best.gain else { return false }
    best.gain = gain
    best.feature = feature
    best.thresholdBin = bin
    best.defaultLeft = defaultLeft
    best.categories = nil
    best.leftGradient = lg
    best.leftHessian = lh
    best.leftCount = ln
    best.rightGradient = rg
    best.rightHessian = rh
    best.rightCount = rn
    best.leftOutput = wl
    best.rightOutput = wr
    return true
  }

  /// Numeric feature: every threshold between value bins, missing bin tried on both sides
  /// (on the larger side only when the leaf has no missing rows).
  func numeric(
    histogram h: UnsafePointer<Double>, valueBins: Int, feature: Int,
    monotone: Int, leaf: LeafContext, parentScore: Double,
    into best: inout SplitCandidate
  ) {
    let mg = h[3 * valueBins]
    let mh = h[3 * valueBins + 1]
    let mn = h[3 * valueBins + 2]
    var lg = 0.0
    var lh = 0.0
    var ln = 0.0
    for b in 0..<(valueBins - 1) {
      lg += h[3 * b]
      lh += h[3 * b + 1]
      ln += h[3 * b + 2]
      if h[3 * b + 2] == 0 { continue }
      if mn > 0 {
        _ = consider(
          lg, lh, ln, leaf: leaf, parentScore: parentScore, monotone: monotone,
          into: &best, feature: feature, bin: b, defaultLeft: false)
        _ = consider(
          lg + mg, lh + mh, ln + mn, leaf: leaf, parentScore: parentScore,
          monotone: monotone, into: &best, feature: feature, bin: b,
          defaultLeft: true)
      } else {
        let larger = ln >= leaf.count - ln
        _ = consider(
          lg, lh, ln, leaf: leaf, parentScore: parentScore, monotone: monotone,
          into: &best, feature: feature, bin: b, defaultLeft: larger)
      }
    }
  }

  /// Categorical feature: categories ordered by G/(H + smoothing), then every prefix (from
  /// either end, up to `maxCategoryThreshold` categories) sent left (LightGBM's many-vs-many
  /// split, after Fisher 1958); the missing bin tried on both sides.
  func categorical(
    histogram h: UnsafePointer<Double>, valueBins: Int, feature: Int,
    leaf: LeafContext, parentScore: Double, into best: inout SplitCandidate
  ) {
    var used: [Int] = []
    for b in 0..<valueBins where h[3 * b + 2] >= minDataPerCategory {
      used.append(b)
    }
    guard used.count >= 2 else { return }
    used.sort {
      let a = h[3 * $0] / (h[3 * $0 + 1] + categorySmoothing)
      let c = h[3 * $1] / (h[3 * $1 + 1] + categorySmoothing)
      return a != c ? a < c : $0 < $1
    }
    let mg = h[3 * valueBins]
    let mh = h[3 * valueBins + 1]
    let mn = h[3 * valueBins + 2]
    let limit = Swift.min(maxCategoryThreshold, used.count - 1)
    // Missing rows may go either way only when the leaf has some.
    let missingSides = mn > 0 ? [false, true] : [false]
    for fromEnd in [false, true] {
      var lg = 0.0
      var lh = 0.0
      var ln = 0.0
      for k in 0..<limit {
        let b = fromEnd ? used[used.count - 1 - k] : used[k]
        lg += h[3 * b]
        lh += h[3 * b + 1]
        ln += h[3 * b + 2]
        for missingLeft in missingSides {
          let found = consider(
            missingLeft ? lg + mg : lg, missingLeft ? lh + mh : lh,
            missingLeft ? ln + mn : ln, leaf: leaf, parentScore: parentScore,
            monotone: 0, into: &best, feature: feature, bin: 0,
            defaultLeft: missingLeft)
          if found {
            var words = [UInt64](repeating: 0, count: 4)
            for j in 0...k {
              let c = fromEnd ? used[used.count - 1 - j] : used[j]
              words[c >> 6] |= 1 << UInt64(c & 63)
            }
            best.categories = words
          }
        }
      }
    }
  }
}
