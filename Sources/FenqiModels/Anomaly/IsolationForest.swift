import FenqiCore
import Foundation

/// Anomaly scores by isolation (Liu, Ting & Zhou 2008): points that random axis-parallel cuts
/// isolate in few steps are unusual.
///
/// Each of `trees` trees is grown on `sampleSize` rows drawn without replacement, cutting a
/// random feature at a uniform value between the node's minimum and maximum, down to depth
/// ⌈log₂ sampleSize⌉. A point's score is 2^(−E[h(x)] / c(ψ)), h its path length (plus c(size) at
/// an unsplit leaf), c(n) = 2H(n − 1) − 2(n − 1)/n the mean path of an unsuccessful search in a
/// binary search tree; scores near 1 are anomalies, well below 0.5 normal.
public struct IsolationForest: Sendable, Equatable {
  /// One tree: internal nodes (feature, cut, children) and leaf sizes; child < 0 is leaf ~c.
  struct Tree: Sendable, Equatable {
    var feature: [Int32] = []
    var cut: [Double] = []
    var left: [Int32] = []
    var right: [Int32] = []
    var leafSize: [Int32] = []
    var leafDepth: [Int32] = []
  }

  var trees: [Tree]
  /// All trees flattened for scoring: per node (feature, cut, children); child < 0 is leaf ~c
  /// with its path length (depth plus c(size)) in ``leafPath``.
  var flatFeature: [Int32] = []
  var flatCut: [Double] = []
  var flatChildren: [Int32] = []
  var leafPath: [Double] = []
  var roots: [Int32] = []
  /// The sample size ψ each tree was grown on.
  public let sampleSize: Int
  /// The number of features per row.
  public let width: Int

  /// c(n): the mean path length of an unsuccessful search in a binary search tree of n points.
  public static func averagePath(_ n: Int) -> Double {
    guard n > 1 else { return 0 }
    if n == 2 { return 1 }
    let harmonic = log(Double(n - 1)) + 0.577_215_664_901_532_9
    return 2 * harmonic - 2 * Double(n - 1) / Double(n)
  }

  /// Grows a forest on row-major `x` (`width` finite numbers per row).
  public init(
    x: [Double], width: Int, trees count: Int = 100, sampleSize: Int = 256,
    seed: UInt64
  ) {
    precondition(width > 0 && x.count % width == 0)
    let rows = x.count / width
    let psi = Swift.min(sampleSize, rows)
    let limit = Int(ceil(log2(Double(Swift.max(2, psi)))))
    var trees: [Tree] = []
    for t in 0..<count {
      var rng = StreamFamily(
        seed: seed, period: UInt32(t), purpose: .modelRowSample
      )
      .stream(for: 0x150F)
      // Partial Fisher–Yates: the first ψ of a shuffled index list.
      var index = Array(0..<rows)
      for k in 0..<psi {
        let j = k + rng.index(below: rows - k)
        index.swapAt(k, j)
      }
      var tree = Tree()
      func grow(_ members: ArraySlice<Int>, depth: Int) -> Int32 {
        if depth >= limit || members.count <= 1 {
          tree.leafSize.append(Int32(members.count))
          tree.leafDepth.append(Int32(depth))
          return ~Int32(tree.leafSize.count - 1)
        }
        let f = rng.index(below: width)
        var lo = Double.infinity
        var hi = -Double.infinity
        for r in members {
          lo = Swift.min(lo, x[r * width + f])
          hi = Swift.max(hi, x[r * width + f])
        }
        if !(hi > lo) {
          tree.leafSize.append(Int32(members.count))
          tree.leafDepth.append(Int32(depth))
          return ~Int32(tree.leafSize.count - 1)
        }
        let cut = lo + rng.uniform() * (hi - lo)
        let node = tree.feature.count
        tree.feature.append(Int32(f))
        tree.cut.append(cut)
        tree.left.append(0)
        tree.right.append(0)
        let leftMembers = members.filter { x[$0 * width + f] < cut }
        let rightMembers = members.filter { x[$0 * width + f] >= cut }
        let l = grow(leftMembers[...], depth: depth + 1)
        let r = grow(rightMembers[...], depth: depth + 1)
        tree.left[node] = l
        tree.right[node] = r
        return Int32(node)
      }
      _ = grow(index[0..<psi], depth: 0)
      trees.append(tree)
    }
    self.init(trees: trees, sampleSize: psi, width: width)
  }

  /// −1 ÷ (c(ψ) × trees): the score is 2^(total path × this).
  let meanPathScale: Double

  /// A forest of grown `trees` over rows of `width` features, each grown on `sampleSize` rows:
  /// flattens them for scoring (the grower's last step, and how a saved forest is read back).
  init(trees: [Tree], sampleSize psi: Int, width: Int) {
    self.trees = trees
    self.sampleSize = psi
    self.width = width
    for tree in trees {
      let nodeBase = Int32(flatFeature.count)
      let leafBase = Int32(leafPath.count)
      func ref(_ c: Int32) -> Int32 { c >= 0 ? c + nodeBase : ~(~c + leafBase) }
      roots.append(tree.feature.isEmpty ? ~leafBase : nodeBase)
      for n in tree.feature.indices {
        flatFeature.append(tree.feature[n])
        flatCut.append(tree.cut[n])
        flatChildren.append(ref(tree.left[n]))
        flatChildren.append(ref(tree.right[n]))
      }
      for (d, size) in zip(tree.leafDepth, tree.leafSize) {
        leafPath.append(Double(d) + Self.averagePath(Int(size)))
      }
    }
    meanPathScale =
      -1 / Self.averagePath(psi) / Double(Swift.max(1, trees.count))
  }

  /// The anomaly score of one row, in (0, 1].
  public func score(_ row: UnsafeBufferPointer<Double>) -> Double {
    var total = 0.0
    flatFeature.withUnsafeBufferPointer { feature in
      flatCut.withUnsafeBufferPointer { cut in
        flatChildren.withUnsafeBufferPointer { children in
          leafPath.withUnsafeBufferPointer { leafPath in
            for root in roots {
              var c = root
              while c >= 0 {
                let n = Int(c)
                let right = row[Int(feature[n])] < cut[n] ? 0 : 1
                c = children[2 * n + right]
              }
              total += leafPath[Int(~c)]
            }
          }
        }
      }
    }
    return exp2(total * meanPathScale)
  }

  /// The anomaly score of every row of row-major `x`.
  public func scores(_ x: [Double]) -> [Double] {
    x.withUnsafeBufferPointer { all in
      (0..<(x.count / width)).map {
        score(
          UnsafeBufferPointer(rebasing: all[($0 * width)..<(($0 + 1) * width)]))
      }
    }
  }
}
