/// One regression tree of a boosted ensemble, deciding on histogram bins.
///
/// Internal node i sends a row left when its bin for `feature[i]` is ≤ `thresholdBin[i]`
/// (numeric) or is in the node's category set (categorical); the missing bin goes the
/// `defaultLeft[i]` way. Children ≥ 0 are internal nodes; a child c < 0 is leaf `~c`.
/// A tree with one leaf and no internal nodes predicts a constant.
public struct DecisionTree: Sendable, Equatable {
  /// The split feature of each internal node.
  public var feature: [Int32] = []
  /// The last bin that goes left (numeric splits).
  public var thresholdBin: [UInt16] = []
  /// The raw upper bound of `thresholdBin` (numeric splits; for reading only).
  public var thresholdValue: [Double] = []
  /// Where the missing bin goes.
  public var defaultLeft: [Bool] = []
  /// For categorical splits, the index of the node's set in ``categorySets``; −1 for numeric.
  public var categorySet: [Int32] = []
  /// The left child (≥ 0 internal node, < 0 leaf `~c`).
  public var left: [Int32] = []
  /// The right child (same encoding).
  public var right: [Int32] = []
  /// The loss reduction of each split.
  public var gain: [Double] = []
  /// Training rows that reached each internal node (the cover TreeSHAP weighs by).
  public var nodeCount: [Double] = []
  /// The output of each leaf, learning rate included (margin units).
  public var leafValue: [Double] = [0]
  /// Training rows that reached each leaf.
  public var leafCount: [Double] = [0]
  /// Bin bitsets of categorical splits, four 64-bit words each: bins set go left.
  public var categorySets: [[UInt64]] = []

  /// Creates a one-leaf tree.
  public init() {}

  /// The number of leaves.
  public var numberOfLeaves: Int { leafValue.count }

  /// Whether internal node `node` sends a row with bin `bin` of its feature left.
  @inline(__always)
  public func goesLeft(node: Int, bin: Int, missingBin: Int) -> Bool {
    if bin == missingBin { return defaultLeft[node] }
    let set = categorySet[node]
    if set < 0 { return bin <= Int(thresholdBin[node]) }
    let words = categorySets[Int(set)]
    return words[bin >> 6] & (1 << UInt64(bin & 63)) != 0
  }

  /// The leaf index that a row of bins reaches.
  @inline(__always)
  public func leaf(
    bins: UnsafePointer<UInt8>, missingBins: UnsafePointer<Int>
  ) -> Int {
    if feature.isEmpty { return 0 }
    var node: Int32 = 0
    while node >= 0 {
      let n = Int(node)
      let f = Int(feature[n])
      node =
        goesLeft(node: n, bin: Int(bins[f]), missingBin: missingBins[f])
        ? left[n] : right[n]
    }
    return Int(~node)
  }

  /// The depth of the deepest leaf (0 for a one-leaf tree).
  public var depth: Int {
    func walk(_ c: Int32, _ d: Int) -> Int {
      c < 0
        ? d : Swift.max(walk(left[Int(c)], d + 1), walk(right[Int(c)], d + 1))
    }
    return feature.isEmpty ? 0 : walk(0, 0)
  }
}
