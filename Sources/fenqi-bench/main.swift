import FenqiSimulation
import Foundation
let path = CommandLine.arguments[1]
let n = Int(CommandLine.arguments[2])!
let threads = Int(CommandLine.arguments[3])!
var (s, _) = try! ScenarioLoader.load(path: path)
s.population.size = n
let e = SimulationEngine(scenario: s, threads: threads)
let t0 = DispatchTime.now().uptimeNanoseconds
let p = e.prepare()
let t1 = DispatchTime.now().uptimeNanoseconds
let r = e.run(p)
let t2 = DispatchTime.now().uptimeNanoseconds
let cm = Double(n * s.periods)
print("setup", Double(t1-t0)/1e9, "run", Double(t2-t1)/1e9, "cm/s run", cm / (Double(t2-t1)/1e9))
for a in r.arms { print(a.name, a.totals.needs, a.totals.applications/a.totals.needs, a.approvalRate, a.totals.book.chargeOffs/a.totals.approvals, (a.totals.book.totalBalance - a.totals.book.balance.0)/a.totals.book.totalBalance) }
print(r.conservationError)
