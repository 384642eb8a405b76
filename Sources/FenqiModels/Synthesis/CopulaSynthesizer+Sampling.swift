import FenqiCore

/// Synthetic rows drawn by ``CopulaSynthesizer/sample(rows:seed:avoidingCopies:)``.
public struct SyntheticSample: Sendable, Equatable {
  /// The rows, with the sample's columns in the sample's order and kinds.
  public var table: FeatureTable
  /// How many rows were drawn again because they equalled a sample row in every cell.
  public var redrawnRows: Int
}

extension CopulaSynthesizer {
  /// Draws one row: its segment from counter 0 of `rng` (by the segments' shares), then the
  /// segment's copula coordinates and each column's cell.
  ///
  /// - Parameters:
  ///   - cells: receives one cell per column (``SynthesisColumn``: a number, a level code, NaN
  ///     when missing).
  ///   - latent: receives the copula's correlated standard normal coordinates,
  ///     ``latentDimension`` of them: column j's at index j, then the missingness indicators.
  ///   - scratch: room for the independent normals, ``latentDimension`` of them.
  ///   - rng: the row's stream; the draw uses 1 + ``latentDimension`` outputs.
  /// - Returns: the segment's index in ``segments``.
  /// - Complexity: O(d²) for d columns; allocates nothing.
  public func drawRow(
    into cells: UnsafeMutableBufferPointer<Double>,
    latent: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>,
    using rng: inout RandomStream
  ) -> Int {
    let u = rng.uniform()
    let s =
      segments.count == 1
      ? 0 : CumulativeWeights.index(in: segmentCumulative, above: u)
    let segment = segments[s]
    segment.copula.sampleLatent(into: latent, scratch: scratch, using: &rng)
    for j in 0..<columns.count {
      let missing = missingCoordinates[j].map { latent[$0] } ?? .infinity
      cells[j] = segment.marginals[j].cell(
        standardNormal: latent[j], missing: missing)
    }
    return s
  }

  /// Draws `rows` synthetic rows; row i from the stream (seed, i, ``Purpose/syntheticRow``).
  ///
  /// With `avoidingCopies`, a row equal to a fitted row in every cell is drawn again from the
  /// next counters of the same stream, so the result depends only on the seed.
  ///
  /// - Throws: ``SynthesisFailure/rowCount(option:found:)`` for `rows` < 1;
  ///   ``SynthesisFailure/copies(row:attempts:)`` when a row copies a sample row on
  ///   ``maxDraws`` draws in a row.
  /// - Complexity: O(rows·d²); no allocation per row.
  public func sample(rows: Int, seed: UInt64, avoidingCopies: Bool = true)
    throws(SynthesisFailure) -> SyntheticSample
  {
    guard rows > 0 else { throw .rowCount(option: "--rows", found: rows) }
    let d = columns.count
    var out = [Double](repeating: 0, count: rows * d)
    var redrawn = 0
    var failedRow: Int?
    let family = StreamFamily(seed: seed, period: 0, purpose: .syntheticRow)
    var latent = [Double](repeating: 0, count: latentDimension)
    var scratch = latent
    out.withUnsafeMutableBufferPointer { all in
      latent.withUnsafeMutableBufferPointer { l in
        scratch.withUnsafeMutableBufferPointer { s in
          for i in 0..<rows {
            let row = UnsafeMutableBufferPointer(
              rebasing: all[(i * d)..<((i + 1) * d)])
            var rng = family.stream(for: UInt64(i))
            var draws = 0
            repeat {
              _ = drawRow(into: row, latent: l, scratch: s, using: &rng)
              draws += 1
            } while avoidingCopies && draws < Self.maxDraws
              && copiesSampleRow(UnsafeBufferPointer(row))
            if draws > 1 { redrawn += 1 }
            if avoidingCopies, copiesSampleRow(UnsafeBufferPointer(row)) {
              failedRow = i
              return
            }
          }
        }
      }
    }
    if let failedRow { throw .copies(row: failedRow, attempts: Self.maxDraws) }
    return SyntheticSample(
      table: table(rowMajor: out, rows: rows), redrawnRows: redrawn)
  }

  /// The feature table of row-major cells.
  func table(rowMajor cells: [Double], rows: Int) -> FeatureTable {
    let d = columns.count
    var feature: [FeatureColumn] = []
    var column = [Double](repeating: 0, count: rows)
    for j in 0..<d {
      for r in 0..<rows { column[r] = cells[r * d + j] }
      feature.append(columns[j].featureColumn(column))
    }
    return FeatureTable(names: names, columns: feature, rowCount: rows)
  }

  /// The cells of `table`'s columns as this synthesizer models them, one array per column (the
  /// table must have the fitted columns, in order).
  public func cells(of table: FeatureTable) -> [[Double]] {
    zip(columns, table.columns).map { $0.cells(of: $1) }
  }
}
