import FenqiCore

/// A reproducible split of rows into training and validation sets.
///
/// Row r goes to validation when the uniform draw of stream (seed, r, modelValidationSplit) is
/// below the fraction, so the split depends only on the seed and the row's position.
public struct ValidationSplit: Sendable, Equatable {
  /// Training row indices, ascending.
  public var training: [Int] = []
  /// Validation row indices, ascending.
  public var validation: [Int] = []

  /// Splits `rowCount` rows, sending about `fraction` of them to validation.
  public init(rowCount: Int, fraction: Double, seed: UInt64) {
    let family = StreamFamily(
      seed: seed, period: 0, purpose: .modelValidationSplit)
    for r in 0..<rowCount {
      if family.stream(for: UInt64(r)).uniform(at: 0) < fraction {
        validation.append(r)
      } else {
        training.append(r)
      }
    }
  }
}
