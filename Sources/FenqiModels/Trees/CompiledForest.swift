/// Trees flattened into one node array for fast scoring on bins.
///
/// Child references ≥ 0 are nodes; < 0 are leaves `~c` in ``leafValues``.
struct CompiledForest: Sendable {
  struct Node {
    var feature: Int32
    /// Last bin going left (numeric) or index of the category set (categorical).
    var threshold: Int32
    var left: Int32
    var right: Int32
    var missingBin: Int32
    var defaultLeft: Bool
    var categorical: Bool
  }

  var nodes: [Node] = []
  var leafValues: [Double] = []
  var roots: [Int32] = []
  var categoryWords: [UInt64] = []

  init(trees: [DecisionTree], mappers: [BinMapper]) {
    for tree in trees { append(tree, mappers: mappers) }
  }

  mutating func append(_ tree: DecisionTree, mappers: [BinMapper]) {
    let nodeBase = Int32(nodes.count)
    let leafBase = Int32(leafValues.count)
    func ref(_ c: Int32) -> Int32 { c >= 0 ? c + nodeBase : ~(~c + leafBase) }
    roots.append(tree.feature.isEmpty ? ~leafBase : nodeBase)
    for i in tree.feature.indices {
      let set = tree.categorySet[i]
      var threshold = Int32(tree.thresholdBin[i])
      if set >= 0 {
        threshold = Int32(categoryWords.count / 4)
        categoryWords += tree.categorySets[Int(set)]
      }
      nodes.append(
        Node(
          feature: tree.feature[i], threshold: threshold,
          left: ref(tree.left[i]), right: ref(tree.right[i]),
          missingBin: Int32(mappers[Int(tree.feature[i])].missingBin),
          defaultLeft: tree.defaultLeft[i], categorical: set >= 0))
    }
    leafValues += tree.leafValue
  }

  /// The global leaf index tree `t` sends a row of bins to.
  @inline(__always)
  static func leaf(
    root: Int32, bins: UnsafePointer<UInt8>, nodes: UnsafePointer<Node>,
    words: UnsafePointer<UInt64>
  ) -> Int {
    var c = root
    while c >= 0 {
      let n = nodes[Int(c)]
      let bin = Int32(bins[Int(n.feature)])
      let goLeft: Bool
      if bin == n.missingBin {
        goLeft = n.defaultLeft
      } else if n.categorical {
        let w = words[Int(n.threshold) * 4 + Int(bin >> 6)]
        goLeft = w & (1 << UInt64(bin & 63)) != 0
      } else {
        goLeft = bin <= n.threshold
      }
      c = goLeft ? n.left : n.right
    }
    return Int(~c)
  }

  /// Adds the outputs of trees `trees` to `scores` for rows of `bins` (row-major, `width` wide).
  func accumulate(
    trees: Range<Int>, bins: UnsafePointer<UInt8>, width: Int,
    rows: Range<Int>, into scores: UnsafeMutablePointer<Double>
  ) {
    let words = categoryWords.isEmpty ? [0] : categoryWords
    nodes.withUnsafeBufferPointer { nodePointer in
      leafValues.withUnsafeBufferPointer { leaves in
        words.withUnsafeBufferPointer { wordPointer in
          roots.withUnsafeBufferPointer { rootPointer in
            let nodeBase = nodePointer.start
            for r in rows {
              let row = bins + r * width
              var s = scores[r]
              for t in trees {
                s +=
                  leaves[
                    Self.leaf(
                      root: rootPointer[t], bins: row, nodes: nodeBase,
                      words: wordPointer.start)]
              }
              scores[r] = s
            }
          }
        }
      }
    }
  }
}
