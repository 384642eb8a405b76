import FenqiCore
import Foundation

/// A synthetic social network over one block of customers, stored as compressed sparse rows.
///
/// The model is a degree-corrected stochastic block model (Karrer & Newman 2011) built the
/// Chung–Lu way (Chung & Lu 2002): customers fall into communities of contiguous indices
/// (sizes log-normal, median ``Settings/communityMedian``); each customer draws an expected
/// degree wᵢ from a Pareto law with tail exponent α (heavy-tailed: a few customers know many);
/// inside a community, edges follow the Chung–Lu expected-degree model, sampled in
/// O(edges): each member starts Poisson(wᵢ/2) edges to partners drawn in proportion to w
/// (duplicates merged); a share of each customer's expected degree goes to "bridge" edges with
/// uniformly chosen customers of other communities in the same block. Built from the seed
/// alone, the same at any thread count.
public struct SocialGraph: Sendable, Equatable {
  /// How the graph is drawn.
  public struct Settings: Sendable, Equatable {
    /// Mean degree (friends per customer).
    public var meanDegree: Double = 6
    /// Pareto tail exponent of expected degrees (> 2 for a finite mean).
    public var tailExponent: Double = 2.5
    /// Median community size.
    public var communityMedian: Double = 40
    /// Share of degree spent on edges to other communities.
    public var bridgeShare: Double = 0.15

    /// The defaults.
    public init() {}
  }

  /// Row offsets: customer i's neighbours are `neighbours[offsets[i] ..< offsets[i + 1]]`.
  public private(set) var offsets: [Int32]
  /// Neighbour indices (local to the block), ascending within each row.
  public private(set) var neighbours: [Int32]
  /// Each customer's community (block-local id).
  public private(set) var community: [Int32]

  /// The number of customers.
  public var count: Int { offsets.count - 1 }

  /// The degree of customer i.
  @inline(__always)
  public func degree(_ i: Int) -> Int { Int(offsets[i + 1] - offsets[i]) }

  /// Builds the graph of customers `firstIndex ..< firstIndex + count`.
  public init(
    firstIndex: Int, count n: Int, block: Int, seed: UInt64,
    settings s: Settings
  ) {
    // Communities: contiguous runs with log-normal sizes (at least 2).
    var community = [Int32](repeating: 0, count: n)
    var starts: [Int] = []
    var sizeStream = StreamFamily(
      seed: seed, period: 0, purpose: .graphCommunities
    ).stream(for: UInt64(block))
    var at = 0
    while at < n {
      let z = Normal.quantile(sizeStream.openUniform())
      let size = Swift.max(2, Int((s.communityMedian * exp(0.6 * z)).rounded()))
      starts.append(at)
      for i in at..<Swift.min(n, at + size) {
        community[i] = Int32(starts.count - 1)
      }
      at += size
    }
    starts.append(n)
    // Expected degrees: Pareto(α) with mean = meanDegree.
    let alpha = s.tailExponent
    let minimum = s.meanDegree * (alpha - 1) / alpha
    let weightFamily = StreamFamily(
      seed: seed, period: 0, purpose: .graphWeights)
    let weights = (0..<n).map { i -> Double in
      let u = weightFamily.stream(for: UInt64(firstIndex + i)).openUniform(
        at: 0)
      return minimum * pow(u, -1 / alpha)
    }
    var edges: [(Int32, Int32)] = []
    let inside = 1 - s.bridgeShare
    let edgeFamily = StreamFamily(seed: seed, period: 0, purpose: .graphEdges)
    var cumulative: [Double] = []
    for c in 0..<(starts.count - 1) {
      let lo = starts[c]
      let hi = starts[c + 1]
      guard hi - lo > 1 else { continue }
      cumulative.removeAll(keepingCapacity: true)
      var total = 0.0
      for i in lo..<hi {
        total += weights[i]
        cumulative.append(total)
      }
      // Chung–Lu in O(edges): each member starts Poisson(wᵢ·inside/2) edges to partners drawn
      // ∝ w, so member i expects wᵢ·inside edges in all (its own half plus others' picks).
      for i in lo..<hi {
        var stream = edgeFamily.stream(for: UInt64(firstIndex + i))
        let k = stream.poisson(mean: weights[i] * inside / 2)
        for _ in 0..<k {
          let u = stream.uniform() * total
          // The first cumulative weight above u: a branch-free binary search.
          var base = 0
          var len = cumulative.count
          while len > 1 {
            let half = len / 2
            base = cumulative[base + half - 1] > u ? base : base + half
            len -= half
          }
          let j = lo + base
          if j != i { edges.append((Int32(i), Int32(j))) }
        }
      }
    }
    if s.bridgeShare > 0, starts.count > 2 {
      let bridgeFamily = StreamFamily(
        seed: seed, period: 0, purpose: .graphBridges)
      for i in 0..<n {
        var stream = bridgeFamily.stream(for: UInt64(firstIndex + i))
        // Each customer starts half its bridge degree; the other end supplies the other half.
        let k = stream.poisson(mean: weights[i] * s.bridgeShare / 2)
        for _ in 0..<k {
          let j = stream.index(below: n)
          if community[j] != community[i] { edges.append((Int32(i), Int32(j))) }
        }
      }
    }
    // Compressed sparse rows, both directions, duplicates removed.
    var degree = [Int32](repeating: 0, count: n + 1)
    for (a, b) in edges {
      degree[Int(a) + 1] += 1
      degree[Int(b) + 1] += 1
    }
    for i in 0..<n { degree[i + 1] += degree[i] }
    var fill = degree
    var adjacency = [Int32](repeating: 0, count: Int(degree[n]))
    for (a, b) in edges {
      adjacency[Int(fill[Int(a)])] = b
      fill[Int(a)] += 1
      adjacency[Int(fill[Int(b)])] = a
      fill[Int(b)] += 1
    }
    var offsets: [Int32] = [0]
    offsets.reserveCapacity(n + 1)
    var neighbours: [Int32] = []
    neighbours.reserveCapacity(adjacency.count)
    adjacency.withUnsafeMutableBufferPointer { all in
      for i in 0..<n {
        var row = UnsafeMutableBufferPointer(
          rebasing: all[Int(degree[i])..<Int(degree[i + 1])])
        row.sort()
        var last: Int32 = -1
        for j in row where j != last {
          neighbours.append(j)
          last = j
        }
        offsets.append(Int32(neighbours.count))
      }
    }
    self.offsets = offsets
    self.neighbours = neighbours
    self.community = community
  }
}
