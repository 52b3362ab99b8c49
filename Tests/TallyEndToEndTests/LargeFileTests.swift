import Foundation
import Testing

/// A file much larger than the reader's blocks is read in bounded memory.
@Suite struct LargeFileTests {
  /// One paragraph with exactly one figure; the file repeats it with blank lines between.
  static let paragraph = """
    In the harbour town of Vellmar, the regional council said that 12 civilians were wounded when a \
    storm tore through the quay overnight, damaging boats, sheds and the old customs pier that the \
    town had only just finished repairing after last winter.\n\n
    """

  /// The size of the large file in MB. The brief's 100 MB takes minutes in a debug build (about
  /// 0.3-0.5 MB/s here), so the suite compares an 8 MB file with a 2 MB one: if the reader held the
  /// file or its claims, the larger run would need several MB more. Set `TALLY_E2E_LARGE_MB=100`
  /// for the full size (measured in a release build on 2026-11-21: see the README).
  static let megabytes = ProcessInfo.processInfo.environment["TALLY_E2E_LARGE_MB"].flatMap(Int.init) ?? 8

  /// The absolute ceiling on the child's peak resident set size.
  static let limit = 150 << 20

  /// Writes a file of `megabytes` MB of paragraphs and extracts it; returns the peak RSS, the
  /// paragraph count and the result.
  static func run(megabytes: Int, in folder: TempFolder) throws -> (peak: Int, count: Int, result: RunResult) {
    let paragraphBytes = Data(Self.paragraph.utf8)
    let count = megabytes * 1_000_000 / paragraphBytes.count
    let name = "large-\(megabytes).txt"
    let file = try FileHandle(forWritingTo: URL(fileURLWithPath: try folder.write(name, "")))
    let block = Data(Array(repeating: paragraphBytes, count: 1000).joined())
    for _ in 0..<count / 1000 { try file.write(contentsOf: block) }
    for _ in 0..<count % 1000 { try file.write(contentsOf: paragraphBytes) }
    try file.close()
    // VmHWM is the child's own peak RSS; the kernel keeps it until the child is reaped.
    var peak = 0
    let result = try Tally.run(["extract", name], in: folder.url) { pid in
      peak = max(peak, Self.highWaterMark(pid: pid) ?? 0)
    }
    return (peak, count, result)
  }

  @Test func largeFileIsReadInBoundedMemory() throws {
    let folder = try TempFolder()
    let small = try Self.run(megabytes: 2, in: folder)
    let large = try Self.run(megabytes: Self.megabytes, in: folder)
    #expect(large.result.exitCode == 0)
    #expect(large.result.stderr == "")
    #expect(small.peak > 0 && large.peak > 0, "VmHWM was never read")
    #expect(large.peak < Self.limit, "peak RSS \(large.peak >> 20) MB for a \(Self.megabytes) MB file")
    // Four times the text, four times the claims: the peak may not grow by more than 4 MB.
    #expect(
      large.peak - small.peak < 4 << 20,
      "peak RSS \(small.peak >> 20) MB for 2 MB, \(large.peak >> 20) MB for \(Self.megabytes) MB")

    // One claim per paragraph, after the header line.
    let count = large.count
    let paragraphBytes = Data(Self.paragraph.utf8)
    let lines = large.result.stdoutBytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    #expect(lines - 1 == count)
    let last = large.result.stdout.split(separator: "\r\n").last.map(String.init)
    let offset = (count - 1) * paragraphBytes.count
    let name = "large-\(Self.megabytes).txt"
    #expect(
      last == "\(name),,,,,wounded,civilian,12,12,12,exact,,,12 civilians were wounded,\(offset + 63),\(offset + 88)")
  }

  /// The `VmHWM` line of `/proc/<pid>/status`, in bytes.
  static func highWaterMark(pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
      return kilobytes.map { $0 * 1024 }
    }
    return nil
  }
}
