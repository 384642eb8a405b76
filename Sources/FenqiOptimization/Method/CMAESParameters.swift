import Foundation

/// The strategy parameters of (μ/μ_w, λ)-CMA-ES, set from the dimension and population size as
/// Hansen's tutorial recommends ("The CMA Evolution Strategy: A Tutorial", 2016, Table 1 and
/// equations 49–58), including its negative ("active") weights for the worst λ − μ candidates.
///
/// None of these is meant to be tuned; only the population size is a user's choice.
public struct CMAESParameters: Sendable, Equatable {
  /// The dimension n.
  public let dimension: Int
  /// The population size λ: candidates per generation.
  public let populationSize: Int
  /// The parent number μ = ⌊λ/2⌋: how many of the best candidates move the mean.
  public let parentCount: Int
  /// The recombination weights w₁ ≥ … ≥ w_λ, by rank (best first): the first μ are positive and
  /// sum to 1, the rest are ≤ 0 and used only in the rank-μ update (equation 53).
  public let weights: [Double]
  /// The variance-effective selection mass μ_eff = (Σ wᵢ)² / Σ wᵢ² over the positive weights.
  public let effectiveParents: Double
  /// The learning rate c_σ of the step-size path p_σ (equation 55).
  public let stepSizePathRate: Double
  /// The damping d_σ of the step-size update (equation 55).
  public let stepSizeDamping: Double
  /// The learning rate c_c of the covariance path p_c (equation 56).
  public let covariancePathRate: Double
  /// The learning rate c₁ of the rank-one update (equation 57).
  public let rankOneRate: Double
  /// The learning rate c_μ of the rank-μ update (equation 58).
  public let rankMuRate: Double
  /// E‖N(0, I)‖ ≈ √n·(1 − 1/(4n) + 1/(21n²)), the length an unselected path would have.
  public let expectedNormLength: Double
  /// The margin α: the least probability, per candidate, that an integer coordinate decodes to
  /// another integer than the mean's — 1/(n·λ), the setting of Hamano, Saito, Nomura & Shirakawa
  /// 2022 ("CMA-ES with Margin").
  public let marginProbability: Double

  /// The default population size 4 + ⌊3 ln n⌋ (Hansen 2016, equation 48): 4 for n = 1, 10 for n =
  /// 8, 10 for n = 10.
  public static func defaultPopulationSize(dimension n: Int) -> Int {
    4 + Int((3 * log(Double(n))).rounded(.down))
  }

  /// The tutorial's parameters for dimension `n` and population size `λ` (default
  /// ``defaultPopulationSize(dimension:)``; at least 2).
  public init(dimension n: Int, populationSize: Int? = nil) {
    let lambda = populationSize ?? Self.defaultPopulationSize(dimension: n)
    precondition(n >= 1, "CMAESParameters: dimension must be ≥ 1, got \(n)")
    precondition(
      lambda >= 2, "CMAESParameters: populationSize must be ≥ 2, got \(lambda)")
    let mu = lambda / 2
    let nd = Double(n)
    // Preliminary weights w'ᵢ = ln((λ + 1)/2) − ln i (equation 49).
    let raw = (1...lambda).map { log(Double(lambda + 1) / 2) - log(Double($0)) }
    let positive = raw.filter { $0 > 0 }
    let negative = raw.filter { $0 < 0 }
    let sumPositive = positive.reduce(0, +)
    let sumNegative = -negative.reduce(0, +)
    let muEff =
      sumPositive * sumPositive / positive.reduce(0) { $0 + $1 * $1 }
    let muEffMinus =
      negative.isEmpty
      ? 0 : sumNegative * sumNegative / negative.reduce(0) { $0 + $1 * $1 }
    // Step-size control (equation 55).
    let cSigma = (muEff + 2) / (nd + muEff + 5)
    let dSigma =
      1 + 2 * Swift.max(0, ((muEff - 1) / (nd + 1)).squareRoot() - 1) + cSigma
    // Covariance adaptation (equations 56–58), α_cov = 2.
    let alphaCov = 2.0
    let cc = (4 + muEff / nd) / (nd + 4 + 2 * muEff / nd)
    let c1 = alphaCov / ((nd + 1.3) * (nd + 1.3) + muEff)
    let cMu = Swift.min(
      1 - c1,
      alphaCov * (muEff - 2 + 1 / muEff)
        / ((nd + 2) * (nd + 2) + alphaCov * muEff / 2))
    // Negative weights' total (equations 50–53): the smallest of α_μ⁻, α_μeff⁻, α_posdef⁻.
    let alphaMu = 1 + c1 / cMu
    let alphaMuEff = 1 + 2 * muEffMinus / (muEff + 2)
    let alphaPosDef = (1 - c1 - cMu) / (nd * cMu)
    let negativeTotal = Swift.min(alphaMu, alphaMuEff, alphaPosDef)
    dimension = n
    self.populationSize = lambda
    parentCount = mu
    weights = raw.map { w in
      w >= 0 ? w / sumPositive : negativeTotal * w / sumNegative
    }
    effectiveParents = muEff
    stepSizePathRate = cSigma
    stepSizeDamping = dSigma
    covariancePathRate = cc
    rankOneRate = c1
    rankMuRate = cMu
    expectedNormLength =
      nd.squareRoot() * (1 - 1 / (4 * nd) + 1 / (21 * nd * nd))
    marginProbability = 1 / (nd * Double(lambda))
  }
}
