import FenqiServe

/// `--bundle`: the decision service for a bundle file.
enum DecisionBundleLoader {
  /// The endpoint serving `path`'s bundle; nil without `--bundle`.
  static func endpoint(_ path: String?) throws(ServeError) -> (
    any DecisionEndpoint
  )? {
    guard let path else { return nil }
    return try BundleDecisions.load(path: path)
  }
}
