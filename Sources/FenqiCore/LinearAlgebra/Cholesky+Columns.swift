extension Cholesky {
  /// Multiplies a block of vectors stored as columns: `output[i·n + j]` = (L·z_j)ᵢ, where
  /// `z[k·n + j]` is coordinate k of vector j — bit for bit what ``multiply(_:into:)`` gives
  /// vector by vector (the same terms added in the same order).
  ///
  /// - Parameters:
  ///   - z: `dimension` columns of `n` values, column-major.
  ///   - n: the number of vectors.
  ///   - output: `dimension` columns of `n` values.
  /// - Complexity: O(non-zeros × n), no allocation.
  @inlinable
  public func multiplyColumns(
    _ z: UnsafeBufferPointer<Double>, count n: Int,
    into output: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(
      z.count >= dimension * n && output.count >= dimension * n,
      "multiplyColumns needs \(dimension) × \(n) values in and out, got \(z.count) and \(output.count)"
    )
    guard n > 0 else { return }
    sparseColumns.withUnsafeBufferPointer { columns in
      sparseValues.withUnsafeBufferPointer { values in
        for i in 0..<dimension {
          let out = output.baseAddress.unsafelyUnwrapped + i * n
          for j in 0..<n { out[j] = 0 }
          for e in rowStart[i]..<rowStart[i + 1] {
            let v = values[e]
            let column = z.baseAddress.unsafelyUnwrapped + columns[e] * n
            for j in 0..<n { out[j] += v * column[j] }
          }
        }
      }
    }
  }
}
