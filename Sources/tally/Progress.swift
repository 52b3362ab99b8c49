import Foundation
import TallyExtractor

#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress display on standard error for long `ingest` and `extract` runs.
///
/// It shows files done of the total, megabytes, claims, the rate and the time left, redrawn in
/// place at most ten times a second. It is silent unless standard error is a terminal, there are
/// more than ``minimumFiles`` files, and `--quiet` was not given: logs and pipes never see it.
final class ProgressMeter {
  /// Below this many files a run is short enough to need no progress.
  static let minimumFiles = 300

  private let totalFiles: Int
  private let totalBytes: Int
  private let started = DispatchTime.now().uptimeNanoseconds
  /// The first line is drawn a tenth of a second in, when the rate means something.
  private lazy var lastDrawn: UInt64 = started
  private var files = 0
  private var bytes = 0
  private var claims = 0
  private var drawn = false

  /// A meter for the files `paths` name, or nil when progress is not to be shown.
  ///
  /// Only a meter that is shown walks the paths, once, to count the files and their bytes; the
  /// walk keeps no list of them (see ``InputWalk``).
  ///
  /// - Parameters:
  ///   - paths: The paths of the run, as given on the command line.
  ///   - quiet: `--quiet` was given.
  ///   - isTerminal: Whether standard error is a terminal (`isatty(2)` by default).
  init?(paths: [String], quiet: Bool, isTerminal: Bool = isatty(2) != 0) {
    guard !quiet, isTerminal else { return nil }
    var count = 0
    var total = 0
    var walk = InputWalk(paths)
    while let file = walk.next() {
      count += 1
      var st = stat()
      if case .file(let path) = file, stat(path, &st) == 0 { total += Int(st.st_size) }
    }
    guard count > Self.minimumFiles else { return nil }
    totalFiles = count
    totalBytes = total
  }

  /// Counts one file done (read or failed), with its size and claims.
  func add(bytes: Int, claims: Int) {
    files += 1
    self.bytes += bytes
    self.claims += claims
    let now = DispatchTime.now().uptimeNanoseconds
    if now - lastDrawn >= 100_000_000 || files == totalFiles {
      lastDrawn = now
      draw(now: now)
    }
  }

  /// Clears the line, leaving standard error as it was before the run.
  func finish() {
    clearLine()
  }

  /// Clears the line so that a message can be written; the next update draws it again.
  func clearLine() {
    if drawn { write("\r\u{1B}[K") }
    drawn = false
  }

  private func draw(now: UInt64) {
    let seconds = Double(now - started) / 1e9
    let megabytes = Double(bytes) / 1e6
    let rate = seconds > 0 ? megabytes / seconds : 0
    var left = "--:--"
    if rate > 0, totalBytes > bytes {
      let remaining = Int((Double(totalBytes - bytes) / 1e6 / rate).rounded())
      left = String(format: "%d:%02d", remaining / 60, remaining % 60)
    } else if totalBytes <= bytes {
      left = "0:00"
    }
    let line =
      "\r\(files)/\(totalFiles) files  " + String(format: "%.1f/%.1f MB", megabytes, Double(totalBytes) / 1e6)
      + "  \(claims) claims  " + String(format: "%.1f MB/s", rate) + "  \(left) left\u{1B}[K"
    write(line)
    drawn = true
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
