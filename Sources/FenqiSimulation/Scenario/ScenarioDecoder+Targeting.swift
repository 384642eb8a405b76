import FenqiCore
import FenqiModels

/// Decoding of `targeting` (offers and pilot) and each arm's `targeting` policy.
extension ScenarioDecoder {
  /// The most offers a targeting policy chooses among.
  static let maxTargetingOffers = 8

  /// The scenario's `targeting`.
  func decodeTargeting(_ reader: JSONObjectReader, channels: [String])
    -> TargetingSettings?
  {
    var r = reader
    var fields = DecodedFields()
    var offers: [TargetingOffer] = []
    if let elements = r.array("offers", required: true, minimumCount: 1) {
      var names = Set<String>()
      for (path, value) in elements {
        fields.take(decodeTargetingOffer(value, path, channels, &names)) {
          offers.append($0)
        }
      }
      if elements.count > Self.maxTargetingOffers {
        r.report(
          "offers",
          "expected at most \(Self.maxTargetingOffers) offers, found \(elements.count)"
        )
        fields.require(false)
      }
    } else {
      fields.require(false)
    }
    var s = TargetingSettings(offers: offers)
    fields.integer(
      &r, "pilotMonths", .integer(in: 2, 24), into: &s, \.pilotMonths)
    fields.number(
      &r, "pilotContactShare", .within(0.05, 0.95), into: &s,
      \.pilotContactShare)
    fields.number(
      &r, "organicSplitOffset", .within(-20, 5), into: &s,
      \.organicSplitOffset)
    fields.number(
      &r, "organicDigitalAffinity", .within(-20, 20), into: &s,
      \.organicDigitalAffinity)
    fields.integer(
      &r, "evaluationParts", .integer(in: 2, 200), into: &s, \.evaluationParts)
    r.finish()
    return fields.ok ? s : nil
  }

  /// One of `targeting.offers`, its name added to `names`; nil after reporting its problems.
  private func decodeTargetingOffer(
    _ value: JSONValue, _ path: String, _ channels: [String],
    _ names: inout Set<String>
  ) -> TargetingOffer? {
    guard var o = JSONObjectReader(value, path: path, collector: collector)
    else { return nil }
    var fields = DecodedFields()
    let name = fields.name(&o)
    let discount = fields.number(&o, "discount", .within(0, 0.9), default: 0)
    var channel: Int?
    if o.has("channel") {
      channel = fields.string(
        &o, "channel", allowed: channels, allowedAreNames: true
      ).flatMap {
        channels.firstIndex(of: $0)
      }
    }
    // The offer's own fields sit beside these; decodeOffer finishes the object.
    let product = fields.take(decodeOffer(o))
    if let name {
      fields.require(
        check(
          .name(path: o.childPath("name"), noun: "offer", name, taken: names)))
      names.insert(name)
    }
    guard fields.ok, let name, let discount, let product else { return nil }
    var offer = TargetingOffer(name: name, product: product, discount: discount)
    offer.channel = channel
    return offer
  }

  /// An arm's `targeting` policy, with offers and segments to resolve names against.
  func decodeArmTargeting(
    _ reader: JSONObjectReader, offers: [String], segments: [String]
  ) -> ArmTargeting? {
    var r = reader
    var fields = DecodedFields()
    let policy = fields.choice(&r, "policy", ArmTargeting.Policy.self)
    let budget = fields.number(&r, "budget", .within(0.001, 1))
    let learner = fields.choice(
      &r, "learner", UpliftModel.Learner.self, default: .t)
    // The pairs and weights on their own: a rule policy without pairs is only reported when they
    // are valid.
    var pairs = DecodedFields()
    var rule: [Int: Int] = [:]
    if let v = r.value("ruleOffers") {
      if case .object(let members) = v {
        for (segment, offer) in members {
          let path = r.childPath("ruleOffers") + "." + segment
          guard
            check(
              .ruleOffer(
                path: path, segment: segment, offer: offer, segments: segments,
                offers: offers)),
            let g = segments.firstIndex(of: segment),
            case .string(let name) = offer,
            let o = offers.firstIndex(of: name)
          else {
            pairs.require(false)
            continue
          }
          rule[g] = o
        }
      } else {
        r.report(
          "ruleOffers",
          "expected an object {segment: offer name}, found \(v.shortDescription)"
        )
        pairs.require(false)
      }
    }
    var t = ArmTargeting(policy: policy ?? .random, budget: budget ?? 1)
    if var w = r.object("weights") {
      pairs.number(
        &w, "conversion", .within(0, 1000), into: &t, \.weights.conversion)
      pairs.number(
        &w, "repayment", .within(0, 1000), into: &t, \.weights.repayment)
      pairs.number(
        &w, "orderValue", .within(0, 1000), into: &t, \.weights.orderValue)
      pairs.number(&w, "loss", .within(0, 1000), into: &t, \.weights.loss)
      pairs.number(&w, "cost", .within(0, 1000), into: &t, \.weights.cost)
      w.finish()
    }
    if let policy, pairs.ok {
      pairs.require(
        check(
          .rulePolicy(
            path: r.childPath("ruleOffers"), policy, pairs: rule.count)))
    }
    r.finish()
    guard fields.ok, pairs.ok, let learner else { return nil }
    t.learner = learner
    t.ruleOffers = rule
    return t
  }
}
