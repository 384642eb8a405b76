import FenqiCore

/// Row-major histogram bins of a data set: `bins[row * featureCount + feature]`.
///
/// One byte per cell; a row's bins share a cache line, which is what row-wise histogram
/// building reads.
public struct BinnedMatrix: Sendable {
  /// The bins, row-major.
  public var bins: [UInt8]
  /// The number of rows.
  public let rowCount: Int
  /// The number of features.
  public let featureCount: Int

  /// Bins aligned columns with `mappers`, on `threads` threads (same bytes at any count).
  public init(columns: [FeatureColumn], mappers: [BinMapper], threads: Int) {
    precondition(columns.count == mappers.count)
    let rows = columns.first?.count ?? 0
    let width = columns.count
    rowCount = rows
    featureCount = width
    var bins = [UInt8](repeating: 0, count: rows * width)
    let chunk = 65_536
    let chunks = (rows + chunk - 1) / chunk
    bins.withUnsafeMutableBufferPointer { buffer in
      let out = DisjointMutableBuffer(buffer)
      ParallelChunks.forEach(count: chunks, threads: threads) { c in
        let rowRange = (c * chunk)..<Swift.min(rows, (c + 1) * chunk)
        for f in 0..<width {
          let mapper = mappers[f]
          switch (columns[f], mapper.rule) {
          case (.numeric(let values), .numeric(let bounds)):
            bounds.withUnsafeBufferPointer { upper in
              let missing = UInt8(mapper.missingBin)
              for r in rowRange {
                out[r * width + f] = BinMapper.search(upper, values[r], missing)
              }
            }
          case (.categorical(let codes, _), _):
            for r in rowRange {
              out[r * width + f] = UInt8(mapper.bin(code: codes[r]))
            }
          case (.numeric(let values), _):
            for r in rowRange {
              out[r * width + f] = UInt8(mapper.bin(values[r]))
            }
          }
        }
      }
    }
    self.bins = bins
  }
}
