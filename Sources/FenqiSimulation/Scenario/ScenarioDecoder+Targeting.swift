import FenqiCore
import FenqiModels

/// Decoding of `targeting` (offers and pilot) and each arm's `targeting` policy.
extension ScenarioDecoder {
  /// The scenario's `targeting`.
  func decodeTargeting(_ reader: JSONObjectReader, channels: [String])
    -> TargetingSettings?
  {
    var r = reader
    var offers: [TargetingOffer] = []
    var ok = true
    if let elements = r.array("offers", required: true, minimumCount: 1) {
      var names = Set<String>()
      for (path, value) in elements {
        guard var o = JSONObjectReader(value, path: path, collector: collector)
        else {
          ok = false
          continue
        }
        let name = o.name()
        let discount = o.number("discount", .within(0, 0.9), default: 0)
        var channel: Int?? = .some(nil)
        if o.has("channel") {
          channel = o.string("channel", allowed: channels).map {
            channels.firstIndex(of: $0)
          }
        }
        let product = decodeOffer(o)
        if let name, !names.insert(name).inserted {
          collector.report(path + ".name", "duplicate offer name \"\(name)\"")
          ok = false
        }
        if let name, let discount, let product, let channel {
          var offer = TargetingOffer(
            name: name, product: product, discount: discount)
          offer.channel = channel
          offers.append(offer)
        } else {
          ok = false
        }
      }
      if elements.count > 8 {
        r.report("offers", "expected at most 8 offers, found \(elements.count)")
        ok = false
      }
    } else {
      ok = false
    }
    var s = TargetingSettings(offers: offers)
    if let m = r.integer(
      "pilotMonths", .integer(in: 2, 24), default: s.pilotMonths)
    {
      s.pilotMonths = m
    } else {
      ok = false
    }
    if let x = r.number(
      "pilotContactShare", .within(0.05, 0.95), default: s.pilotContactShare)
    {
      s.pilotContactShare = x
    } else {
      ok = false
    }
    if let x = r.number(
      "organicSplitOffset", .within(-20, 5), default: s.organicSplitOffset)
    {
      s.organicSplitOffset = x
    } else {
      ok = false
    }
    if let x = r.number(
      "organicDigitalAffinity", .within(-20, 20),
      default: s.organicDigitalAffinity)
    {
      s.organicDigitalAffinity = x
    } else {
      ok = false
    }
    if let x = r.integer(
      "evaluationParts", .integer(in: 2, 200), default: s.evaluationParts)
    {
      s.evaluationParts = x
    } else {
      ok = false
    }
    r.finish()
    return ok ? s : nil
  }

  /// An arm's `targeting` policy, with offers and segments to resolve names against.
  func decodeArmTargeting(
    _ reader: JSONObjectReader, offers: [String], segments: [String]
  ) -> ArmTargeting? {
    var r = reader
    let policy = r.string(
      "policy", allowed: ArmTargeting.Policy.allCases.map(\.rawValue)
    ).flatMap(ArmTargeting.Policy.init(rawValue:))
    let budget = r.number("budget", .within(0.001, 1))
    let learner = r.string(
      "learner", default: "t",
      allowed: UpliftModel.Learner.allCases.map(\.rawValue)
    ).flatMap(UpliftModel.Learner.init(rawValue:))
    var ok = true
    var rule: [Int: Int] = [:]
    if let v = r.value("ruleOffers") {
      if case .object(let members) = v {
        for (segment, offer) in members {
          let path = r.childPath("ruleOffers") + "." + segment
          guard let g = segments.firstIndex(of: segment) else {
            collector.report(
              path,
              "unknown segment \"\(segment)\"; expected one of \(segments.joined(separator: ", "))"
            )
            ok = false
            continue
          }
          guard case .string(let name) = offer,
            let o = offers.firstIndex(of: name)
          else {
            collector.report(
              path,
              "expected the name of a targeting offer (\(offers.joined(separator: ", "))), found \(offer.shortDescription)"
            )
            ok = false
            continue
          }
          rule[g] = o
        }
      } else {
        r.report(
          "ruleOffers",
          "expected an object {segment: offer name}, found \(v.shortDescription)"
        )
        ok = false
      }
    }
    var weights = ArmTargeting.Weights()
    if var w = r.object("weights") {
      let values = [
        ("conversion", \ArmTargeting.Weights.conversion),
        ("repayment", \ArmTargeting.Weights.repayment),
        ("orderValue", \ArmTargeting.Weights.orderValue),
        ("loss", \ArmTargeting.Weights.loss),
        ("cost", \ArmTargeting.Weights.cost),
      ]
      for (key, path) in values {
        if let x = w.number(
          key, .within(0, 1000), default: weights[keyPath: path])
        {
          weights[keyPath: path] = x
        } else {
          ok = false
        }
      }
      w.finish()
    }
    if policy == .rule, rule.isEmpty, ok {
      r.report("ruleOffers", "a rule policy needs {segment: offer name} pairs")
      ok = false
    }
    r.finish()
    guard ok, let policy, let budget, let learner else { return nil }
    var t = ArmTargeting(policy: policy, budget: budget)
    t.learner = learner
    t.ruleOffers = rule
    t.weights = weights
    return t
  }
}
