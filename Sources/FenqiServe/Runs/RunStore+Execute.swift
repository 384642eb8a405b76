import FenqiCore
import FenqiExperiment
import FenqiReport
import FenqiSimulation
import Foundation

/// Running one submitted scenario and writing its folder.
extension RunStore {
  func execute(_ job: RunJob) {
    let scenario = job.scenario
    let started = wallClock()
    let run = ExperimentRun.run(
      scenario, threads: threads, progressEvery: 1,
      progress: { [self] p in
        condition.lock()
        if job.state == .running {
          job.progress =
            Double(p.completedPeriods) / Double(max(1, p.totalPeriods))
          job.stage = "period \(p.completedPeriods)/\(p.totalPeriods)"
        }
        condition.unlock()
      },
      stage: { [self] s in
        condition.lock()
        if job.state == .running {
          switch s {
          case .counterfactual: job.stage = "counterfactual runs"
          case .replicates(let r): job.stage = "\(r) replicates"
          case .economicsReplicates(let r):
            job.stage = "\(r - 1) more seeds for the economics"
          }
        }
        condition.unlock()
      })
    let manifest = RunManifest(
      scenarioFile: "POST /v1/runs", scenarioSHA256: job.sha256,
      fenqiVersion: version, startedAt: Self.iso(started),
      finishedAt: Self.iso(wallClock()), threads: threads)
    let files = RunFolderWriter.files(
      of: run, scenario: scenario, manifest: manifest)
    writeLock.lock()
    defer { writeLock.unlock() }
    condition.lock()
    guard job.state == .running, !closed else {
      condition.unlock()
      return
    }
    job.stage = "writing"
    condition.unlock()
    var failure: String?
    do {
      try RunFolderWriter.write(files, to: folders.path(job.id), force: false)
    } catch {
      failure = error.message.replacingOccurrences(
        of: folders.root, with: "<runs>")
    }
    condition.lock()
    job.state = failure == nil ? .succeeded : .failed
    job.progress = failure == nil ? 1 : job.progress
    job.stage = failure == nil ? "written" : "failed"
    job.failure = failure
    condition.unlock()
  }
}
