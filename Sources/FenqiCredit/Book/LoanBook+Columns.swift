/// Base addresses of every loan column, valid inside ``LoanBook/withColumns(_:)`` only.
struct LoanColumnPointers {
    let customer: UnsafeMutablePointer<UInt32>
    let ordinal: UnsafeMutablePointer<UInt16>
    let arm: UnsafeMutablePointer<UInt8>
    let monthsPastDue: UnsafeMutablePointer<UInt8>
    let remaining: UnsafeMutablePointer<UInt8>
    let term: UnsafeMutablePointer<UInt8>
    let interestFreePeriods: UnsafeMutablePointer<UInt8>
    let bookedPeriod: UnsafeMutablePointer<UInt16>
    let principal: UnsafeMutablePointer<Double>
    let instalment: UnsafeMutablePointer<Double>
    let monthlyRate: UnsafeMutablePointer<Double>
    let feePerInstalment: UnsafeMutablePointer<Double>
    let missLogit: UnsafeMutablePointer<Float>
    let rollLogit: UnsafeMutablePointer<Float>
    let missProbability: UnsafeMutablePointer<Float>
    let rollProbability: UnsafeMutablePointer<Float>
    let cureProbability: UnsafeMutablePointer<Float>
    let prepaymentProbability: UnsafeMutablePointer<Float>

    /// Moves loan `from` into slot `to`, for stable compaction.
    @inline(__always)
    func move(_ from: Int, to: Int) {
        customer[to] = customer[from]; ordinal[to] = ordinal[from]; arm[to] = arm[from]
        monthsPastDue[to] = monthsPastDue[from]; remaining[to] = remaining[from]; term[to] = term[from]
        interestFreePeriods[to] = interestFreePeriods[from]; bookedPeriod[to] = bookedPeriod[from]
        principal[to] = principal[from]; instalment[to] = instalment[from]; monthlyRate[to] = monthlyRate[from]
        feePerInstalment[to] = feePerInstalment[from]; missLogit[to] = missLogit[from]; rollLogit[to] = rollLogit[from]
        missProbability[to] = missProbability[from]; rollProbability[to] = rollProbability[from]
        cureProbability[to] = cureProbability[from]; prepaymentProbability[to] = prepaymentProbability[from]
    }
}

extension LoanBook {
    /// Enters every column's contiguous storage once and runs `body` with their base addresses
    /// (the columns neither grow nor shrink meanwhile).
    mutating func withColumns<R>(_ body: (LoanColumnPointers) -> R) -> R {
        customer.withUnsafeMutableBufferPointer { customer in
        ordinal.withUnsafeMutableBufferPointer { ordinal in
        arm.withUnsafeMutableBufferPointer { arm in
        monthsPastDue.withUnsafeMutableBufferPointer { monthsPastDue in
        remaining.withUnsafeMutableBufferPointer { remaining in
        term.withUnsafeMutableBufferPointer { term in
        interestFreePeriods.withUnsafeMutableBufferPointer { interestFreePeriods in
        bookedPeriod.withUnsafeMutableBufferPointer { bookedPeriod in
        principal.withUnsafeMutableBufferPointer { principal in
        instalment.withUnsafeMutableBufferPointer { instalment in
        monthlyRate.withUnsafeMutableBufferPointer { monthlyRate in
        feePerInstalment.withUnsafeMutableBufferPointer { feePerInstalment in
        missLogit.withUnsafeMutableBufferPointer { missLogit in
        rollLogit.withUnsafeMutableBufferPointer { rollLogit in
        missProbability.withUnsafeMutableBufferPointer { missProbability in
        rollProbability.withUnsafeMutableBufferPointer { rollProbability in
        cureProbability.withUnsafeMutableBufferPointer { cureProbability in
        prepaymentProbability.withUnsafeMutableBufferPointer { prepaymentProbability in
            body(LoanColumnPointers(
                customer: customer.baseAddress!, ordinal: ordinal.baseAddress!, arm: arm.baseAddress!,
                monthsPastDue: monthsPastDue.baseAddress!, remaining: remaining.baseAddress!, term: term.baseAddress!,
                interestFreePeriods: interestFreePeriods.baseAddress!, bookedPeriod: bookedPeriod.baseAddress!,
                principal: principal.baseAddress!, instalment: instalment.baseAddress!, monthlyRate: monthlyRate.baseAddress!,
                feePerInstalment: feePerInstalment.baseAddress!, missLogit: missLogit.baseAddress!,
                rollLogit: rollLogit.baseAddress!, missProbability: missProbability.baseAddress!,
                rollProbability: rollProbability.baseAddress!, cureProbability: cureProbability.baseAddress!,
                prepaymentProbability: prepaymentProbability.baseAddress!))
        }}}}}}}}}}}}}}}}}}
    }
}
