/// Boundary handling for searches that step outside [0, 1]^d: mirroring.
enum UnitCube {
  /// Each coordinate reflected back into [0, 1]: a triangle wave of period 2, so that −0.25 ↦
  /// 0.25, 1.25 ↦ 0.75 and 2.5 ↦ 0.5; NaN maps to 0.
  ///
  /// f(folded(x)) extends an objective over the cube to a continuous one over ℝ^d, mirrored at
  /// every face, which is what a search that ignores the bounds then optimises.
  static func folded(_ x: [Double]) -> [Double] {
    x.map { v in
      guard !v.isNaN else { return 0 }
      guard v < 0 || v > 1 else { return v }
      var t = v.truncatingRemainder(dividingBy: 2)
      if t < 0 { t += 2 }
      return t <= 1 ? t : 2 - t
    }
  }
}
