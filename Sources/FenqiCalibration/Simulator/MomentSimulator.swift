/// Where a model plugs into the calibration: simulated moments at a point of the parameter space.
///
/// `moments(at:replicate:)` must be a pure function of its arguments: replicate r uses the same
/// random numbers at every point (seed base + r, common random numbers), so that differences
/// between points are the parameters' doing, not noise, and so that sharded, resumed and
/// single-process calibrations agree. It is called from several threads at once.
public protocol MomentSimulator: Sendable {
  /// The simulated moments at `point`, by name.
  ///
  /// - Parameters:
  ///   - point: the free parameters' values in their natural units, in the calibration file's
  ///     order.
  ///   - replicate: the replicate, 0 ..< replicates.
  /// - Returns: moment values by name (`ever30.mob03`, `roll.current.1-30`, …); names the
  ///   observed moments lack are ignored, and a moment left out (or not finite) makes the point
  ///   unusable for any fit that needs it.
  /// - Throws: any error; the point is then recorded as failed (an infinite distance) with the
  ///   error's description, and the search moves on.
  func moments(at point: [Double], replicate: Int) throws -> [String: Double]
}
