import FenqiCore
import FenqiCredit

/// Turns a parsed JSON document into a ``Scenario``, checking every field and collecting every
/// problem rather than stopping at the first.
///
/// Sections are read in a fixed order, each by its own `decodeX` function, which checks each
/// field where it reads it (type, range, allowed names) through ``DecodedFields``. Whatever relates
/// two or more fields or sections is a ``ScenarioRule`` in ``ScenarioRules``, run by ``check(_:)``
/// as soon as the values it reads are decoded, and only on values that decoded.
struct ScenarioDecoder {
  /// Where every problem goes.
  let collector = ProblemCollector()
  /// Every offer decoded, with its path, for the rules that relate offers to the scenario.
  let offers = DecodedOffers()
  /// The folder files named in the scenario (`population.fromSample.file`) are relative to: the
  /// scenario file's folder ("" for the working directory).
  var baseDirectory = ""

  /// Decodes the whole document; nil when any problem was found (see `collector.problems`).
  func decode(_ json: JSONValue) -> Scenario? {
    guard var root = JSONObjectReader(json, path: "$", collector: collector)
    else { return nil }
    var parts = ScenarioParts()
    // `macro` is read in two steps: its constant factor here, its path once channels are known.
    let macro = decodeFoundation(&root, into: &parts)
    decodeChannelsAndTargeting(&root, into: &parts)
    parts.arms = decodeArms(&root, parts)
    if var m = macro {
      parts.macro = decodeMacro(&m, parts)
      m.finish()
    }
    let lossGivenDefault = parts.repayment?.lossGivenDefault
    parts.riskStack = section(&root, "riskStack") {
      decodeRiskStack($0, lossGivenDefault: lossGivenDefault)
    }
    checkEachArm(parts, DecodedPart.armTargeting)
    check(.sections(parts))
    if let cap = parts.economics?.aprCap {
      for (path, product) in offers.list {
        check(.offerUnderCap(path: path, product, cap: cap))
      }
    }
    checkEachArm(parts, DecodedPart.armRisk)
    let (segments, periods) = (parts.population?.spec.segments, parts.periods)
    parts.business = section(&root, "business") {
      decodeBusiness($0, segments: segments ?? [], periods: periods)
    }
    check(.business(parts))
    checkEachArm(parts, DecodedPart.armBusinessTerms)
    let decoded = parts
    parts.experiment = section(&root, "experiment") {
      decodeExperiment($0, decoded)
    }
    let layers = decoded.seasoningBlockers
    parts.seasoning = section(&root, "seasoning") {
      decodeSeasoning($0, blockers: layers)
    }
    parts.horizon = section(&root, "horizon") { decodeHorizon($0) }
    root.finish()
    guard collector.problems.isEmpty else { return nil }
    return parts.scenario()
  }

  /// Reports the problems every rule of ``ScenarioRules/all`` finds in `part`, in the list's
  /// order.
  ///
  /// - Returns: whether no rule found one.
  @discardableResult
  func check(_ part: DecodedPart) -> Bool {
    var clean = true
    for rule in ScenarioRules.all {
      for problem in rule.problems(in: part) {
        collector.report(problem.path, problem.message)
        clean = false
      }
    }
    return clean
  }

  /// Runs ``check(_:)`` on each valid arm, in order, as the part `part` makes of it.
  private func checkEachArm(
    _ parts: ScenarioParts, _ part: (ArmInScenario) -> DecodedPart
  ) {
    for (index, arm) in parts.decodedArms {
      check(part(ArmInScenario(index: index, arm: arm, parts: parts)))
    }
  }

  /// Optional object `key` decoded by `decode`.
  private func section<T>(
    _ r: inout JSONObjectReader, _ key: String,
    _ decode: (JSONObjectReader) -> T?
  ) -> OptionalSection<T> {
    guard r.has(key) else {
      _ = r.value(key)
      return .absent
    }
    guard let reader = r.object(key), let value = decode(reader) else {
      return .invalid
    }
    return .valid(value)
  }

  /// The fields before the channels: name to `assignment`; returns the `macro` object, whose
  /// `systematicFactor` is read.
  private func decodeFoundation(
    _ root: inout JSONObjectReader, into parts: inout ScenarioParts
  ) -> JSONObjectReader? {
    var fields = DecodedFields()
    parts.name = fields.name(&root)
    parts.description = fields.string(&root, "description", default: "")
    parts.seed = fields.number(
      &root, "seed", .integer(in: 0, 9_007_199_254_740_991))
    parts.periods = fields.integer(&root, "periods", .integer(in: 1, 600))
    parts.startMonth = fields.integer(
      &root, "startMonth", .integer(in: 1, 12), default: 1)
    parts.population = fields.object(
      &root, "population", required: true, decodePopulation)
    if var demand = root.object("demand") {
      parts.seasonality = fields.numbers(
        &demand, "seasonality", .nonNegative, count: 12,
        default: Array(repeating: 1, count: 12))
      demand.finish()
    }
    parts.choice = fields.object(
      &root, "choice", required: true, decodeChoice)
    parts.repayment = fields.object(
      &root, "repayment", required: true, decodeRepayment)
    var macro = root.object("macro")
    if var m = macro {
      parts.systematicFactor = fields.number(
        &m, "systematicFactor", .within(-10, 10), default: 0)
      macro = m
    }
    parts.approval = fields.object(&root, "approval", required: true) {
      decodeApproval($0, nil)
    }
    if var e = root.object("economics", required: true) {
      let cap =
        e.has("aprCap") ? fields.number(&e, "aprCap", .within(0.01, 10)) : nil
      parts.economics = fields.number(&e, "annualFundingRate", .fraction).map {
        Economics(annualFundingRate: $0, aprCap: cap)
      }
      e.finish()
    }
    parts.salt = parts.name
    if var a = root.object("assignment") {
      parts.salt = fields.string(&a, "salt", default: parts.name ?? "")
      a.finish()
    }
    return macro
  }

  /// `channels`, `marketing` and `targeting`.
  private func decodeChannelsAndTargeting(
    _ root: inout JSONObjectReader, into parts: inout ScenarioParts
  ) {
    if let elements = root.array("channels") {
      parts.channels = decodeChannels(
        elements, path: root.childPath("channels"),
        segments: parts.segmentNames)
    }
    if let m = root.object("marketing") {
      parts.marketing = decodeMarketingSettings(m)
    }
    let channels = parts.channels.map(\.name)
    parts.targeting = section(&root, "targeting") {
      decodeTargeting($0, channels: channels)
    }
  }
}

/// The offers a decoder has read, with their paths (a reference, so the decoder's section
/// functions can add to it).
final class DecodedOffers {
  /// (path, offer), in decoding order.
  var list: [(path: String, product: InstalmentProduct)] = []
}
