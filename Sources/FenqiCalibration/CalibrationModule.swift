import FenqiCredit

/// The version of the calibration file formats (`moments.json`, `calibrated.json`).
public let calibrationFormatVersion = 1
