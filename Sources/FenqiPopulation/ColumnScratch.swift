import FenqiCore

/// The working columns of a block of customers while their attributes are drawn: one stream per
/// customer, the independent normals z and the correlated coordinates x = L·z, attribute by
/// attribute (column-major: attribute k of block customer j at k·count + j).
///
/// Made once per generated range and reused block after block, so generation allocates nothing
/// per customer.
struct ColumnScratch {
  /// Customers in the current block.
  private(set) var count = 0
  private var streams: [RandomStream]
  private var independent: [Double]
  /// The correlated standard normals of the current block, attribute-major.
  private(set) var latent: [Double]
  private var tails: [Int]

  /// Scratch for blocks of up to `customers` customers and `attributes` coordinates.
  init(customers: Int, attributes: Int) {
    streams = .init(repeating: RandomStream(state: 0), count: customers)
    independent = .init(repeating: 0, count: customers * attributes)
    latent = .init(repeating: 0, count: customers * attributes)
    tails = .init(repeating: 0, count: customers)
  }

  /// Draws the copula coordinates of customers `first ..< first + count` (global indices): the
  /// same numbers as ``GaussianCopula/sampleLatent(into:scratch:using:)`` customer by customer
  /// on the stream `family.stream(for: customer)`.
  mutating func draw(
    copula: GaussianCopula, family: StreamFamily, first: Int, count: Int
  ) {
    self.count = count
    let d = copula.dimension
    streams.withUnsafeMutableBufferPointer { streams in
      for j in 0..<count {
        streams[j] = family.stream(for: UInt64(first + j))
      }
    }
    streams.withUnsafeBufferPointer { streams in
      let block = UnsafeBufferPointer(rebasing: streams[0..<count])
      independent.withUnsafeMutableBufferPointer { z in
        tails.withUnsafeMutableBufferPointer { tails in
          for k in 0..<d {
            Normal.fillQuantiles(
              of: block, at: UInt64(k),
              into: UnsafeMutableBufferPointer(
                rebasing: z[k * count..<(k + 1) * count]),
              tails: tails)
          }
        }
      }
    }
    independent.withUnsafeBufferPointer { z in
      latent.withUnsafeMutableBufferPointer { x in
        copula.factor.multiplyColumns(z, count: count, into: x)
      }
    }
  }
}
