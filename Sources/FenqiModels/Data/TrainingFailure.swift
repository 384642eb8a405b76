/// Why a model cannot be trained: an input column whose numbers cannot be standardised, data
/// that make the fit diverge, parameters out of range, or validation data that lack an input.
///
/// Training refuses instead of hanging or returning a model that ignores its data.
public struct TrainingFailure: Error, Equatable, Sendable,
  CustomStringConvertible
{
  /// What is wrong, naming the column or parameter.
  public var description: String

  /// Creates a failure.
  public init(_ description: String) { self.description = description }

  /// Validation data that lack an input of the training schema.
  public init(_ mismatch: FeatureSchema.Mismatch) {
    description = "\(mismatch)"
  }
}
