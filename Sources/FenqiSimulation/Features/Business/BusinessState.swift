import FenqiPopulation
import Foundation

/// The per-customer-value fields kept by arm × segment over the whole run (see
/// ``BusinessState/segmentValue``).
enum ValueField: Int, CaseIterable {
  case customers, purchasers, repeatPurchasers, churned, negativeValue
  case valueSum, instalmentOrders, instalmentOrderValue, cashOrders
  case cashOrderValue

  /// The flat index of a field for an arm and segment.
  static func index(_ f: ValueField, arm: Int, segment: Int, segments: Int)
    -> Int
  {
    (arm * segments + segment) * allCases.count + f.rawValue
  }
}

/// A chunk's business-layer columns: firm attributes and cash flow, credit lines and the bureau,
/// purchases and value per customer, and this month's merchant reports.
///
/// Present only when the scenario has `business`; every column is indexed by the customer's
/// local index.
struct BusinessState: Sendable {
  /// Firm attributes (nil: no firm segments).
  var firms: FirmColumns?
  /// A firm's miss-logit shift this month from the cash it receives (empty without firms).
  var missShift: [Float] = []
  /// A firm's cash received this month ÷ its average (empty without firms).
  var cashIndex: [Float] = []
  /// A firm's revenue this month ÷ its average, which moves its needs (empty without firms).
  var revenueNow: [Float] = []
  /// Outstanding principal, kept current through the month's bookings.
  var used: [Float]
  /// 0: owed nothing at the last month's end; 1: owed and current; 2: owed and past due.
  var previousState: [UInt8]
  /// The credit line, yuan (empty without a line policy).
  var line: [Float] = []
  /// 1 when the line is frozen.
  var frozen: [UInt8] = []
  /// Consecutive months with nothing past due.
  var clean: [UInt8] = []
  /// The worst months past due since the last review.
  var worstSinceReview: [UInt8] = []
  /// Outstanding principal at the last review.
  var balanceAtReview: [Float] = []
  /// The current bureau score, points.
  var bureau: [Float] = []
  /// The bureau score at the last review.
  var bureauAtReview: [Float] = []
  /// Each month's probability of a derogatory bureau event (other lenders), fixed per customer.
  var bureauEvent: [Float] = []
  /// Purchases made.
  var purchases: [UInt16]
  /// The month of the last purchase.
  var lastPurchase: [UInt16]
  /// Income − write-offs on the customer's ledger at the last month's end.
  var previousNet: [Double]
  /// Write-offs on the ledger at the last month's end.
  var previousWrittenOff: [Float]
  /// The customer's value so far: discounted net cash flows.
  var value: [Double]
  /// This month, per arm × merchant slot: principal financed.
  var merchantFinanced: [Double]
  /// This month's end, per arm × merchant slot: principal outstanding.
  var merchantExposure: [Double]
  /// This month, per arm × merchant slot: principal disputed.
  var merchantDisputed: [Double]
  /// Run-wide per arm × segment × ``ValueField``.
  var segmentValue: [Double]

  /// Bytes per customer of these columns: used, state, purchases, last purchase, previous net,
  /// previous write-offs and value always; lines and the bureau with a line policy; firm
  /// attributes and cash flow with firms.
  var bytesPerCustomer: Int {
    Self.bytesPerCustomer(lines: !line.isEmpty, firms: firms != nil)
  }

  /// Bytes per customer of a chunk's columns with or without a line policy and firms.
  static func bytesPerCustomer(lines: Bool, firms: Bool) -> Int {
    (4 + 1 + 2 + 2 + 8 + 4 + 8)
      + (lines ? 4 + 1 + 1 + 1 + 4 + 4 + 4 + 4 : 0)
      + (firms ? 1 + 4 + 2 + 4 + 4 + 4 + 4 + 4 : 0)
  }

  init(
    customers: CustomerColumns, tables b: BusinessTables, arms: Int,
    seed: UInt64
  ) {
    let n = customers.count
    if let f = b.firms {
      firms = FirmColumns(
        customers: customers, isFirm: b.isFirmSegment, profile: f.profile,
        seed: seed)
      missShift = .init(repeating: 0, count: n)
      cashIndex = .init(repeating: 0, count: n)
      revenueNow = .init(repeating: 1, count: n)
    }
    used = .init(repeating: 0, count: n)
    previousState = .init(repeating: 0, count: n)
    if b.hasLines {
      line = .init(repeating: 0, count: n)
      frozen = .init(repeating: 0, count: n)
      clean = .init(repeating: 0, count: n)
      worstSinceReview = .init(repeating: 0, count: n)
      balanceAtReview = .init(repeating: 0, count: n)
      bureau = customers.creditScore
      bureauAtReview = customers.creditScore
      let d = b.settings.bureau
      bureauEvent = customers.latentRisk.map {
        // A logistic event rate in the customer's latent risk.
        Float(1 / (1 + exp(-(d.eventLogit + d.latentRiskWeight * Double($0)))))
      }
    }
    purchases = .init(repeating: 0, count: n)
    lastPurchase = .init(repeating: 0, count: n)
    previousNet = .init(repeating: 0, count: n)
    previousWrittenOff = .init(repeating: 0, count: n)
    value = .init(repeating: 0, count: n)
    let slots = arms * b.merchantSlots
    merchantFinanced = .init(repeating: 0, count: slots)
    merchantExposure = merchantFinanced
    merchantDisputed = merchantFinanced
    segmentValue = .init(
      repeating: 0,
      count: arms * b.isFirmSegment.count * ValueField.allCases.count)
  }
}
