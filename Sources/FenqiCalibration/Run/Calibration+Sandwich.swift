import FenqiCore

extension Calibration {
  /// Gauss–Newton steps the sandwich stage tries from the optimum, at most.
  public static var polishingSteps: Int { 3 }

  /// The sandwich uncertainty stage: Gauss–Newton steps from the optimum, then the bootstrap
  /// draws re-minimised in the Gauss–Newton approximation there.
  ///
  /// With J the Jacobian of the weighted simulated moments s_m(u)/σ_m in unit-cube coordinates
  /// at the optimum û (``jacobianColumns(_:at:target:store:progress:)``):
  /// 1. **Polishing**: the local stage stops on its budget, not on convergence, so up to
  ///    ``polishingSteps`` Gauss–Newton steps u ← u + (JᵀJ)⁻¹Jᵀ(o − s(u))/σ (J kept from û, a
  ///    chord method) are simulated; each is kept while it lowers the distance, and the last
  ///    kept point is the optimum.
  /// 2. **Draws**: draw b's estimate is u* + (JᵀJ)⁻¹Jᵀ(δ_b/σ), where δ_b is the draw's
  ///    perturbation of the observed moments
  ///    (``MomentTarget/perturbation(draw:seed:replicates:)``), clamped to the box. The draws'
  ///    covariance is the method of simulated moments' sandwich (JᵀJ)⁻¹JᵀΩJ(JᵀJ)⁻¹, Ω the
  ///    perturbations' covariance (Gouriéroux & Monfort 1996, §2.3; Newey & McFadden 1994,
  ///    §6.1), which counts the correlations between moments when the observed moments carry
  ///    replicates.
  ///
  /// A parameter no fitted moment responds to, even over half its box, is not identified by
  /// them: it takes no part in the steps, and its draws sit at the box's two ends, so its
  /// interval is the box.
  ///
  /// - Returns: the draws in natural units — empty (no intervals) when a Jacobian point lacks a
  ///   fitted moment or the responses are linearly dependent — and the optimum.
  func sandwichStage(
    _ book: inout TrialBook, from searched: Int, target: MomentTarget,
    store: some TrialStore, progress: (String) -> Void
  ) throws(CalibrationFailure) -> (draws: [[Double]], optimum: Int) {
    let u = settings.uncertainty
    let d = dimension
    guard
      let columns = try jacobianColumns(
        &book, at: book.records[searched].unit, target: target, store: store,
        progress: progress)
    else { return ([], searched) }
    let identified = (0..<d).filter { k in columns[k].contains { $0 != 0 } }
    for k in 0..<d where !identified.contains(k) {
      progress(
        "uncertainty stage: no fitted moment moves with \(inputs.paths[k]) even over half its box; its interval is the box"
      )
    }
    let m = target.names.count
    let c = identified.count
    var jacobian = [Double](repeating: 0, count: m * c)
    for (j, k) in identified.enumerated() {
      for row in 0..<m { jacobian[row * c + j] = columns[k][row] }
    }
    let solver = NormalEquations(jacobian: jacobian, rows: m, columns: c)
    if solver == nil, c > 0 {
      progress(
        "uncertainty stage: the moments' responses to the parameters are linearly dependent at the optimum; no intervals"
      )
      return ([], searched)
    }
    func moved(_ from: [Double], by step: [Double]) -> [Double] {
      var unit = from
      for (j, k) in identified.enumerated() {
        unit[k] = Swift.min(1, Swift.max(0, from[k] + step[j]))
      }
      return unit
    }
    var optimum = searched
    if let solver {
      for _ in 0..<Self.polishingSteps {
        let residual = (0..<m).map { row in
          book.aligned[optimum][row].map {
            (target.observed[row] - $0) / target.scales[row]
          } ?? 0
        }
        let next = moved(book.records[optimum].unit, by: solver.solve(residual))
        let i: Int
        if let known = book.byPoint[TrialBook.key(next)] {
          i = known
        } else {
          let request: Request = (book.records.count + 1, .uncertainty, next)
          for r in try obtain([request], store: store, progress: progress) {
            book.append(r)
          }
          i = book.records.count - 1
        }
        guard book.distances[i] < book.distances[optimum] else { break }
        optimum = i
      }
    }
    progress(
      "uncertainty stage: \(optimum == searched ? "Gauss–Newton steps did not lower the distance" : "a Gauss–Newton step lowered the distance to \(ProgressText.distance(book.distances[optimum])) (trial \(optimum + 1))") · \(u.draws) draws in the Gauss–Newton approximation\(target.isCorrelated ? ", correlated through the moments' bootstrap replicates" : ", moments perturbed independently (the moments file has no replicates)")"
    )
    let centre = book.records[optimum].unit
    let draws = (0..<u.draws).map { b in
      var unit = centre
      // A parameter the moments do not see spans its box: half the draws at each end.
      for k in 0..<d where !identified.contains(k) {
        unit[k] = b % 2 == 0 ? 0 : 1
      }
      if let solver {
        let delta = target.perturbation(
          draw: b, seed: settings.seed, replicates: settings.replicates)
        unit = moved(
          unit, by: solver.solve(zip(delta, target.scales).map { $0 / $1 }))
      }
      return evaluator.natural(unit)
    }
    return (draws, optimum)
  }

  /// The Jacobian's columns at `centre`, ∂(s_m/σ_m)/∂u_k, by central differences.
  ///
  /// The half-step is ``UncertaintySettings/step``, one-sided against a face of the cube. A
  /// column in which no moment moved at all (whole loans change state, so a small step can
  /// change nothing) is measured again with the step doubled, up to
  /// ``UncertaintySettings/maxStep``; it stays zero when even that moves nothing. The points are
  /// evaluated as trials of the uncertainty stage, in (round, parameter, +/−) order.
  ///
  /// - Returns: the columns, or nil (with a progress line) when a point lacks a fitted moment.
  func jacobianColumns(
    _ book: inout TrialBook, at centre: [Double], target: MomentTarget,
    store: some TrialStore, progress: (String) -> Void
  ) throws(CalibrationFailure) -> [[Double]]? {
    let d = dimension
    let m = target.names.count
    var steps = [Double](repeating: settings.uncertainty.step, count: d)
    var columns = [[Double]](repeating: [], count: d)
    var pending = Array(0..<d)
    var evaluated = 0
    while !pending.isEmpty {
      let pairs = pending.map {
        k -> (k: Int, plus: [Double], minus: [Double]) in
        var plus = centre
        var minus = centre
        plus[k] = Swift.min(1, centre[k] + steps[k])
        minus[k] = Swift.max(0, centre[k] - steps[k])
        return (k, plus, minus)
      }
      var fresh: [Request] = []
      var freshKeys = Set<[UInt64]>()
      for p in pairs.flatMap({ [$0.plus, $0.minus] }) {
        let key = TrialBook.key(p)
        if book.byPoint[key] == nil, freshKeys.insert(key).inserted {
          fresh.append((book.records.count + fresh.count + 1, .uncertainty, p))
        }
      }
      for r in try obtain(fresh, store: store, progress: progress) {
        book.append(r)
      }
      evaluated += fresh.count
      var again: [Int] = []
      for (k, plus, minus) in pairs {
        guard let i = book.byPoint[TrialBook.key(plus)],
          let j = book.byPoint[TrialBook.key(minus)]
        else {
          preconditionFailure("a Jacobian point was neither found nor run")
        }
        let width = plus[k] - minus[k]
        var column = [Double](repeating: 0, count: m)
        for row in 0..<m {
          guard let high = book.aligned[i][row], let low = book.aligned[j][row]
          else {
            progress(
              "uncertainty stage: the simulation at trial \(book.aligned[i][row] == nil ? i + 1 : j + 1) lacks \(target.names[row]); no intervals"
            )
            return nil
          }
          column[row] = (high - low) / width / target.scales[row]
        }
        if column.allSatisfy({ $0 == 0 }),
          steps[k] < UncertaintySettings.maxStep
        {
          steps[k] = Swift.min(UncertaintySettings.maxStep, 2 * steps[k])
          again.append(k)
        } else {
          columns[k] = column
        }
      }
      pending = again
    }
    progress("uncertainty stage: Jacobian from \(evaluated) trials")
    return columns
  }
}
