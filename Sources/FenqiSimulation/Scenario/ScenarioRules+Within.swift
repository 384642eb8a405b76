import FenqiCore
import FenqiPopulation

// The rules within one section: names, totals and order in a list, and two fields of one object
// (listed in ``ScenarioRules/all``).

/// A guarantee fee needs the platform's guarantee.
struct GuaranteeFeeNeedsAGuarantee: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .guaranteeFeeWithoutGuarantee(let path) = part else { return [] }
    return problem(
      path,
      "a guarantee fee is paid for the platform's guarantee; with \"guarantee\": \"none\" the partner pays none"
    )
  }
}

/// The entries of a list have different names.
struct UniqueName: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .name(let path, let noun, let name, let taken) = part,
      taken.contains(name)
    else { return [] }
    return problem(path, "duplicate \(noun) name \"\(name)\"")
  }
}

/// Shares sum to 1 (within 1e-9).
struct SharesSumToOne: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .shares(let path, let noun, let values) = part else { return [] }
    let total = values.reduce(0, +)
    guard abs(total - 1) > 1e-9 else { return [] }
    let shown = JSONWriter.format((total * 1e9).rounded() / 1e9)
    return problem(path, "expected \(noun) that sum to 1, found \(shown)")
  }
}

/// A maximum lies above its minimum (or at it, where that is allowed).
struct MaximumAboveMinimum: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .interval(let path, let lo, let hi, let allowsEqual) = part,
      allowsEqual ? hi < lo : hi <= lo
    else { return [] }
    return problem(
      path,
      "expected a number \(allowsEqual ? "≥" : ">") min (\(JSONWriter.format(lo))), found \(JSONWriter.format(hi))"
    )
  }
}

/// Each pair of attributes is correlated once.
struct CorrelationPairOnce: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .correlationPair(let path, let pair, let firstAt) = part,
      let first = firstAt[pair]
    else { return [] }
    return problem(
      path,
      "expected each pair of attributes once, found \(pair) again (first at \(first))"
    )
  }
}

/// The correlations form a positive-definite matrix.
struct CorrelationsHoldTogether: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .correlations(let path, let spec) = part else { return [] }
    do {
      _ = try GaussianCopula(
        correlation: spec.correlation,
        dimension: CustomerAttribute.allCases.count)
      return []
    } catch {
      var location = ""
      if case .notPositiveDefinite(let order) = error {
        location =
          " (the conflict shows at \(CustomerAttribute.allCases[order - 1].name))"
      }
      return problem(
        path,
        "expected correlations that can hold together (a positive-definite matrix); these contradict each other\(location)"
      )
    }
  }
}

/// An offer has at most termMonths interest-free periods.
struct InterestFreeWithinTerm: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .offer(let path, let term, let free) = part, free > term else {
      return []
    }
    return problem(
      "\(path).interestFreePeriods",
      "expected at most termMonths (\(term)) interest-free periods, found \(free)"
    )
  }
}

/// Only partner channels pay per acquisition or share revenue.
struct AcquisitionPaymentsNeedAPartner: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .channel(let path, let kind, let cpa, let share) = part,
      !kind.isPartner, (cpa ?? 0) > 0 || (share ?? 0) > 0
    else { return [] }
    return problem(
      "\(path).costPerAcquisition",
      "only partnerBank and ecommercePartner channels pay per acquisition or revenue share"
    )
  }
}

/// A campaign gives its own offer or firstPeriodFree, not both.
struct OfferOrFirstPeriodFree: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .firstPeriodFree(let path, campaignOffer: true) = part else {
      return []
    }
    return problem(path, "give either an offer or firstPeriodFree, not both")
  }
}

/// Referral steps ascend in `from`.
struct ReferralStepsAscend: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .referralStep(let path, let from, let last?) = part,
      from <= last
    else { return [] }
    return problem(
      path,
      "expected steps in ascending order of \"from\", found \(from) after \(last)"
    )
  }
}

/// The macro sector mix sums to 1.
struct SectorMixSumsToOne: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .sectorMix(let path, let shares) = part,
      abs(shares.reduce(0, +) - 1) > 1e-9
    else { return [] }
    return problem(
      path,
      "expected category shares that sum to 1, found \(JSONWriter.format(shares.reduce(0, +)))"
    )
  }
}

/// A sector collapse names a category of the macro sector mix.
struct CollapsingSectorIsInMix: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .sectorReference(let path, let name, let sectors) = part,
      !sectors.contains(name)
    else { return [] }
    return problem(
      path,
      hinted(
        "expected a category of macro.sectors.mix, found \"\(name)\"", name,
        sectors))
  }
}

/// A rule policy has {segment: offer name} pairs.
struct RulePolicyHasPairs: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .rulePolicy(let path, .rule, pairs: 0) = part else { return [] }
    return problem(path, "a rule policy needs {segment: offer name} pairs")
  }
}

/// The pairwise-comparison matrix has one row per criterion, each with one entry per criterion.
struct PairwiseMatrixFitsCriteria: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .pairwise(let path, let n, let rows) = part else { return [] }
    if rows.count != n {
      return problem(
        path,
        "expected a \(n) × \(n) matrix (one row per criterion), found \(rows.count) rows"
      )
    }
    guard let i = rows.firstIndex(where: { $0 != n }) else { return [] }
    return problem(path, "row \(i + 1) has \(rows[i]) entries, expected \(n)")
  }
}

/// Credit-line tiers ascend in minimumScore.
struct TiersAscend: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .tier(let path, let score, let last?) = part, score <= last
    else { return [] }
    return problem(path, "expected tiers in increasing order of minimumScore")
  }
}

/// All categories together have at most 60,000 merchants.
struct MerchantsWithinLimit: ScenarioRule {
  /// The most merchants a scenario may have.
  static let maximum = 60_000

  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .merchants(let path, let count) = part,
      count > Self.maximum
    else { return [] }
    return problem(
      path,
      "expected at most 60,000 merchants over all categories, found \(count)")
  }
}

/// A category offers each term once.
struct TermOnce: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .term(let path, let months, let taken) = part,
      taken.contains(months)
    else { return [] }
    return problem(path, "duplicate term of \(months) months")
  }
}

/// A sector shock names a category or a firm sector (which needs firms), not both.
struct ShockHasOneTarget: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard
      case .shockTarget(let path, let category, let sector, let firms) = part
    else { return [] }
    if category == sector {
      return problem(
        "\(path).category",
        "expected exactly one of \"category\" (a merchant category) or \"sector\" (a firm sector)"
      )
    }
    guard sector, !firms else { return [] }
    return problem(
      "\(path).sector",
      "a firm-sector shock needs \"business.firms\" with its sectors")
  }
}

/// A sector shock ends no earlier than it starts.
struct ShockEndsAfterStart: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .shockMonths(let path, let from, let to) = part, to < from else {
      return []
    }
    return problem(path, "expected a month ≥ fromMonth (\(from)), found \(to)")
  }
}

/// A line is frozen no sooner than it is cut.
struct FreezeAfterCut: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .lineFreeze(let path, let p) = part,
      p.freezeMonthsPastDue < p.cutMonthsPastDue
    else { return [] }
    return problem(
      path,
      "expected at least cut.monthsPastDue (\(p.cutMonthsPastDue)), found \(p.freezeMonthsPastDue)"
    )
  }
}

/// Raises stop at or above the initial income multiple.
struct RaiseCapAboveInitialLine: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .lineRaise(let path, let p) = part,
      p.maxIncomeMultiple < p.initialIncomeMultiple
    else { return [] }
    return problem(
      path,
      "expected raise.maxIncomeMultiple ≥ initialIncomeMultiple (\(JSONWriter.format(p.initialIncomeMultiple))), found \(JSONWriter.format(p.maxIncomeMultiple))"
    )
  }
}

/// An experiment randomises by cluster or stratifies by segment, not both.
struct ClusterOrStratify: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .experimentDesign(let path, _, stratifyBySegment: true) = part
    else { return [] }
    return problem(
      path, "expected either clusterSize or stratifyBySegment, found both")
  }
}

/// Each metric is declared once.
struct MetricOnce: ScenarioRule {
  func problems(in part: DecodedPart) -> [FieldProblem] {
    guard case .metric(let path, let metric, let declared) = part,
      declared.contains(metric)
    else { return [] }
    return problem(path, "metric \"\(metric.rawValue)\" is declared twice")
  }
}
