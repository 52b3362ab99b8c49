import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What one run of the `tally` binary gave.
struct RunResult: Sendable {
  /// Everything written to standard output, as bytes.
  var stdoutBytes: [UInt8]
  /// Standard error, decoded as UTF-8.
  var stderr: String
  /// The exit code.
  var exitCode: Int32

  /// Standard output, decoded as UTF-8.
  var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
}

/// Runs the built `tally` executable, as the argument parser's own end-to-end tests do.
enum Tally {
  /// The folder that holds the build products: the test bundle's folder on Linux.
  static var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      return bundle.bundleURL.deletingLastPathComponent()
    }
    fatalError("cannot find the products folder")
    #else
    return Bundle.main.bundleURL
    #endif
  }

  /// The `tally` binary beside the tests.
  static var binary: URL { productsDirectory.appendingPathComponent("tally") }

  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Runs `tally` with `arguments` in `directory`, feeding `stdin` (or nothing) to it.
  ///
  /// Output goes to temporary files rather than pipes, so a large output cannot fill a pipe
  /// and stall the child. `whileRunning` is called with the child's process id every 20 ms
  /// until it exits.
  static func run(
    _ arguments: [String], in directory: URL? = nil, stdin: [UInt8]? = nil,
    whileRunning: ((Int32) -> Void)? = nil
  ) throws -> RunResult {
    let scratch = try TempFolder()
    let outURL = URL(fileURLWithPath: try scratch.write("stdout", ""))
    let errURL = URL(fileURLWithPath: try scratch.write("stderr", ""))
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }

    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = out
    process.standardError = err
    if let stdin {
      let inPath = try scratch.write("stdin", bytes: stdin)
      process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    if let whileRunning {
      while process.isRunning {
        whileRunning(process.processIdentifier)
        usleep(20_000)
      }
    }
    process.waitUntilExit()

    return RunResult(
      stdoutBytes: try [UInt8](Data(contentsOf: outURL)),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
      exitCode: process.terminationStatus)
  }
}

/// A fresh temporary folder, removed when the value goes away.
final class TempFolder: Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The path of `name` inside the folder.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `text` to `name` (folders are created as needed) and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  /// Writes `bytes` to `name` (folders are created as needed) and returns its path.
  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }
}
