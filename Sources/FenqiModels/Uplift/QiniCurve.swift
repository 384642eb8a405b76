/// Qini curves and the area under the uplift curve: how many extra outcomes treating the
/// top-ranked fraction of customers brings (Radcliffe 2007).
public enum QiniCurve {
  /// A point of a curve: the fraction of customers treated and the incremental outcomes per
  /// customer of the whole population.
  public typealias Point = (fraction: Double, gain: Double)

  /// The observed Qini curve of a randomised sample: rank by `scores` (highest first); after k
  /// rows, gain = (Y_T(k) − Y_C(k)·N_T(k)/N_C(k)) ÷ N, with T/C the treated and control rows
  /// among the first k.
  ///
  /// - Parameters:
  ///   - scores: the uplift scores.
  ///   - treated: whether each row was treated.
  ///   - outcomes: 0/1 outcomes.
  ///   - points: curve points after the origin.
  /// - Returns: `points + 1` points from (0, 0).
  public static func observed(
    scores: [Double], treated: [Bool], outcomes: [Double], points: Int = 100
  ) -> [Point] {
    let order = ranking(scores)
    let n = scores.count
    var curve: [Point] = [(0, 0)]
    var yt = 0.0
    var yc = 0.0
    var nt = 0.0
    var nc = 0.0
    var next = 1
    for (k, i) in order.enumerated() {
      if treated[i] {
        yt += outcomes[i]
        nt += 1
      } else {
        yc += outcomes[i]
        nc += 1
      }
      while next <= points, k + 1 >= next * n / points {
        let gain = yt - (nc > 0 ? yc * nt / nc : 0)
        curve.append((Double(next) / Double(points), gain / Double(n)))
        next += 1
      }
    }
    return curve
  }

  /// The true uplift curve: rank by `scores`, gain after k rows = Σ of their true effects ÷ N.
  public static func truth(
    scores: [Double], effects: [Double], points: Int = 100
  )
    -> [Point]
  {
    let order = ranking(scores)
    let n = scores.count
    var curve: [Point] = [(0, 0)]
    var sum = 0.0
    var next = 1
    for (k, i) in order.enumerated() {
      sum += effects[i]
      while next <= points, k + 1 >= next * n / points {
        curve.append((Double(next) / Double(points), sum / Double(n)))
        next += 1
      }
    }
    return curve
  }

  /// The area under a curve by the trapezoid rule (AUUC), over fractions 0 … 1.
  public static func area(_ curve: [Point]) -> Double {
    zip(curve, curve.dropFirst()).reduce(0) {
      $0 + ($1.1.fraction - $1.0.fraction) * ($1.0.gain + $1.1.gain) / 2
    }
  }

  /// The Qini coefficient: the area between the curve and the random-targeting line to its end.
  public static func coefficient(_ curve: [Point]) -> Double {
    guard let last = curve.last else { return 0 }
    return area(curve) - last.gain / 2
  }

  /// Indices by descending score, ties by index.
  static func ranking(_ scores: [Double]) -> [Int] {
    scores.indices.sorted {
      scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1
    }
  }
}
