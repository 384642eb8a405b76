import Foundation

/// A one-dimensional distribution used as a copula margin: maps a standard normal coordinate x to
/// a value through its quantile function, Q(Φ(x)).
public struct Marginal: Sendable, Equatable {
    /// The family and parameters of a margin.
    public enum Kind: Sendable, Equatable {
        /// Normal with a mean and a standard deviation.
        case normal(mean: Double, standardDeviation: Double)
        /// Log-normal with a median e^μ and a log-scale σ.
        case logNormal(median: Double, sigma: Double)
        /// Uniform on [minimum, maximum].
        case uniform(minimum: Double, maximum: Double)
        /// Beta(α, β) stretched onto [minimum, maximum].
        case beta(alpha: Double, beta: Double, minimum: Double, maximum: Double)
        /// Poisson with a mean; values are counts.
        case poisson(mean: Double)
        /// A categorical distribution; the value is the category index 0, 1, ….
        case categorical(probabilities: [Double])
    }

    /// The family and parameters.
    public let kind: Kind
    /// Values below this are raised to it.
    public let lowerBound: Double
    /// Values above this are lowered to it.
    public let upperBound: Double
    /// For Beta margins, values tabulated against x on ``tableGrid`` (linear interpolation).
    @usableFromInline internal let table: [Double]
    /// For categorical and Poisson margins, the thresholds in x: value k when x < thresholds[k]
    /// (Φ⁻¹ of the cumulative probabilities), so no CDF is evaluated per draw.
    @usableFromInline internal let thresholds: [Double]

    /// The standard-normal grid the Beta table is tabulated on: x from −8 to 8 in 1,024 steps.
    public static let tableGrid = (lower: -8.0, upper: 8.0, steps: 1024)

    /// Creates a margin, optionally clamped to [lowerBound, upperBound].
    public init(_ kind: Kind, lowerBound: Double = -.infinity, upperBound: Double = .infinity) {
        self.kind = kind
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        if case .beta(let a, let b, _, _) = kind {
            table = Marginal.betaTable(alpha: a, beta: b)
        } else {
            table = []
        }
        switch kind {
        case .categorical(let probabilities):
            let total = probabilities.reduce(0, +)
            var running = 0.0
            thresholds = probabilities.dropLast().map { running += $0 / total; return Normal.quantile(running) }
        case .poisson(let mean):
            var out: [Double] = []
            var term = exp(-mean), cumulative = term, k = 0
            while cumulative < 1 - 1e-15 && k < 10_000 && term > 0 || k < Int(mean) {
                out.append(Normal.quantile(cumulative))
                k += 1
                term *= mean / Double(k)
                cumulative += term
            }
            thresholds = out
        default:
            thresholds = []
        }
    }

    /// The margin's value for a standard normal coordinate x (the quantile at Φ(x)), clamped.
    public func value(standardNormal x: Double) -> Double {
        let raw: Double
        switch kind {
        case .normal(let mean, let sd):
            raw = mean + sd * x
        case .logNormal(let median, let sigma):
            raw = median * exp(sigma * x)
        case .uniform(let minimum, let maximum):
            raw = minimum + (maximum - minimum) * Normal.cdf(x)
        case .beta(_, _, let minimum, let maximum):
            raw = minimum + (maximum - minimum) * interpolatedBeta(x)
        case .poisson, .categorical:
            var index = 0
            while index < thresholds.count && x >= thresholds[index] { index += 1 }
            raw = Double(index)
        }
        return Swift.min(Swift.max(raw, lowerBound), upperBound)
    }

    private func interpolatedBeta(_ x: Double) -> Double {
        let grid = Marginal.tableGrid
        let step = (grid.upper - grid.lower) / Double(grid.steps)
        let position = (Swift.min(Swift.max(x, grid.lower), grid.upper) - grid.lower) / step
        let i = Swift.min(Int(position), grid.steps - 1)
        let fraction = position - Double(i)
        return table[i] + (table[i + 1] - table[i]) * fraction
    }

    /// Beta(α, β) quantiles at Φ(x) on the grid, by bisection of ``IncompleteBeta``.
    private static func betaTable(alpha: Double, beta: Double) -> [Double] {
        let grid = tableGrid
        let step = (grid.upper - grid.lower) / Double(grid.steps)
        return (0...grid.steps).map { i in
            let p = Normal.cdf(grid.lower + Double(i) * step)
            var lo = 0.0, hi = 1.0
            for _ in 0..<52 {
                let mid = 0.5 * (lo + hi)
                if IncompleteBeta.regularized(mid, a: alpha, b: beta) < p { lo = mid } else { hi = mid }
            }
            return 0.5 * (lo + hi)
        }
    }
}
