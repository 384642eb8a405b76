import FenqiExperiment
import FenqiSimulation

/// The files of a whole run, as `fenqi run` and `fenqi serve`'s `POST /v1/runs` both write them.
extension RunFolderWriter {
  /// The files of `run` of `scenario`: the experiment's files and the replicate tables when it
  /// has them, then ``files(_:manifest:experiment:replicates:economics:)``.
  ///
  /// One function for both commands, so a run submitted over the API is byte-identical to
  /// `fenqi run` of the same scenario and seed (every file but `manifest.json`, which records
  /// times and the source).
  public static func files(
    of run: ExperimentRun, scenario: Scenario, manifest: RunManifest
  ) -> [(name: String, text: String)] {
    var experiment: ExperimentFiles?
    var replicateTables: (rows: CSVTable, summary: CSVTable)?
    if let spec = scenario.experiment {
      experiment = ExperimentFiles(
        outcomes: run.outcomes, verdicts: run.verdicts, spec: spec,
        sampleRatio: run.sampleRatio)
      if !run.replicates.isEmpty {
        replicateTables = (
          ReplicatesTable.rows(run.replicates, alpha: spec.alpha),
          ReplicatesTable.summary(run.replicateSummary)
        )
      }
    }
    return files(
      run.result, manifest: manifest, experiment: experiment,
      replicates: replicateTables, economics: run.economics)
  }
}
