import FenqiCore

/// A pointer handed to worker threads that touch disjoint parts of its memory.
struct SharedPointer<T>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<T>
}

/// Grows one regression tree leaf-wise on histograms (LightGBM's algorithm).
///
/// Holds every buffer a tree needs, allocated once per training run. Histograms are built
/// row-wise over fixed blocks of 16,384 rows, each block into its own buffer, and the blocks are
/// summed in block order, so the result is the same at any thread count. A child's histogram
/// is the parent's minus its sibling's (the subtraction trick); only the smaller child is built.
final class TreeGrower {
  static let blockRows = 16_384

  let featureCount: Int
  let rowCount: Int
  let bins: UnsafePointer<UInt8>
  /// Interleaved gradient and hessian per row.
  let gradients: UnsafeMutablePointer<Double>
  let binCount: [Int]
  let binOffset: [Int]
  let totalBins: Int
  let isCategorical: [Bool]
  let monotone: [Int]
  let parameters: GBDTParameters
  let finder: SplitFinder

  /// Row indices; each leaf owns a contiguous range.
  let indices: UnsafeMutablePointer<Int32>
  private let scratchIndices: UnsafeMutablePointer<Int32>
  private let scratchRights: UnsafeMutablePointer<Int32>
  /// One histogram slot per possible leaf.
  private let histograms: UnsafeMutablePointer<Double>
  private let blockHistograms: UnsafeMutablePointer<Double>
  private let maxBlocks: Int

  /// Per-leaf state of the tree being grown.
  private(set) var leafBegin: [Int] = []
  private(set) var leafCount: [Int] = []
  private var leafSlot: [Int] = []
  private var leafDepth: [Int] = []
  private var leafContext: [LeafContext] = []
  private var leafBest: [SplitCandidate] = []
  private var leafParent: [Int] = []
  private var leafIsLeft: [Bool] = []

  init(
    bins: UnsafePointer<UInt8>, rowCount: Int, mappers: [BinMapper],
    monotone: [Int], parameters: GBDTParameters
  ) {
    featureCount = mappers.count
    self.rowCount = rowCount
    self.bins = bins
    binCount = mappers.map { $0.valueBins + 1 }
    var offsets: [Int] = []
    var total = 0
    for c in binCount {
      offsets.append(total)
      total += c
    }
    binOffset = offsets
    totalBins = total
    isCategorical = mappers.map(\.isCategorical)
    self.monotone = monotone
    self.parameters = parameters
    finder = SplitFinder(
      l2: parameters.l2, minDataInLeaf: Double(parameters.minDataInLeaf),
      minSumHessian: parameters.minSumHessianInLeaf,
      maxCategoryThreshold: parameters.maxCategoryThreshold,
      categorySmoothing: parameters.categorySmoothing,
      minDataPerCategory: Double(parameters.minDataPerCategory))
    gradients = .allocate(capacity: 2 * Swift.max(1, rowCount))
    indices = .allocate(capacity: Swift.max(1, rowCount))
    scratchIndices = .allocate(capacity: Swift.max(1, rowCount))
    scratchRights = .allocate(capacity: Swift.max(1, rowCount))
    let slots = Swift.max(2, parameters.maxLeaves)
    histograms = .allocate(capacity: slots * 3 * total)
    maxBlocks = Swift.max(1, (rowCount + Self.blockRows - 1) / Self.blockRows)
    blockHistograms = .allocate(capacity: maxBlocks * 3 * total)
  }

  deinit {
    gradients.deallocate()
    indices.deallocate()
    scratchIndices.deallocate()
    scratchRights.deallocate()
    histograms.deallocate()
    blockHistograms.deallocate()
  }

  /// Grows a tree on the first `inBag` entries of ``indices`` using ``gradients``.
  ///
  /// Leaf outputs are multiplied by the learning rate. Afterwards leaf k owns
  /// `indices[leafBegin[k] ..< leafBegin[k] + leafCount[k]]`. Returns nil when the root
  /// cannot be split.
  func grow(inBag: Int, allowed: [Bool]) -> DecisionTree? {
    var tree = DecisionTree()
    tree.leafValue = []
    tree.leafCount = []
    leafBegin = [0]
    leafCount = [inBag]
    leafSlot = [0]
    leafDepth = [0]
    leafParent = [-1]
    leafIsLeft = [false]
    buildHistogram(slot: 0, begin: 0, count: inBag)
    let root = histogram(slot: 0)
    var g = 0.0
    var h = 0.0
    for b in 0..<binCount[0] {
      g += root[3 * b]
      h += root[3 * b + 1]
    }
    leafContext = [
      LeafContext(
        gradient: g, hessian: h, count: Double(inBag), lower: -.infinity,
        upper: .infinity)
    ]
    leafBest = [bestSplit(leaf: 0, allowed: allowed)]
    guard leafBest[0].isValid, leafBest[0].gain > parameters.minGainToSplit
    else { return nil }
    let maxLeaves = Swift.max(2, parameters.maxLeaves)
    while leafBegin.count < maxLeaves {
      var chosen = -1
      var bestGain = parameters.minGainToSplit
      for (k, candidate) in leafBest.enumerated()
      where candidate.isValid && candidate.gain > bestGain {
        chosen = k
        bestGain = candidate.gain
      }
      if chosen < 0 { break }
      split(leaf: chosen, tree: &tree, allowed: allowed)
    }
    tree.leafValue = leafContext.indices.map { k in
      parameters.learningRate
        * finder.output(
          leafContext[k].gradient, leafContext[k].hessian, leafContext[k].lower,
          leafContext[k].upper)
    }
    tree.leafCount = leafCount.map(Double.init)
    return tree
  }

  private func histogram(slot: Int) -> UnsafeMutablePointer<Double> {
    histograms + slot * 3 * totalBins
  }

  private func bestSplit(leaf: Int, allowed: [Bool]) -> SplitCandidate {
    var best = SplitCandidate()
    let context = leafContext[leaf]
    if leafCount[leaf] < 2 * parameters.minDataInLeaf { return best }
    if parameters.maxDepth > 0, leafDepth[leaf] >= parameters.maxDepth {
      return best
    }
    let parentScore = finder.score(
      context.gradient, context.hessian,
      finder.output(
        context.gradient, context.hessian, context.lower, context.upper))
    let base = histogram(slot: leafSlot[leaf])
    for f in 0..<featureCount where allowed[f] && binCount[f] > 2 {
      let h = UnsafePointer(base + 3 * binOffset[f])
      if isCategorical[f] {
        finder.categorical(
          histogram: h, valueBins: binCount[f] - 1, feature: f, leaf: context,
          parentScore: parentScore, into: &best)
      } else {
        finder.numeric(
          histogram: h, valueBins: binCount[f] - 1, feature: f,
          monotone: monotone[f], leaf: context, parentScore: parentScore,
          into: &best)
      }
    }
    return best
  }

  private func split(leaf: Int, tree: inout DecisionTree, allowed: [Bool]) {
    let best = leafBest[leaf]
    let node = tree.feature.count
    let f = best.feature
    tree.feature.append(Int32(f))
    tree.thresholdBin.append(UInt16(best.thresholdBin))
    tree.defaultLeft.append(best.defaultLeft)
    tree.gain.append(best.gain)
    tree.nodeCount.append(Double(leafCount[leaf]))
    if let words = best.categories {
      tree.categorySet.append(Int32(tree.categorySets.count))
      tree.categorySets.append(words)
      tree.thresholdValue.append(.nan)
    } else {
      tree.categorySet.append(-1)
      tree.thresholdValue.append(.nan)  // filled in by the trainer
    }
    let newLeaf = leafBegin.count
    tree.left.append(Int32(~leaf))
    tree.right.append(Int32(~newLeaf))
    if leafParent[leaf] >= 0 {
      let p = leafParent[leaf]
      if leafIsLeft[leaf] {
        tree.left[p] = Int32(node)
      } else {
        tree.right[p] = Int32(node)
      }
    }
    // Partition the leaf's rows, stably.
    let begin = leafBegin[leaf]
    let count = leafCount[leaf]
    let missing = binCount[f] - 1
    var goesLeft = [Bool](repeating: false, count: binCount[f])
    for b in 0..<binCount[f] {
      goesLeft[b] = tree.goesLeft(node: node, bin: b, missingBin: missing)
    }
    let leftCount = partition(
      begin: begin, count: count, feature: f, goesLeft: goesLeft)
    precondition(Double(leftCount) == best.leftCount, "partition mismatch")
    let parent = leafContext[leaf]
    var leftContext = LeafContext(
      gradient: best.leftGradient, hessian: best.leftHessian,
      count: best.leftCount, lower: parent.lower, upper: parent.upper)
    var rightContext = LeafContext(
      gradient: best.rightGradient, hessian: best.rightHessian,
      count: best.rightCount, lower: parent.lower, upper: parent.upper)
    // Monotone constraints, basic method: children's outputs bounded by the midpoint.
    let mid = (best.leftOutput + best.rightOutput) / 2
    if monotone[f] > 0 {
      leftContext.upper = Swift.min(leftContext.upper, mid)
      rightContext.lower = Swift.max(rightContext.lower, mid)
    } else if monotone[f] < 0 {
      leftContext.lower = Swift.max(leftContext.lower, mid)
      rightContext.upper = Swift.min(rightContext.upper, mid)
    }
    let depth = leafDepth[leaf] + 1
    let parentSlot = leafSlot[leaf]
    let newSlot = newLeaf
    leafBegin[leaf] = begin
    leafCount[leaf] = leftCount
    leafDepth[leaf] = depth
    leafContext[leaf] = leftContext
    leafParent[leaf] = node
    leafIsLeft[leaf] = true
    leafBegin.append(begin + leftCount)
    leafCount.append(count - leftCount)
    leafDepth.append(depth)
    leafContext.append(rightContext)
    leafParent.append(node)
    leafIsLeft.append(false)
    leafSlot.append(0)
    leafBest.append(SplitCandidate())
    let canSplit = { (k: Int) -> Bool in
      self.leafCount[k] >= 2 * self.parameters.minDataInLeaf
        && (self.parameters.maxDepth <= 0 || depth < self.parameters.maxDepth)
    }
    guard canSplit(leaf) || canSplit(newLeaf),
      leafBegin.count < Swift.max(2, parameters.maxLeaves)
    else {
      leafBest[leaf] = SplitCandidate()
      return
    }
    // Build the smaller child; the larger is the parent minus it.
    let smaller = leftCount <= count - leftCount ? leaf : newLeaf
    let larger = smaller == leaf ? newLeaf : leaf
    leafSlot[smaller] = newSlot
    leafSlot[larger] = parentSlot
    buildHistogram(
      slot: newSlot, begin: leafBegin[smaller], count: leafCount[smaller])
    let big = histogram(slot: parentSlot)
    let small = histogram(slot: newSlot)
    for k in 0..<(3 * totalBins) { big[k] -= small[k] }
    leafBest[leaf] = bestSplit(leaf: leaf, allowed: allowed)
    leafBest[newLeaf] = bestSplit(leaf: newLeaf, allowed: allowed)
  }

  /// Stably partitions `indices[begin ..< begin + count]` by `goesLeft[bin of feature]`;
  /// returns the number going left.
  ///
  /// Blocks of ``blockRows`` rows split into their own left and right lists in parallel; the
  /// lists are then copied back in block order, so the result is the serial stable partition.
  private func partition(
    begin: Int, count: Int, feature f: Int, goesLeft: [Bool]
  )
    -> Int
  {
    let blocks = Swift.max(1, (count + Self.blockRows - 1) / Self.blockRows)
    var leftCounts = [Int](repeating: 0, count: blocks)
    let rows = SharedPointer(pointer: indices + begin)
    let lefts = SharedPointer(pointer: scratchIndices)
    let rights = SharedPointer(pointer: scratchRights)
    let column = SharedPointer(
      pointer: UnsafeMutablePointer(mutating: bins + f))
    let width = featureCount
    let blockRows = Self.blockRows
    leftCounts.withUnsafeMutableBufferPointer { countsBuffer in
      let counts = DisjointMutableBuffer(countsBuffer)
      goesLeft.withUnsafeBufferPointer { leftBuffer in
        let left = SharedPointer(
          pointer: UnsafeMutablePointer(mutating: leftBuffer.start))
        ParallelChunks.forEach(count: blocks, threads: parameters.threads) {
          b in
          let start = b * blockRows
          let end = Swift.min(count, start + blockRows)
          var l = start
          var r = start
          for i in start..<end {
            if i + 16 < end {
              Prefetch.read(column.pointer + Int(rows.pointer[i + 16]) * width)
            }
            let row = rows.pointer[i]
            if left.pointer[Int(column.pointer[Int(row) * width])] {
              lefts.pointer[l] = row
              l += 1
            } else {
              rights.pointer[r] = row
              r += 1
            }
          }
          counts[b] = l - start
        }
      }
    }
    let totalLeft = leftCounts.reduce(0, +)
    var leftAt = 0
    var rightAt = totalLeft
    for b in 0..<blocks {
      let start = b * Self.blockRows
      let size = Swift.min(count, start + Self.blockRows) - start
      let l = leftCounts[b]
      (indices + begin + leftAt).update(from: scratchIndices + start, count: l)
      (indices + begin + rightAt).update(
        from: scratchRights + start, count: size - l)
      leftAt += l
      rightAt += size - l
    }
    return totalLeft
  }

  /// Builds the histogram of `indices[begin ..< begin + count]` into `slot`.
  private func buildHistogram(slot: Int, begin: Int, count: Int) {
    let width = 3 * totalBins
    let destination = histogram(slot: slot)
    let blocks = Swift.max(1, (count + Self.blockRows - 1) / Self.blockRows)
    let target = SharedPointer(
      pointer: blocks == 1 ? destination : blockHistograms)
    let rows = SharedPointer(pointer: indices + begin)
    let gh = SharedPointer(pointer: gradients)
    let binsShared = SharedPointer(
      pointer: UnsafeMutablePointer(mutating: bins))
    let rowWidth = featureCount
    let offsets = binOffset.map { 3 * $0 }
    let blockRows = Self.blockRows
    let work = { @Sendable (block: Int) in
      let out = target.pointer + block * width
      out.initialize(repeating: 0, count: width)
      let start = block * blockRows
      let end = Swift.min(count, start + blockRows)
      let raw = UnsafeMutableRawPointer(out)
      offsets.withUnsafeBufferPointer { off in
        let ahead = 16
        for i in start..<end {
          if i + ahead < end {
            let next = Int(rows.pointer[i + ahead])
            Prefetch.read(binsShared.pointer + next * rowWidth)
            Prefetch.read(gh.pointer + 2 * next)
          }
          let row = Int(rows.pointer[i])
          // One 16-byte add for (gradient, hessian), one for the count.
          let pair = UnsafeRawPointer(gh.pointer + 2 * row).loadUnaligned(
            as: SIMD2<Double>.self)
          let rowBins = binsShared.pointer + row * rowWidth
          for f in 0..<rowWidth {
            let byte = 8 * (off[f] + 3 * Int(rowBins[f]))
            let sum =
              raw.loadUnaligned(fromByteOffset: byte, as: SIMD2<Double>.self)
              + pair
            raw.storeBytes(of: sum, toByteOffset: byte, as: SIMD2<Double>.self)
            let countByte = byte + 16
            raw.storeBytes(
              of: raw.load(fromByteOffset: countByte, as: Double.self) + 1,
              toByteOffset: countByte, as: Double.self)
          }
        }
      }
    }
    if blocks == 1 {
      work(0)
      return
    }
    ParallelChunks.forEach(count: blocks, threads: parameters.threads, work)
    destination.update(from: blockHistograms, count: width)
    for b in 1..<blocks {
      let source = blockHistograms + b * width
      for k in 0..<width { destination[k] += source[k] }
    }
  }
}
