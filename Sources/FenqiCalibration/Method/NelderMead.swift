/// Nelder–Mead simplex minimisation in the unit cube, written as a state machine that asks for
/// batches of points and is handed their values, so that several searches can run in lockstep
/// and share one parallel evaluator (``request`` and ``receive(_:)``).
///
/// Coefficients are Gao & Han's adaptive ones for d ≥ 2 (2012, "Implementing the Nelder-Mead
/// simplex algorithm with adaptive parameters": reflection 1, expansion 1 + 2/d, contraction
/// 0.75 − 1/(2d), shrink 1 − 1/d), which keep the method from stalling beyond a few dimensions,
/// and the classic 1, 2, ½, ½ for d = 1; the steps follow Lagarias et al. (1998), ties going to
/// the older vertex.
///
/// Bounds: the search runs on the mirror extension of the objective, f(fold(x)), where fold
/// reflects each coordinate back into [0, 1] (a triangle wave of period 2). The extension is
/// continuous, so the method behaves as on an unconstrained function, and no vertex is ever
/// clamped onto a face of the cube (clamping collapses the simplex and stalls it there). Every
/// point handed out is folded, so every evaluation is inside the box.
///
/// Why Nelder–Mead and not CMA-ES for the local stage: a calibration frees a handful of
/// parameters and affords tens to hundreds of simulations, every one costly. Nelder–Mead needs
/// d + 1 evaluations to start and one or two per step, is deterministic given its values (so
/// sharded, resumed and single runs agree), and has nothing to tune; CMA-ES spends a population
/// of 4 + ⌊3 ln d⌋ points per generation and needs dozens of generations to adapt its
/// covariance, which a budget of this size cannot pay for.
public struct NelderMead: Sendable {
  /// What the search is waiting for.
  enum Phase: Sendable {
    case initial, reflect, expand, outside, inside, shrink, finished
  }

  /// The dimension.
  public let dimension: Int
  /// The most values the search asks for.
  public let budget: Int
  /// The search stops once every vertex is within this distance of the best in every
  /// coordinate (unit-cube units) and the values span at most ``valueTolerance``.
  public let pointTolerance: Double
  /// See ``pointTolerance``.
  public let valueTolerance: Double

  let reflection: Double
  let expansion: Double
  let contraction: Double
  let shrinkage: Double

  /// Vertices (unfolded), values and ages (for ties), kept sorted best first.
  private var vertices: [[Double]]
  private var values: [Double]
  private var ages: [Int]
  private var nextAge = 0
  private var phase = Phase.initial
  private var pending: [[Double]]
  private var centroid: [Double] = []
  private var reflected: (point: [Double], value: Double) = ([], .infinity)

  /// Values received so far.
  public private(set) var evaluations = 0
  /// The best point received so far (folded) and its value; ties keep the earlier.
  public private(set) var best: (point: [Double], value: Double)

  /// Starts a search at `start` with a simplex of side `step` along each axis (pointing into
  /// the cube).
  ///
  /// - Parameters:
  ///   - start: the first vertex, in [0, 1]^d.
  ///   - step: the initial simplex's edge, unit-cube units (0, 1).
  ///   - budget: the most values to ask for (≥ d + 1).
  ///   - pointTolerance: see ``pointTolerance``.
  ///   - valueTolerance: see ``valueTolerance``.
  public init(
    start: [Double], step: Double, budget: Int, pointTolerance: Double = 1e-6,
    valueTolerance: Double = 1e-10
  ) {
    let d = start.count
    precondition(d >= 1, "NelderMead needs at least one dimension")
    precondition(
      budget >= d + 1,
      "NelderMead needs a budget ≥ d + 1 = \(d + 1), got \(budget)")
    precondition(
      step > 0 && step < 1, "NelderMead step must be in (0, 1), got \(step)")
    dimension = d
    self.budget = budget
    self.pointTolerance = pointTolerance
    self.valueTolerance = valueTolerance
    if d >= 2 {
      let n = Double(d)
      (reflection, expansion, contraction, shrinkage) = (
        1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n
      )
    } else {
      (reflection, expansion, contraction, shrinkage) = (1, 2, 0.5, 0.5)
    }
    var simplex = [start]
    for k in 0..<d {
      var v = start
      v[k] += start[k] + step <= 1 ? step : -step
      simplex.append(v)
    }
    vertices = simplex
    values = Array(repeating: .infinity, count: d + 1)
    ages = Array(0...d)
    nextAge = d + 1
    pending = simplex
    best = (Self.folded(start), .infinity)
  }

  /// The points (folded into the cube) whose values the search needs next.
  ///
  /// Nil when it has finished. Asking again before ``receive(_:)`` gives the same points.
  public var request: [[Double]]? {
    phase == .finished ? nil : pending.map(Self.folded)
  }

  /// Whether the search has finished (converged, or out of budget).
  public var isFinished: Bool { phase == .finished }

  /// Hands over the values of the points of ``request``, in order; NaN counts as +∞.
  public mutating func receive(_ received: [Double]) {
    precondition(
      phase != .finished && received.count == pending.count,
      "NelderMead.receive: expected \(pending.count) values, got \(received.count)"
    )
    let fs = received.map { $0.isNaN ? Double.infinity : $0 }
    for (x, f) in zip(pending, fs) {
      evaluations += 1
      if f < best.value { best = (Self.folded(x), f) }
    }
    switch phase {
    case .initial:
      values = fs
      sortSimplex()
      beginIteration()
    case .reflect: afterReflection(fs[0])
    case .expand:
      let (xe, fe) = (pending[0], fs[0])
      if fe < reflected.value {
        replaceWorst(xe, fe)
      } else {
        replaceWorst(reflected.point, reflected.value)
      }
      beginIteration()
    case .outside:
      if fs[0] <= reflected.value {
        replaceWorst(pending[0], fs[0])
        beginIteration()
      } else {
        startShrink()
      }
    case .inside:
      if fs[0] < values[dimension] {
        replaceWorst(pending[0], fs[0])
        beginIteration()
      } else {
        startShrink()
      }
    case .shrink:
      for (i, f) in fs.enumerated() {
        vertices[i + 1] = pending[i]
        values[i + 1] = f
        ages[i + 1] = nextAge
        nextAge += 1
      }
      sortSimplex()
      beginIteration()
    case .finished: break
    }
  }

  /// The reflection's outcome: accept, expand or contract.
  private mutating func afterReflection(_ fr: Double) {
    let xr = pending[0]
    reflected = (xr, fr)
    let n = dimension
    if fr < values[0] {
      guard evaluations < budget else {
        replaceWorst(xr, fr)
        return finish()
      }
      pending = [step(from: centroid, towards: xr, by: expansion)]
      phase = .expand
    } else if fr < values[n - 1] {
      replaceWorst(xr, fr)
      beginIteration()
    } else {
      guard evaluations < budget else { return finish() }
      if fr < values[n] {
        pending = [step(from: centroid, towards: xr, by: contraction)]
        phase = .outside
      } else {
        pending = [step(from: centroid, towards: vertices[n], by: contraction)]
        phase = .inside
      }
    }
  }

  /// Sorts, checks for convergence and budget, then asks for the reflection of the worst vertex.
  private mutating func beginIteration() {
    guard evaluations < budget, !converged else { return finish() }
    let n = dimension
    centroid = (0..<n).map { k in
      var s = 0.0
      for i in 0..<n { s += vertices[i][k] }
      return s / Double(n)
    }
    pending = [step(from: centroid, towards: vertices[n], by: -reflection)]
    phase = .reflect
  }

  /// Shrinks every vertex towards the best, when the budget allows; otherwise stops.
  private mutating func startShrink() {
    guard evaluations + dimension <= budget else { return finish() }
    pending = (1...dimension).map { i in
      step(from: vertices[0], towards: vertices[i], by: shrinkage)
    }
    phase = .shrink
  }

  private mutating func finish() {
    pending = []
    phase = .finished
  }

  /// Whether every vertex is within ``pointTolerance`` of the best and the values within
  /// ``valueTolerance``.
  private var converged: Bool {
    let spread = values[dimension] - values[0]
    guard spread.isFinite, spread <= valueTolerance else { return false }
    for v in vertices.dropFirst() {
      for k in 0..<dimension where abs(v[k] - vertices[0][k]) > pointTolerance {
        return false
      }
    }
    return true
  }

  /// c + t·(x − c): t = −1 reflects x through c, t = ½ contracts towards x.
  private func step(from c: [Double], towards x: [Double], by t: Double)
    -> [Double]
  {
    (0..<dimension).map { c[$0] + t * (x[$0] - c[$0]) }
  }

  private mutating func replaceWorst(_ x: [Double], _ f: Double) {
    vertices[dimension] = x
    values[dimension] = f
    ages[dimension] = nextAge
    nextAge += 1
    sortSimplex()
  }

  /// Best first; equal values keep the older vertex first.
  private mutating func sortSimplex() {
    let order = vertices.indices.sorted {
      values[$0] != values[$1] ? values[$0] < values[$1] : ages[$0] < ages[$1]
    }
    vertices = order.map { vertices[$0] }
    values = order.map { values[$0] }
    ages = order.map { ages[$0] }
  }

  /// Each coordinate reflected back into [0, 1]: a triangle wave of period 2.
  public static func folded(_ x: [Double]) -> [Double] {
    x.map { v in
      guard v < 0 || v > 1 else { return v }
      var t = v.truncatingRemainder(dividingBy: 2)
      if t < 0 { t += 2 }
      return t <= 1 ? t : 2 - t
    }
  }
}

extension NelderMead {
  /// Minimises `f` over the unit cube, asking for one batch at a time.
  ///
  /// - Returns: the best point found (folded) and its value.
  public static func minimize(
    start: [Double], step: Double, budget: Int, pointTolerance: Double = 1e-6,
    valueTolerance: Double = 1e-10, _ f: ([Double]) -> Double
  ) -> (point: [Double], value: Double, evaluations: Int) {
    var search = NelderMead(
      start: start, step: step, budget: budget, pointTolerance: pointTolerance,
      valueTolerance: valueTolerance)
    while let batch = search.request {
      search.receive(batch.map(f))
    }
    return (search.best.point, search.best.value, search.evaluations)
  }
}
