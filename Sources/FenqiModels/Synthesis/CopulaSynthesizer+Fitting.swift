import FenqiCore

extension CopulaSynthesizer {
  /// The shrinkage step toward the identity when the latent correlation does not factor.
  static let shrinkageStep = 0.01

  /// The largest latent correlation magnitude kept before shrinkage.
  static let largestCorrelation = 0.999

  /// Fits one segment: margins over `rows`, normal scores, the corrected latent correlation
  /// and its copula.
  ///
  /// Coordinates are the columns' values in column order, then one missingness indicator per
  /// entry of `missingCoordinates`. A numeric column's value scores rank its present values only
  /// and its correlations use the rows where both coordinates are present (pairwise complete);
  /// its own indicator is uncorrelated with its value, which it hides.
  static func fitSegment(
    label: String, rows: [Int], cells: [[Double]], columns: [SynthesisColumn],
    orders: [[Int]], missingCoordinates: [Int?], total: Int
  ) -> Segment {
    let d = columns.count
    let dimension = d + missingCoordinates.compactMap { $0 }.count
    var marginals: [ColumnMarginal] = []
    var scores = [[Double]](repeating: [], count: dimension)
    var attenuation = [Double](repeating: 0, count: dimension)
    for j in 0..<d {
      let segmentCells = rows.map { cells[j][$0] }
      marginals.append(
        ColumnMarginal.fit(segmentCells, column: columns[j], order: orders[j]))
      if columns[j].isNumeric {
        let present = segmentCells.indices.filter { !segmentCells[$0].isNaN }
        let ranks = RankScores(keys: present.map { segmentCells[$0] })
        let groupScores = ranks.groupNormalScores
        var column = [Double](repeating: .nan, count: rows.count)
        for (k, r) in present.enumerated() {
          column[r] = groupScores[ranks.group[k]]
        }
        scores[j] = column
        attenuation[j] = ranks.attenuation
        if let m = missingCoordinates[j] {
          let indicator = RankScores(
            keys: segmentCells.map { $0.isNaN ? 0 : 1 })
          let indicatorScores = indicator.groupNormalScores
          scores[m] = indicator.group.map { indicatorScores[$0] }
          attenuation[m] = indicator.attenuation
        }
      } else {
        // Keys: the level's position in the order; a missing value is NaN, the lowest.
        var position = [Double](repeating: 0, count: orders[j].count)
        for (k, code) in orders[j].enumerated() { position[code] = Double(k) }
        let ranks = RankScores(
          keys: segmentCells.map { $0.isNaN ? .nan : position[Int($0)] })
        let groupScores = ranks.groupNormalScores
        scores[j] = ranks.group.map { groupScores[$0] }
        attenuation[j] = ranks.attenuation
      }
    }
    var latent = [Double](repeating: 0, count: dimension * dimension)
    for i in 0..<dimension {
      latent[i * dimension + i] = 1
      for j in 0..<i where attenuation[i] > 0 && attenuation[j] > 0 {
        guard j >= d || missingCoordinates[j] != i else { continue }
        let r = RankScores.correlation(scores[i], scores[j])
        let rho = Swift.min(
          largestCorrelation,
          Swift.max(-largestCorrelation, r / (attenuation[i] * attenuation[j])))
        latent[i * dimension + j] = rho
        latent[j * dimension + i] = rho
      }
    }
    let (copula, matrix, lambda) = positiveDefinite(
      latent, dimension: dimension)
    return Segment(
      label: label, share: Double(rows.count) / Double(total),
      rowCount: rows.count, marginals: marginals, correlation: matrix,
      shrinkage: lambda, copula: copula)
  }

  /// The copula of `matrix` shrunk toward the identity, (1 − λ)·R + λ·I, with the smallest
  /// λ in steps of ``shrinkageStep`` whose Cholesky factor exists (λ = 1 always factors).
  static func positiveDefinite(_ matrix: [Double], dimension d: Int) -> (
    GaussianCopula, [Double], Double
  ) {
    var step = 0
    while true {
      let lambda = Swift.min(1, Double(step) * shrinkageStep)
      var shrunk = matrix
      if lambda > 0 {
        for i in 0..<d {
          for j in 0..<d where i != j {
            shrunk[i * d + j] = (1 - lambda) * matrix[i * d + j]
          }
        }
      }
      if let copula = try? GaussianCopula(correlation: shrunk, dimension: d) {
        return (copula, shrunk, lambda)
      }
      step += 1
    }
  }

  /// A 64-bit hash of a row's cells (NaN and −0 made canonical), for finding copies.
  static func rowHash(_ cells: UnsafeBufferPointer<Double>) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3
    for c in cells {
      let bits: UInt64 =
        c.isNaN ? 0x7FF8_0000_0000_0000 : (c == 0 ? 0 : c.bitPattern)
      h = Mixing.mix64(h ^ bits) &+ Mixing.golden
    }
    return h
  }

  /// Whether `cells` equals a fitted row in every cell (missing equal to missing).
  func copiesSampleRow(_ cells: UnsafeBufferPointer<Double>) -> Bool {
    guard let candidates = sampleIndex[Self.rowHash(cells)] else {
      return false
    }
    let d = columns.count
    return sampleCells.withUnsafeBufferPointer { all in
      candidates.contains { r in
        (0..<d).allSatisfy { j in
          let a = all[r * d + j]
          let b = cells[j]
          return a == b || (a.isNaN && b.isNaN)
        }
      }
    }
  }
}
