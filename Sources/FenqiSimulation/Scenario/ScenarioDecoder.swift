import FenqiCore
import FenqiCredit
import FenqiDecision
import FenqiMarketing
import FenqiPopulation
import FenqiRisk

/// Turns a parsed JSON document into a ``Scenario``, checking every field and collecting every
/// problem rather than stopping at the first.
struct ScenarioDecoder {
  /// The most segments a population may have (segment indices are one byte).
  static let maxSegments = 250

  let collector = ProblemCollector()

  /// Decodes the whole document; nil when any problem was found (see `collector.problems`).
  func decode(_ json: JSONValue) -> Scenario? {
    guard var root = JSONObjectReader(json, path: "$", collector: collector)
    else { return nil }
    let name = root.name()
    let description = root.string("description", default: "")
    let seed = root.number("seed", .integer(in: 0, 9_007_199_254_740_991))
    let periods = root.integer("periods", .integer(in: 1, 600))
    let startMonth = root.integer("startMonth", .integer(in: 1, 12), default: 1)
    let populationResult = root.object("population", required: true).flatMap {
      decodePopulation($0)
    }
    var seasonality: [Double]? = Array(repeating: 1, count: 12)
    if var demand = root.object("demand") {
      seasonality = demand.numbers(
        "seasonality", .nonNegative, count: 12,
        default: Array(repeating: 1, count: 12))
      demand.finish()
    }
    let choice = root.object("choice", required: true).flatMap {
      decodeChoice($0)
    }
    let repayment = root.object("repayment", required: true).flatMap {
      decodeRepayment($0)
    }
    var systematicFactor: Double? = 0
    var macroReader = root.object("macro")
    if var macro = macroReader {
      systematicFactor = macro.number(
        "systematicFactor", .within(-10, 10), default: 0)
      macroReader = macro
    }
    let defaultApproval = root.object("approval", required: true).flatMap {
      decodeApproval($0, fallback: nil)
    }
    var economics: Economics?
    if var e = root.object("economics", required: true) {
      economics = e.number("annualFundingRate", .fraction).map {
        Economics(annualFundingRate: $0)
      }
      e.finish()
    }
    var salt: String? = name
    if var a = root.object("assignment") {
      salt = a.string("salt", default: name ?? "")
      a.finish()
    }
    let segmentNames =
      populationResult?.0.segments.map(\.name) ?? []
    var channels: [Channel] = []
    var channelsOK = true
    if let elements = root.array("channels") {
      channels = decodeChannels(
        elements, segments: segmentNames, ok: &channelsOK)
    }
    var marketingSettings = (
      FatigueModel(), FestivalCalendar(), SocialGraph.Settings()
    )
    if let m = root.object("marketing") {
      if let decoded = decodeMarketingSettings(m) {
        marketingSettings = decoded
      } else {
        channelsOK = false
      }
    }
    var targeting: TargetingSettings?
    var targetingOK = true
    let hasTargeting = root.has("targeting")
    if let t = root.object("targeting") {
      targeting = decodeTargeting(t, channels: channels.map(\.name))
      targetingOK = targeting != nil
    }
    let offerNames = targeting?.offers.map(\.name) ?? []
    var arms: [Arm] = []
    var armsOK = true
    if let elements = root.array("arms", required: true, minimumCount: 1) {
      for (path, value) in elements {
        if let arm = decodeArm(
          value, path: path, defaultApproval: defaultApproval,
          channels: channels, segments: segmentNames, periods: periods,
          offers: offerNames)
        {
          arms.append(arm)
        } else {
          armsOK = false
        }
      }
      let allocations = elements.compactMap { e -> Double? in
        if case .number(let x) = e.value["allocation"] ?? .null, x >= 0, x <= 1
        {
          return x
        }
        return nil
      }
      checkArms(
        arms, path: root.childPath("arms"),
        allocations: !elements.isEmpty && allocations.count == elements.count
          ? allocations : nil)
    }
    var macroScenario: MacroScenario?
    if var macro = macroReader {
      macroScenario = decodeMacro(
        &macro, periods: periods, segments: segmentNames,
        channels: channels.map(\.name), ok: &channelsOK)
      macro.finish()
    }
    var riskStack: RiskStackSettings?
    var riskOK = true
    let hasStack = root.has("riskStack")
    if let stack = root.object("riskStack") {
      riskStack = decodeRiskStack(
        stack, lossGivenDefault: repayment?.lossGivenDefault)
      riskOK = riskStack != nil
    }
    for (k, arm) in arms.enumerated() where arm.targeting != nil {
      let path = "\(root.childPath("arms"))[\(k)].targeting"
      if !hasTargeting {
        collector.report(
          path,
          "a targeting policy needs a top-level \"targeting\" with its offers")
        targetingOK = false
      } else if !hasStack {
        collector.report(
          path,
          "a targeting policy needs a top-level \"riskStack\" (its models read the lender's features)"
        )
        targetingOK = false
      }
      if arm.marketing != nil {
        collector.report(
          path, "an arm with channels cannot also have a targeting policy")
        targetingOK = false
      }
    }
    if let t = targeting, let periods, t.pilotMonths >= periods {
      collector.report(
        root.childPath("targeting") + ".pilotMonths",
        "expected fewer pilot months than the horizon of \(periods)")
      targetingOK = false
    }
    for (k, arm) in arms.enumerated() where arm.risk != nil {
      let path = "\(root.childPath("arms"))[\(k)].risk"
      if !hasStack {
        collector.report(
          path, "an arm's risk policy needs a top-level \"riskStack\"")
        riskOK = false
      } else if let appetite = arm.risk?.riskAppetite,
        let levels = riskStack?.confidence, appetite.count != levels.count
      {
        collector.report(
          "\(path).riskAppetite",
          "expected \(levels.count) loss rates, one per calibration confidence level \(levels)"
        )
        riskOK = false
      }
    }
    var business: BusinessSettings?
    var businessOK = true
    if let b = root.object("business") {
      business = decodeBusiness(
        b, segments: populationResult?.0.segments ?? [], periods: periods)
      businessOK = business != nil
      if let k = arms.firstIndex(where: { $0.targeting != nil }) {
        collector.report(
          "\(root.childPath("arms"))[\(k)].targeting",
          "targeting policies cannot run with a \"business\" layer yet (their truth ignores merchant categories)"
        )
        businessOK = false
      }
    } else {
      for (g, segment) in (populationResult?.0.segments ?? []).enumerated()
      where segment.borrower == .firm {
        collector.report(
          "\(root.childPath("population")).segments[\(g)].borrower",
          "a firm segment needs a top-level \"business\" with \"firms\"")
        businessOK = false
      }
      for (k, arm) in arms.enumerated() {
        for (key, used) in [
          ("lines", arm.lines != nil), ("recourse", arm.recourse != nil),
        ] where used {
          collector.report(
            "\(root.childPath("arms"))[\(k)].\(key)",
            "an arm's \(key) needs a top-level \"business\" with its categories"
          )
          businessOK = false
        }
      }
    }
    var experiment: ExperimentSpec?
    var experimentOK = true
    if let e = root.object("experiment") {
      experiment = decodeExperiment(e, arms: arms)
      experimentOK = experiment != nil
    }
    root.finish()
    guard experimentOK, channelsOK, riskOK, targetingOK, businessOK,
      collector.problems.isEmpty,
      let name,
      let description,
      let seed,
      let periods, let startMonth,
      let (population, behaviours, hidden) = populationResult, let seasonality,
      let choice, let repayment,
      let systematicFactor, let economics, let salt, armsOK
    else { return nil }
    return Scenario(
      name: name, description: description, seed: UInt64(seed),
      periods: periods, startMonth: startMonth,
      population: population, behaviours: behaviours, hiddenSegments: hidden,
      seasonality: seasonality,
      choice: choice, repayment: repayment, systematicFactor: systematicFactor,
      economics: economics,
      assignmentSalt: salt, arms: arms, experiment: experiment,
      channels: channels, fatigue: marketingSettings.0,
      calendar: marketingSettings.1, socialGraph: marketingSettings.2,
      macro: macroScenario, riskStack: riskStack, targeting: targeting,
      business: business)
  }

  // MARK: population

  private func decodePopulation(_ reader: JSONObjectReader) -> (
    PopulationSpec, [SegmentBehaviour], [Bool]
  )? {
    var r = reader
    let size = r.integer("size", .integer(in: 1, 100_000_000))
    var defaults: [CustomerAttribute: Marginal.Kind] = [:]
    var ok = true
    if let attributes = r.object("attributes") {
      if let d = decodeAttributes(attributes) {
        defaults = d
      } else {
        ok = false
      }
    }
    var correlations: [(CustomerAttribute, CustomerAttribute, Double)] = []
    // Each unordered pair once: a second rho for the same pair would silently win.
    var pairPaths: [String: String] = [:]
    if let pairs = r.array("correlations") {
      for (path, value) in pairs {
        guard var p = JSONObjectReader(value, path: path, collector: collector)
        else {
          ok = false
          continue
        }
        let rho = p.number("rho", .between(-1, 1))
        var names: [CustomerAttribute] = []
        if let between = p.array("between", required: true) {
          if between.count != 2 {
            p.report(
              "between", "expected two attribute names, found \(between.count)")
          }
          for (ePath, e) in between {
            if case .string(let s) = e, let a = CustomerAttribute(name: s) {
              names.append(a)
            } else {
              collector.report(ePath, attributeNameMessage(e))
            }
          }
        }
        p.finish()
        if names.count == 2, names[0] == names[1] {
          p.report(
            "between",
            "expected two different attributes, found \"\(names[0].name)\" twice"
          )
        } else if names.count == 2, let rho {
          let key = [names[0].name, names[1].name].sorted().joined(
            separator: " and ")
          if let first = pairPaths[key] {
            p.report(
              "between",
              "expected each pair of attributes once, found \(key) again (first at \(first))"
            )
            ok = false
          } else {
            pairPaths[key] = path
            correlations.append((names[0], names[1], rho))
          }
        } else {
          ok = false
        }
      }
    }
    var segments: [SegmentProfile] = []
    var behaviours: [SegmentBehaviour] = []
    var hidden: [Bool] = []
    if let elements = r.array("segments", required: true, minimumCount: 1) {
      // Checked before any segment is decoded, so a huge list is refused at once.
      let tooMany = elements.count > Self.maxSegments
      if tooMany {
        r.report(
          "segments",
          "expected at most \(Self.maxSegments) segments, found \(elements.count)"
        )
        ok = false
      }
      var names: Set<String> = []
      for (path, value) in tooMany ? [] : elements {
        guard var s = JSONObjectReader(value, path: path, collector: collector)
        else {
          ok = false
          continue
        }
        let name = s.name()
        if let name, !names.insert(name).inserted {
          s.report("name", "duplicate segment name \"\(name)\"")
        }
        let share = s.number("share", .fraction)
        let isHidden = s.bool("hidden", default: false)
        let borrower = s.string(
          "borrower", default: BorrowerKind.person.name,
          allowed: BorrowerKind.allCases.map(\.name))
        var overrides = defaults
        if let a = s.object("attributes") {
          if let d = decodeAttributes(a) {
            overrides.merge(d) { $1 }
          } else {
            ok = false
          }
        }
        let behaviour = s.object("behaviour", required: true).flatMap {
          decodeBehaviour($0)
        }
        s.finish()
        if let name, let share, let behaviour, let isHidden, let borrower {
          segments.append(
            SegmentProfile(
              name: name, share: share, marginals: overrides,
              borrower: borrower == "firm" ? .firm : .person))
          behaviours.append(behaviour)
          hidden.append(isHidden)
        } else {
          ok = false
        }
      }
      if ok, segments.count == elements.count {
        let total = segments.reduce(0) { $0 + $1.share }
        if abs(total - 1) > 1e-9 {
          r.report(
            "segments",
            "expected segment shares that sum to 1, found \(JSONWriter.format((total * 1e9).rounded() / 1e9))"
          )
        }
      }
    }
    r.finish()
    guard ok, let size, !segments.isEmpty else { return nil }
    let spec = PopulationSpec(
      size: size, segments: segments, correlations: correlations)
    do {
      _ = try GaussianCopula(
        correlation: spec.correlation,
        dimension: CustomerAttribute.allCases.count)
    } catch {
      var location = ""
      if case .notPositiveDefinite(let order) = error {
        location =
          " (the conflict shows at \(CustomerAttribute.allCases[order - 1].name))"
      }
      collector.report(
        r.childPath("correlations"),
        "expected correlations that can hold together (a positive-definite matrix); these contradict each other\(location)"
      )
      return nil
    }
    return (spec, behaviours, hidden)
  }

  private func attributeNameMessage(_ value: JSONValue) -> String {
    let names = CustomerAttribute.allCases.map(\.name)
    var message = "expected an attribute name, found \(value.shortDescription)"
    if case .string(let s) = value,
      let hint = Suggestion.nearest(to: s, among: names)
    {
      message += "; did you mean \"\(hint)\"?"
    }
    return message
  }

  private func decodeAttributes(_ reader: JSONObjectReader)
    -> [CustomerAttribute: Marginal.Kind]?
  {
    var r = reader
    var out: [CustomerAttribute: Marginal.Kind] = [:]
    var ok = true
    for attribute in CustomerAttribute.allCases {
      guard let v = r.value(attribute.name) else { continue }
      if let kind = decodeMarginal(
        v, path: r.childPath(attribute.name), attribute: attribute)
      {
        out[attribute] = kind
      } else {
        ok = false
      }
    }
    r.finish()
    return ok ? out : nil
  }

  private func decodeMarginal(
    _ value: JSONValue, path: String, attribute: CustomerAttribute
  ) -> Marginal.Kind? {
    guard var m = JSONObjectReader(value, path: path, collector: collector)
    else { return nil }
    let kinds =
      attribute.isCategorical
      ? ["categorical"] : ["normal", "logNormal", "uniform", "beta", "poisson"]
    guard let kind = m.string("kind", allowed: kinds) else { return nil }
    var result: Marginal.Kind?
    switch kind {
    case "normal":
      if let mean = m.number("mean", .any), let sd = m.number("sd", .positive) {
        result = .normal(mean: mean, standardDeviation: sd)
      }
    case "logNormal":
      if let median = m.number("median", .positive),
        let sigma = m.number("sigma", .positive)
      {
        result = .logNormal(median: median, sigma: sigma)
      }
    case "uniform":
      let lo = m.number("min", .any)
      let hi = m.number("max", .any)
      if let lo, let hi {
        if hi > lo {
          result = .uniform(minimum: lo, maximum: hi)
        } else {
          m.report(
            "max",
            "expected a number > min (\(JSONWriter.format(lo))), found \(JSONWriter.format(hi))"
          )
        }
      }
    case "beta":
      let a = m.number("alpha", .positive)
      let b = m.number("beta", .positive)
      let lo = m.number("min", .any, default: 0)
      let hi = m.number("max", .any, default: 1)
      if let a, let b, let lo, let hi {
        if hi > lo {
          result = .beta(alpha: a, beta: b, minimum: lo, maximum: hi)
        } else {
          m.report(
            "max",
            "expected a number > min (\(JSONWriter.format(lo))), found \(JSONWriter.format(hi))"
          )
        }
      }
    case "poisson":
      if let mean = m.number("mean", .within(0, 50)) {
        result = .poisson(mean: mean)
      }
    default:
      let count = attribute.categoryNames.count
      if let p = m.numbers("probabilities", .fraction, count: count) {
        let total = p.reduce(0, +)
        if abs(total - 1) > 1e-9 {
          m.report(
            "probabilities",
            "expected probabilities that sum to 1, found \(JSONWriter.format((total * 1e9).rounded() / 1e9))"
          )
        } else {
          result = .categorical(probabilities: p)
        }
      }
    }
    m.finish()
    return result
  }

  private func decodeBehaviour(_ reader: JSONObjectReader) -> SegmentBehaviour?
  {
    var r = reader
    let need = r.number("needRate", .fraction)
    let median = r.number("priceMedian", .positive)
    let sigma = r.number("priceSigma", .within(0, 3), default: 0.8)
    let split = r.number("splitOffset", .within(-20, 20), default: 0)
    let miss = r.number("missOffset", .within(-20, 20), default: 0)
    let roll = r.number("rollOffset", .within(-20, 20), default: 0)
    let cure = r.number("cureProbability", .fraction, default: 0.3)
    let prepay = r.number("prepaymentRate", .fraction, default: 0)
    let elasticity = r.number(
      "priceIncomeElasticity", .within(-3, 3), default: 0)
    let heterogeneity = r.number("needHeterogeneity", .within(0, 3), default: 0)
    r.finish()
    guard let need, let median, let sigma, let split, let miss, let roll,
      let cure, let prepay, let elasticity, let heterogeneity
    else { return nil }
    return SegmentBehaviour(
      needRate: need, priceMedian: median, priceSigma: sigma,
      splitOffset: split,
      missOffset: miss, rollOffset: roll, cureProbability: cure,
      prepaymentRate: prepay, priceIncomeElasticity: elasticity,
      needHeterogeneity: heterogeneity)
  }

  // MARK: behaviour models

  private func decodeChoice(_ reader: JSONObjectReader) -> ChoiceModel? {
    var r = reader
    var split: SplitUtility?
    if var s = r.object("split", required: true) {
      let c = (
        s.number("intercept", .any),
        s.number("priceToIncome", .any, default: 0),
        s.number("instalmentToIncome", .any, default: 0),
        s.number("annualRate", .any, default: 0),
        s.number("interestFreePeriods", .any, default: 0),
        s.number("digitalAffinity", .any, default: 0),
        s.number("priceSensitivityRate", .any, default: 0)
      )
      s.finish()
      if let a = c.0, let b = c.1, let d = c.2, let e = c.3, let f = c.4,
        let g = c.5, let h = c.6
      {
        split = SplitUtility(
          intercept: a, priceToIncome: b, instalmentToIncome: d, annualRate: e,
          interestFreePeriods: f, digitalAffinity: g, priceSensitivityRate: h)
      }
    }
    var full: PayInFullUtility?
    var fullOK = true
    if let v = r.value("payInFull"), v != .null {
      if var p = JSONObjectReader(
        v, path: r.childPath("payInFull"), collector: collector)
      {
        let a = p.number("intercept", .any)
        let b = p.number("priceToIncome", .any, default: 0)
        p.finish()
        if let a, let b {
          full = PayInFullUtility(intercept: a, priceToIncome: b)
        } else {
          fullOK = false
        }
      } else {
        fullOK = false
      }
    }
    r.finish()
    guard let split, fullOK else { return nil }
    return ChoiceModel(split: split, payInFull: full)
  }

  private func decodeRepayment(_ reader: JSONObjectReader) -> RepaymentSettings?
  {
    var r = reader
    var missTerms: (Double, Double, Double, Double)?
    if var m = r.object("miss", required: true) {
      let v = (
        m.number("intercept", .within(-30, 30)),
        m.number("latentRisk", .within(-30, 30), default: 0),
        m.number("burden", .within(-100, 100), default: 0),
        m.number("macro", .within(-30, 30), default: 0)
      )
      m.finish()
      if let a = v.0, let b = v.1, let c = v.2, let d = v.3 {
        missTerms = (a, b, c, d)
      }
    }
    var rollTerms: (Double, Double, Double)?
    if var m = r.object("roll", required: true) {
      let v = (
        m.number("intercept", .within(-30, 30)),
        m.number("latentRisk", .within(-30, 30), default: 0),
        m.number("macro", .within(-30, 30), default: 0)
      )
      m.finish()
      if let a = v.0, let b = v.1, let c = v.2 { rollTerms = (a, b, c) }
    }
    let days = r.integer(
      "chargeOffDaysPastDue",
      .integer(oneOf: DelinquencyStateMachine.allowedChargeOffDays),
      default: 180)
    let lgd = r.number("lossGivenDefault", .fraction)
    let lag = r.integer("recoveryLagMonths", .integer(in: 0, 60), default: 3)
    r.finish()
    guard let missTerms, let rollTerms, let days, let lgd, let lag else {
      return nil
    }
    let hazard = RepaymentHazard(
      missIntercept: missTerms.0, missLatentRisk: missTerms.1,
      missBurden: missTerms.2, missMacro: missTerms.3,
      rollIntercept: rollTerms.0, rollLatentRisk: rollTerms.1,
      rollMacro: rollTerms.2)
    return RepaymentSettings(
      hazard: hazard, chargeOffDaysPastDue: days, lossGivenDefault: lgd,
      recoveryLagMonths: lag)
  }

  private func decodeApproval(
    _ reader: JSONObjectReader, fallback: ApprovalRule?
  ) -> ApprovalRule? {
    var r = reader
    let score = r.number(
      "minimumCreditScore", .within(0, 1000),
      default: fallback?.minimumCreditScore)
    let open = r.integer(
      "maxOpenLoans", .integer(in: 1, 20), default: fallback?.maxOpenLoans ?? 1)
    var dti: Double?? = .some(fallback?.maxDebtToIncome)
    if let v = r.value("maxDebtToIncome"), v != .null {
      if case .number(let x) = v, x > 0, x <= 5 {
        dti = .some(x)
      } else {
        r.report(
          "maxDebtToIncome",
          "expected a number in (0, 5] or null, found \(v.shortDescription)")
        dti = .none
      }
    }
    r.finish()
    guard let score, let open, let dti else { return nil }
    return ApprovalRule(
      minimumCreditScore: score, maxOpenLoans: open, maxDebtToIncome: dti)
  }

  // MARK: experiment

  private func decodeExperiment(_ reader: JSONObjectReader, arms: [Arm])
    -> ExperimentSpec?
  {
    var r = reader
    let mode = r.string(
      "mode", default: "split",
      allowed: ExperimentSpec.Mode.allCases.map(\.rawValue))
    let names = arms.map(\.name)
    var control: Int?
    if let name = r.string("control", default: names.first) {
      control = names.firstIndex(of: name)
      if control == nil && !names.isEmpty {
        var message =
          "expected the name of an arm (\(names.map { "\"\($0)\"" }.joined(separator: ", "))), found \"\(name)\""
        if let hint = Suggestion.nearest(to: name, among: names) {
          message += "; did you mean \"\(hint)\"?"
        }
        r.report("control", message)
      }
    }
    let alpha = r.number("alpha", .between(0, 1), default: 0.05)
    let stratify = r.bool("stratifyBySegment", default: false)
    let pre = r.integer("prePeriods", .integer(in: 0, 24), default: 0)
    var cluster: Int?? = .some(nil)
    if r.has("clusterSize") {
      let powers = (1...12).map { 1 << $0 }
      cluster = .some(r.integer("clusterSize", .integer(oneOf: powers)))
      if case .some(nil) = cluster { cluster = .none }
    } else {
      _ = r.value("clusterSize")
    }
    if case .some(.some) = cluster, stratify == true {
      r.report(
        "clusterSize",
        "expected either clusterSize or stratifyBySegment, found both")
      cluster = .none
    }
    var mixing: Double?? = .some(nil)
    if let s = r.object("sequential") {
      var sr = s
      mixing = .some(sr.number("relativeEffect", .within(0.0001, 10)))
      sr.finish()
      if case .some(nil) = mixing { mixing = .none }
    }
    var metrics: [ExperimentSpec.Metric] = []
    var metricsOK = true
    let allowed = OutcomeMetric.allCases.map(\.rawValue)
    if let elements = r.array("metrics", required: true, minimumCount: 1) {
      for (path, value) in elements {
        guard var m = JSONObjectReader(value, path: path, collector: collector)
        else {
          metricsOK = false
          continue
        }
        let name = m.string("name", allowed: allowed)
        var maxIncrease: Double?? = .some(nil)
        if m.has("guardrail") {
          if var g = m.object("guardrail") {
            maxIncrease = .some(g.number("maxIncrease", .nonNegative))
            g.finish()
            if case .some(nil) = maxIncrease { maxIncrease = .none }
          } else {
            maxIncrease = .none
          }
        }
        m.finish()
        if let name, let metric = OutcomeMetric(rawValue: name), let maxIncrease
        {
          if metrics.contains(where: { $0.metric == metric }) {
            collector.report(
              path + ".name", "metric \"\(name)\" is declared twice")
            metricsOK = false
          }
          metrics.append(
            ExperimentSpec.Metric(metric: metric, maxIncrease: maxIncrease))
        } else {
          metricsOK = false
        }
      }
    }
    if arms.count < 2 {
      r.report(
        "metrics", "an experiment needs at least two arms, found \(arms.count)")
    }
    r.finish()
    guard metricsOK, let mode, let m = ExperimentSpec.Mode(rawValue: mode),
      let control, let alpha, let stratify, let pre,
      let mixing, let cluster, arms.count >= 2
    else { return nil }
    return ExperimentSpec(
      mode: m, control: control, alpha: alpha, metrics: metrics,
      stratifyBySegment: stratify, clusterSize: cluster, prePeriods: pre,
      sequentialRelativeEffect: mixing)
  }

  // MARK: arms

  private func decodeArm(
    _ value: JSONValue, path: String, defaultApproval: ApprovalRule?,
    channels: [Channel], segments: [String], periods: Int?, offers: [String]
  ) -> Arm? {
    guard var r = JSONObjectReader(value, path: path, collector: collector)
    else { return nil }
    let name = r.name()
    let allocation = r.number("allocation", .fraction)
    // With channels or a targeting policy, contacts come from them; reachRate is for the generic
    // channel.
    let reach = r.number(
      "reachRate", .fraction,
      default: r.has("channels") || r.has("targeting") ? 0 : nil)
    let cost = r.number("costPerContact", .within(0, 10_000), default: 0)
    let offer = r.object("offer", required: true).flatMap { decodeOffer($0) }
    var approval = defaultApproval
    if let a = r.object("approval") {
      approval = decodeApproval(a, fallback: defaultApproval)
    }
    var marketingOK = true
    // Campaigns, points and segment strategies reach customers through the channel mix.
    if channels.isEmpty {
      for key in ["channels", "campaign", "points", "segmentStrategies"]
      where r.has(key) {
        r.report(
          key,
          "the scenario defines no channels (add a top-level \"channels\" array); "
            + "an arm's \(key) reaches customers through them")
        marketingOK = false
      }
    }
    let marketing = decodeArmMarketing(
      &r, channels: channels, segments: segments, offer: offer,
      periods: periods,
      ok: &marketingOK)
    var risk: ArmRiskPolicy?
    if let policy = r.object("risk") {
      risk = decodeArmRisk(policy, periods: periods)
      if risk == nil { marketingOK = false }
    }
    var targeting: ArmTargeting?
    if let policy = r.object("targeting") {
      targeting = decodeArmTargeting(policy, offers: offers, segments: segments)
      if targeting == nil { marketingOK = false }
    }
    var lines: LineManagement?
    if let policy = r.object("lines") {
      lines = decodeLines(policy)
      if lines == nil { marketingOK = false }
    }
    var recourse: RecourseTerms?
    if let terms = r.object("recourse") {
      recourse = decodeRecourse(terms)
      if recourse == nil { marketingOK = false }
    }
    r.finish()
    guard let name, let allocation, let reach, let cost, let offer,
      let approval,
      marketingOK
    else { return nil }
    return Arm(
      name: name, allocation: allocation, reachRate: reach,
      costPerContact: cost, offer: offer, approval: approval,
      marketing: marketing, risk: risk, targeting: targeting, lines: lines,
      recourse: recourse)
  }

  func decodeOffer(_ reader: JSONObjectReader) -> InstalmentProduct? {
    var r = reader
    let term = r.integer(
      "termMonths", .integer(oneOf: InstalmentProduct.allowedTerms))
    var pricing: InstalmentProduct.Pricing?
    if var p = r.object("pricing", required: true) {
      let kind = p.string("kind", allowed: ["annualRate", "flatMonthlyFee"])
      if kind == "annualRate", let rate = p.number("rate", .within(0, 1)) {
        pricing = .annualRate(rate)
      }
      if kind == "flatMonthlyFee", let rate = p.number("rate", .within(0, 0.1))
      {
        pricing = .flatMonthlyFee(rate)
      }
      if kind == nil { _ = p.value("rate") }
      p.finish()
    }
    let free = r.integer("interestFreePeriods", .integer(in: 0, 24), default: 0)
    let funder = r.string(
      "interestFreeFundedBy", default: "lender",
      allowed: InstalmentProduct.SubsidyFunder.allCases.map(\.rawValue))
    r.finish()
    if let term, let free, free > term {
      r.report(
        "interestFreePeriods",
        "expected at most termMonths (\(term)) interest-free periods, found \(free)"
      )
      return nil
    }
    guard let term, let pricing, let free, let funder,
      let f = InstalmentProduct.SubsidyFunder(rawValue: funder)
    else { return nil }
    return InstalmentProduct(
      termMonths: term, pricing: pricing, interestFreePeriods: free,
      subsidyFunder: f)
  }

  private func checkArms(_ arms: [Arm], path: String, allocations: [Double]?) {
    if arms.count > 64 {
      collector.report(path, "expected at most 64 arms, found \(arms.count)")
    }
    var names: Set<String> = []
    for (i, arm) in arms.enumerated() where !names.insert(arm.name).inserted {
      collector.report(
        "\(path)[\(i)].name", "duplicate arm name \"\(arm.name)\"")
    }
    guard let allocations else { return }
    let total = allocations.reduce(0, +)
    if abs(total - 1) > 1e-9 {
      collector.report(
        path,
        "expected arm allocations that sum to 1, found \(JSONWriter.format((total * 1e9).rounded() / 1e9))"
      )
    }
  }
}
