import FenqiCredit
import FenqiRisk

extension ChunkState {
  /// Expected credit loss of every open loan at the period end, by arm and IFRS 9 stage.
  ///
  /// PD over 12 months and over the loan's remaining life (its remaining instalments plus the
  /// months to charge-off) from the loan's own monthly transitions under this period's macro
  /// stress (``DefaultProbability``); ECL = PD × LGD × EAD with EAD the outstanding principal.
  /// Stage 3 loans default with certainty.
  mutating func addProvisions(
    period: Int, macro: MacroTables, tables t: EngineTables
  ) {
    let stress = macro.stress(
      period: period, noise: t.factorNoise?[period], seed: t.seed)
    let lgd = macro.lossGivenDefault
    let k = macro.chargeOffMonths
    for j in 0..<loans.count {
      let a = Int(loans.arm[j])
      let d = loans.monthsPastDue[j]
      let stage = CreditStage(monthsPastDue: d)
      let ead = loans.principal[j]
      let sector =
        stress.sectorCumulative.isEmpty
        ? nil
        : RollStress.sector(
          seed: t.seed, customer: customers.firstIndex + Int(loans.customer[j]),
          ordinal: Int(loans.ordinal[j]), cumulative: stress.sectorCumulative)
      let (miss, roll, cure) = stress.apply(
        miss: Double(loans.missProbability[j]),
        roll: Double(loans.rollProbability[j]),
        cure: Double(loans.cureProbability[j]), segment: Int(loans.segment[j]),
        sector: sector)
      let life = Int(loans.remaining[j]) + k
      let pd12 =
        stage == .three
        ? 1
        : DefaultProbability.within(
          months: Swift.min(12, life), monthsPastDue: Int(d), miss: miss,
          cure: cure,
          roll: roll, chargeOffMonths: k)
      let pdLife =
        stage == .three
        ? 1
        : DefaultProbability.within(
          months: life, monthsPastDue: Int(d), miss: miss, cure: cure,
          roll: roll,
          chargeOffMonths: k)
      let s = stage.rawValue - 1
      counts[a].provisions.loans[s] += 1
      counts[a].provisions.exposure[s] += ead
      counts[a].provisions.twelveMonth[s] += pd12 * lgd * ead
      counts[a].provisions.lifetime[s] += pdLife * lgd * ead
    }
  }
}
