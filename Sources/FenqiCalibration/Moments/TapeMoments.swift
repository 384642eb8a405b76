import FenqiCore
import FenqiCredit

/// What a lender's management information shows of a loan book, computed from a loan tape.
///
/// Vintage curves, the monthly roll-rate matrix, cure rates, the mean principal and the term
/// mix, each a named ``Moment``: the content of a `moments.json` file (see ``MomentsFile``).
///
/// Definitions, over loans i with origination period oᵢ, on a tape whose last calendar month is
/// T = max(origination period + month on book):
/// - **Vintage curves** at month on book k count only loans observable to k: a closed loan is
///   observable while oᵢ + k ≤ T (it keeps its final state), an open loan up to its last row
///   (right-censoring). `ever30.mobKK` is the share of them that reached bucket 31-60 or worse
///   by k, `ever90.mobKK` 90+, `prepaid.mobKK` the share settled early by k, and
///   `chargeOff.mobKK` their principal charged off by k (the `charge_off` column) ÷ their
///   principal originated. A month is emitted while at least ``minimumCount`` loans are
///   observable to it.
/// - **Roll rates** `roll.FROM.TO`: over consecutive months of a loan — and from origination
///   (current, month 0) to month 1 — the share of loans in bucket FROM whose next row is in
///   bucket TO or closes as `repaid`, `prepaid` or `charged_off`; each row sums to 1. Rows with
///   fewer than ``minimumCount`` transitions out are left out.
/// - **Cure rates** `cure.FROM` for FROM = 1-30 … 90+: `roll.FROM.current`, repeated under its
///   usual name (a calibration should weight one of the two, not both).
/// - `principal.mean` (yuan) and `term.T.share` for every term T on the tape.
///
/// Standard errors come from a Poisson bootstrap over loans: whole loans are resampled, so the
/// dependence between a loan's months is kept. Weights are counter-based, keyed by (seed, loan
/// index, replicate), so results are identical for any thread count.
public struct TapeMoments: Sendable, Equatable {
  /// Loans on the tape.
  public var loans: Int
  /// Bootstrap replicates behind the standard errors (0: none).
  public var bootstrap: Int
  /// The bootstrap's seed.
  public var seed: UInt64
  /// The moments, in the order of ``MomentName``'s families: vintage curves (ever30, ever90,
  /// chargeOff, prepaid; by month), roll rows (by bucket, then target), cure rates,
  /// `principal.mean`, term shares (by term).
  public var moments: [Moment]

  /// The fewest loans (or transitions) a ratio is estimated from: 30.
  public static let minimumCount = 30
  /// Bootstrap replicates by default: 200.
  public static let defaultReplicates = 200

  /// Creates a set of moments.
  public init(loans: Int, bootstrap: Int, seed: UInt64, moments: [Moment]) {
    self.loans = loans
    self.bootstrap = bootstrap
    self.seed = seed
    self.moments = moments
  }

  /// The moment named `name`, if present.
  public subscript(name: String) -> Moment? {
    moments.first { $0.name == name }
  }

  /// The moments of `tape` without standard errors (each 0, ``bootstrap`` 0): the fast path a
  /// calibration takes on every simulated tape.
  ///
  /// - Parameters:
  ///   - tape: the loan tape; rows of a loan are taken in append order as months 1, 2, ….
  ///   - minimumCount: the fewest loans or transitions a ratio is emitted for.
  /// - Returns: the moments, in ``MomentName``'s family order.
  /// - Complexity: O(rows).
  public static func compute(
    _ tape: LoanTape, minimumCount: Int = TapeMoments.minimumCount
  ) -> TapeMoments {
    let summaries = LoanSummaries(tape)
    let plain = MomentSums.of(summaries, weights: nil)
    let layout = MomentLayout(
      plain, summaries: summaries, minimumCount: minimumCount)
    let values = layout.values(plain)
    let moments = layout.names.indices.map {
      Moment(
        name: layout.names[$0], value: values[$0], standardError: 0,
        count: layout.counts[$0])
    }
    return TapeMoments(
      loans: summaries.count, bootstrap: 0, seed: 0, moments: moments)
  }

  /// The moments of `tape` with bootstrap standard errors.
  ///
  /// Each replicate gives every loan a Poisson(1) weight and recomputes every moment; a
  /// moment's standard error is the standard deviation (n − 1) of its replicate values,
  /// skipping replicates where its denominator drew empty (0 when fewer than 2 remain). Every
  /// moment keeps its replicate values (``Moment/replicates``), so that a calibration can draw
  /// perturbations with the moments' correlations.
  ///
  /// - Parameters:
  ///   - tape: the loan tape.
  ///   - replicates: bootstrap replicates, ≥ 2.
  ///   - seed: the bootstrap's seed.
  ///   - threads: worker threads; the result does not depend on it.
  ///   - minimumCount: the fewest loans or transitions a ratio is emitted for.
  /// - Returns: the moments with their standard errors and replicates.
  /// - Complexity: O(rows + replicates × (loans + months)).
  public static func compute(
    _ tape: LoanTape, replicates: Int, seed: UInt64, threads: Int = 1,
    minimumCount: Int = TapeMoments.minimumCount
  ) -> TapeMoments {
    precondition(
      replicates >= 2,
      "compute(_:replicates:) needs ≥ 2 replicates, got \(replicates)")
    let summaries = LoanSummaries(tape)
    let plain = MomentSums.of(summaries, weights: nil)
    let layout = MomentLayout(
      plain, summaries: summaries, minimumCount: minimumCount)
    let values = layout.values(plain)
    let width = layout.names.count
    var draws = [Double](repeating: .nan, count: replicates * width)
    draws.withUnsafeMutableBufferPointer { buffer in
      let out = DisjointMutableBuffer(buffer)
      ParallelChunks.forEach(count: replicates, threads: threads) { b in
        let weights = PoissonWeight.weights(
          loans: summaries.count, replicate: b, seed: seed)
        let row = layout.values(MomentSums.of(summaries, weights: weights))
        for j in 0..<width { out[b * width + j] = row[j] }
      }
    }
    let moments = (0..<width).map { j in
      Moment(
        name: layout.names[j], value: values[j],
        standardError: standardDeviation(
          draws, column: j, width: width, rows: replicates),
        count: layout.counts[j],
        replicates: (0..<replicates).map { b in
          let v = draws[b * width + j]
          return v.isFinite ? v : values[j]
        })
    }
    return TapeMoments(
      loans: summaries.count, bootstrap: replicates, seed: seed,
      moments: moments)
  }

  /// The sample standard deviation (n − 1) of the finite values of one column, in row order;
  /// 0 when fewer than two.
  static func standardDeviation(
    _ values: [Double], column j: Int, width: Int, rows: Int
  ) -> Double {
    // Bootstrap standard error: the standard deviation of the replicate statistics (Efron &
    // Tibshirani 1993, An Introduction to the Bootstrap, ch. 6).
    var n = 0.0
    var sum = 0.0
    for b in 0..<rows where values[b * width + j].isFinite {
      n += 1
      sum += values[b * width + j]
    }
    guard n >= 2 else { return 0 }
    let mean = sum / n
    var squares = 0.0
    for b in 0..<rows where values[b * width + j].isFinite {
      let d = values[b * width + j] - mean
      squares += d * d
    }
    return (squares / (n - 1)).squareRoot()
  }
}
