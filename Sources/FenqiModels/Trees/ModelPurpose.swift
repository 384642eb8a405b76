import FenqiCore

extension Purpose {
  /// Row sampling (bagging) of a boosting round; the period is the round.
  public static let modelRowSample = Purpose(rawValue: 100)
  /// Feature sampling of a boosting round; the period is the round.
  public static let modelFeatureSample = Purpose(rawValue: 101)
  /// Initial weights of a neural network; the entity is the weight.
  public static let modelWeightInit = Purpose(rawValue: 102)
  /// Mini-batch shuffling of a training epoch; the period is the epoch.
  public static let modelShuffle = Purpose(rawValue: 103)
  /// Assignment of rows to the training or validation set.
  public static let modelValidationSplit = Purpose(rawValue: 104)
}
