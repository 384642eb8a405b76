import FenqiCore
import FenqiPopulation

/// Stratified randomisation by segment with permuted blocks: within each segment, customers in
/// index order fill blocks of 100 whose arm counts follow the allocation (largest remainder), each
/// block's order shuffled by its own stream — so every segment splits across arms as allocated.
enum StratifiedAssignment {
  static let blockSize = 100

  /// The arm of every customer, in global index order.
  static func arms(_ blocks: [CustomerColumns], scenario: Scenario) -> [UInt8] {
    let counts = blockCounts(scenario.arms.map(\.allocation))
    var template: [UInt8] = []
    for (a, k) in counts.enumerated() {
      template += Array(repeating: UInt8(a), count: k)
    }
    let seed = Mixing.hash(scenario.assignmentSalt) ^ scenario.seed
    var rank = [Int](repeating: 0, count: scenario.population.segments.count)
    var current: [[UInt8]] = Array(repeating: [], count: rank.count)
    var out: [UInt8] = []
    out.reserveCapacity(scenario.population.size)
    for block in blocks {
      for i in 0..<block.count {
        let g = Int(block.segment[i])
        let position = rank[g] % blockSize
        if position == 0 {
          var rng = RandomStream(
            key: StreamKey(
              seed: seed, entity: UInt64(g) << 32 | UInt64(rank[g] / blockSize),
              period: 0, purpose: .stratifiedBlock))
          current[g] = template
          // Fisher–Yates with our own integer draws.
          for j in stride(from: blockSize - 1, to: 0, by: -1) {
            current[g].swapAt(j, rng.index(below: j + 1))
          }
        }
        out.append(current[g][position])
        rank[g] += 1
      }
    }
    return out
  }

  /// Integer arm counts per block of 100 by the largest-remainder method.
  static func blockCounts(_ allocation: [Double]) -> [Int] {
    let raw = allocation.map { $0 * Double(blockSize) }
    var counts = raw.map { Int($0.rounded(.down)) }
    let order = raw.indices.sorted {
      (raw[$0] - Double(counts[$0]), -$0) > (raw[$1] - Double(counts[$1]), -$1)
    }
    var missing = blockSize - counts.reduce(0, +)
    for i in order where missing > 0 {
      counts[i] += 1
      missing -= 1
    }
    return counts
  }
}
