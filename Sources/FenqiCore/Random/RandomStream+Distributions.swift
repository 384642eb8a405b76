import Foundation

extension RandomStream {
  /// A standard normal draw by inversion (``Normal/quantile(_:)`` of one open uniform), so that
  /// one draw consumes exactly one output and common random numbers stay aligned.
  @inlinable @inline(__always)
  public mutating func normal() -> Double {
    Normal.quantile(openUniform())
  }

  /// A normal draw with the given mean and standard deviation.
  @inlinable
  public mutating func normal(mean: Double, standardDeviation: Double) -> Double
  {
    mean + standardDeviation * normal()
  }

  /// A log-normal draw: exp(μ + σ·Z), so the median is e^μ.
  @inlinable
  public mutating func logNormal(mu: Double, sigma: Double) -> Double {
    exp(mu + sigma * normal())
  }

  /// A Bernoulli draw: true with probability `p` (p ≤ 0 never, p ≥ 1 always).
  @inlinable @inline(__always)
  public mutating func bernoulli(_ p: Double) -> Bool {
    uniform() < p
  }

  /// An exponential draw with the given rate (mean 1/rate).
  @inlinable
  public mutating func exponential(rate: Double) -> Double {
    -log(openUniform()) / rate
  }

  /// A gamma draw with shape k > 0 and scale θ > 0 (mean kθ) — Marsaglia & Tsang (2000) squeeze,
  /// with the boost U^(1/k) for k < 1.
  public mutating func gamma(shape: Double, scale: Double = 1) -> Double {
    precondition(
      shape > 0 && scale > 0,
      "gamma needs shape > 0 and scale > 0, got \(shape), \(scale)")
    if shape < 1 {
      let boost = pow(openUniform(), 1 / shape)
      return gamma(shape: shape + 1, scale: scale) * boost
    }
    let d = shape - 1.0 / 3.0
    let c = 1.0 / (9.0 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = openUniform()
      let x2 = x * x
      if u < 1 - 0.0331 * x2 * x2 { return d * v * scale }
      if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v * scale }
    }
  }

  /// A beta draw with shapes α, β > 0, as X/(X+Y) with X ~ Γ(α), Y ~ Γ(β).
  public mutating func beta(alpha: Double, beta: Double) -> Double {
    let x = gamma(shape: alpha)
    let y = gamma(shape: beta)
    return x / (x + y)
  }

  /// A Poisson draw with the given mean ≥ 0: CDF inversion for small means, Hörmann's PTRS
  /// transformed rejection (1993) for means ≥ 10.
  public mutating func poisson(mean: Double) -> Int {
    precondition(mean >= 0, "poisson needs a mean ≥ 0, got \(mean)")
    if mean == 0 { return 0 }
    if mean < 10 {
      return Self.poissonQuantile(uniform(), mean: mean)
    }
    let slam = mean.squareRoot()
    let logMean = log(mean)
    let b = 0.931 + 2.53 * slam
    let a = -0.059 + 0.02483 * b
    let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let vr = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = uniform() - 0.5
      let v = uniform()
      let us = 0.5 - abs(u)
      let k = floor((2 * a / us + b) * u + mean + 0.43)
      if us >= 0.07 && v <= vr { return Int(k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      let lhs = log(v) + log(inverseAlpha) - log(a / (us * us) + b)
      if lhs <= -mean + k * logMean - lgamma(k + 1) { return Int(k) }
    }
  }

  /// The smallest k with P(X ≤ k) > u for X ~ Poisson(mean): inversion of one uniform.
  public static func poissonQuantile(_ u: Double, mean: Double) -> Int {
    var k = 0
    var term = exp(-mean)
    var cumulative = term
    while cumulative <= u && k < 10_000 {
      k += 1
      term *= mean / Double(k)
      cumulative += term
      if term == 0 { break }
    }
    return k
  }
}
