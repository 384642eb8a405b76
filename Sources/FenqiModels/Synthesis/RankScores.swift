import FenqiCore

/// Ranks of one column's cells, with ties grouped: the midranks behind Spearman's correlation
/// and the normal scores behind the Gaussian copula.
///
/// Cells are ordered by a key in which a missing value (NaN) comes before every other, so a
/// column's missing values form the lowest tie group.
struct RankScores {
  /// Each row's tie group, 0 = the lowest.
  var group: [Int]
  /// The rows in each group, lowest group first.
  var groupSizes: [Int]

  /// Groups the rows of `keys` (NaN for missing) by equal key.
  init(keys: [Double]) {
    let order = keys.indices.sorted { a, b in
      let x = keys[a]
      let y = keys[b]
      if x.isNaN != y.isNaN { return x.isNaN }
      if x.isNaN { return a < b }
      return x < y || (x == y && a < b)
    }
    var group = [Int](repeating: 0, count: keys.count)
    var sizes: [Int] = []
    var i = 0
    while i < order.count {
      var j = i
      let first = keys[order[i]]
      while j + 1 < order.count {
        let next = keys[order[j + 1]]
        guard next == first || (next.isNaN && first.isNaN) else { break }
        j += 1
      }
      for k in i...j { group[order[k]] = sizes.count }
      sizes.append(j - i + 1)
      i = j + 1
    }
    self.group = group
    groupSizes = sizes
  }

  /// The rank each group's rows share: the mean of the positions 1…N its rows occupy.
  var groupMidranks: [Double] {
    var before = 0
    return groupSizes.map { size in
      defer { before += size }
      return Double(before) + Double(size + 1) / 2
    }
  }

  /// Each group's normal score Φ⁻¹ of the midpoint of its interval of the empirical distribution
  /// function — the distributional transform (Rüschendorf 2009), which for a column without ties
  /// is the van der Waerden score Φ⁻¹((r − ½)/N).
  var groupNormalScores: [Double] {
    let n = Double(group.count)
    var before = 0
    return groupSizes.map { size in
      defer { before += size }
      return Normal.quantile((Double(before) + Double(size) / 2) / n)
    }
  }

  /// corr(Z, s(Z)) for a standard normal Z cut into this column's groups at their cumulative
  /// shares and scored by ``groupNormalScores``: how much grouping weakens a correlation
  /// (1 for a continuous column, about 0.8 for an even 0/1 column, 0 for a constant one).
  ///
  /// For two columns of a Gaussian copula with latent correlation ρ, the correlation of their
  /// scores is ρ·a₁·a₂ to first order (exactly so when one column is continuous), so the latent
  /// correlation is estimated as r ÷ (a₁·a₂) — the first-order polyserial/polychoric correction
  /// (Olsson, Drasgow & Dorans 1982).
  var attenuation: Double {
    let n = Double(group.count)
    let scores = groupNormalScores
    var before = 0
    var covariance = 0.0
    var mean = 0.0
    var square = 0.0
    var lowerDensity = 0.0
    for (k, size) in groupSizes.enumerated() {
      before += size
      let p = Double(size) / n
      let upperDensity =
        before == group.count
        ? 0 : Normal.density(Normal.quantile(Double(before) / n))
      // E[Z·1{group k}] = φ(lower cut) − φ(upper cut).
      covariance += scores[k] * (lowerDensity - upperDensity)
      mean += p * scores[k]
      square += p * scores[k] * scores[k]
      lowerDensity = upperDensity
    }
    let variance = square - mean * mean
    guard variance > 1e-12 else { return 0 }
    return covariance / variance.squareRoot()
  }

  /// Pearson's correlation of two columns of per-row values over the rows where both are
  /// present (not NaN); 0 when either is constant there or fewer than two rows remain.
  static func correlation(_ x: [Double], _ y: [Double]) -> Double {
    var n = 0.0
    var mx = 0.0
    var my = 0.0
    for i in x.indices where !x[i].isNaN && !y[i].isNaN {
      n += 1
      mx += x[i]
      my += y[i]
    }
    guard n > 1 else { return 0 }
    mx /= n
    my /= n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in x.indices where !x[i].isNaN && !y[i].isNaN {
      let dx = x[i] - mx
      let dy = y[i] - my
      sxy += dx * dy
      sxx += dx * dx
      syy += dy * dy
    }
    guard sxx > 1e-12 * n, syy > 1e-12 * n else { return 0 }
    return sxy / (sxx * syy).squareRoot()
  }
}
