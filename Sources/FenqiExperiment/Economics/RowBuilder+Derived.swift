import FenqiSimulation

extension RowBuilder {
  /// Ratios, uplifts, pull-forward and the campaign cohort's losses.
  func derivedRows() -> [EconomicsRow] {
    let nan = Double.nan
    var out = [
      // Both ratios mean something only for an arm that spends more and books more: with less
      // spend (or fewer bookings) a ratio of two negatives would read as a return.
      row(.costPerIncrementalBooking) { t, c in
        let (spend, extra) = (
          t[.marketingCost] - c[.marketingCost], t[.bookings] - c[.bookings]
        )
        return (nan, nan, spend > 0 && extra > 0 ? spend / extra : nan)
      },
      row(.incrementalROI) { t, c in
        let spend = t[.marketingCost] - c[.marketingCost]
        return (nan, nan, spend > 0 ? ratio(t[.npv] - c[.npv], spend) : nan)
      },
      row(.bookingUplift) { t, c in
        (nan, nan, ratio(t[.bookings] - c[.bookings], c[.bookings]))
      },
      // Break-even: the uplift at which ΔNPV = 0 when each incremental booking keeps its
      // margin before marketing, m = (ΔNPV + Δmarketing) ÷ Δbookings, and the spend is fixed:
      // Δbookings* = Δmarketing ÷ m, as a share of the control's bookings.
      row(.breakEvenUplift) { t, c in
        let spend = t[.marketingCost] - c[.marketingCost]
        let extra = t[.bookings] - c[.bookings]
        let margin = ratio(t[.npv] - c[.npv] + spend, extra)
        return (
          nan, nan, margin > 0 ? ratio(spend / margin, c[.bookings]) : nan
        )
      },
    ]
    let months = EconomicsSample.months(scenario, treatment: treatment)
    if months.after != nil {
      out.append(
        row(.displacedBookings, perCustomer: true) { t, c in
          (
            t.postCampaignBookings, c.postCampaignBookings,
            c.postCampaignBookings - t.postCampaignBookings
          )
        })
      var dip = row(.postCampaignDip) { t, c in
        (nan, nan, 1 - ratio(t.postCampaignBookings, c.postCampaignBookings))
      }
      dip.input = urgencyDip
      out.append(dip)
      out.append(
        row(.displacedShare) { t, c in
          (
            nan, nan,
            ratio(
              c.postCampaignBookings - t.postCampaignBookings,
              t.campaignBookings - c.campaignBookings)
          )
        })
    }
    out.append(
      row(.cohortLossRate) { t, c in
        let (a, b) = (
          ratio(t.cohortChargeOff, t.cohortPrincipal),
          ratio(c.cohortChargeOff, c.cohortPrincipal)
        )
        return (a, b, a - b)
      })
    out.append(
      row(.incrementalCohortLossRate) { t, c in
        (
          nan, nan,
          ratio(
            t.cohortChargeOff - c.cohortChargeOff,
            t.cohortPrincipal - c.cohortPrincipal)
        )
      })
    out.append(
      row(.residualBalance) { t, c in
        (
          t.residualBalance, c.residualBalance,
          t.residualBalance - c.residualBalance
        )
      })
    return out
  }

  /// The need-rate dip the treatment's urgency puts into the months after its campaign:
  /// pull-forward × campaign length ÷ dip months, at most 1 (0 without urgency).
  var urgencyDip: Double {
    guard let m = scenario.arms[treatment].marketing, let c = m.campaign,
      let u = m.urgency
    else { return 0 }
    return min(
      1, u.pullForward * Double(c.length) / Double(max(u.dipMonths, 1)))
  }

  /// Each channel judged on its own increment: its incremental bookings, cost and their value —
  /// incremental bookings × the margin of an incremental booking before marketing over this
  /// horizon, (ΔNPV + Δmarketing) ÷ Δbookings — and (value − cost) ÷ cost.
  func channelRows() -> [EconomicsRow] {
    let names = scenario.channels.map(\.name) + ["referral"]
    let count = economics.samples[0].ledgers[horizon][treatment].channelBookings
      .count
    guard count > 0 else { return [] }
    var out: [EconomicsRow] = []
    for j in 0..<min(count, names.count) {
      let nan = Double.nan
      func margin(_ t: ArmLedger, _ c: ArmLedger) -> Double {
        ratio(
          t[.npv] - c[.npv] + t[.marketingCost] - c[.marketingCost],
          t[.bookings] - c[.bookings])
      }
      out.append(
        row(.channelBookings, channel: names[j], perCustomer: true) { t, c in
          (
            t.channelBookings[j], c.channelBookings[j],
            t.channelBookings[j] - c.channelBookings[j]
          )
        })
      out.append(
        row(.channelCost, channel: names[j], perCustomer: true) { t, c in
          (
            t.channelCost[j], c.channelCost[j],
            t.channelCost[j] - c.channelCost[j]
          )
        })
      out.append(
        row(.channelValue, channel: names[j]) { t, c in
          (
            nan, nan,
            (t.channelBookings[j] - c.channelBookings[j]) * margin(t, c)
          )
        })
      out.append(
        row(.channelROI, channel: names[j]) { t, c in
          let cost = t.channelCost[j] - c.channelCost[j]
          let value =
            (t.channelBookings[j] - c.channelBookings[j]) * margin(t, c)
          return (nan, nan, abs(cost) < 1e-9 ? nan : (value - cost) / cost)
        })
    }
    return out
  }
}

/// a ÷ b, NaN when b is 0 or either is not finite.
func ratio(_ a: Double, _ b: Double) -> Double {
  b == 0 || !a.isFinite || !b.isFinite ? .nan : a / b
}
