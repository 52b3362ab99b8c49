import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The machine a benchmark runs on, as the README's table states it: processor, cores, memory,
/// system and how busy it was. For example:
///
/// ```swift
/// print(BenchMachine.current().description)
/// // AMD EPYC, 2 cores, 24 GiB RAM, Debian GNU/Linux 12 (bookworm), load average 0.41 at the start
/// ```
public struct BenchMachine: Sendable, CustomStringConvertible {
  /// The processor's model name (`/proc/cpuinfo`), or `unknown processor`.
  public var processor: String
  /// The cores this process may use.
  public var cores: Int
  /// The physical memory, in GiB (2^30 bytes).
  public var memoryGiB: Int
  /// The system's name (`PRETTY_NAME` of `/etc/os-release`), or `Linux`.
  public var system: String
  /// The one-minute load average when measured.
  public var load: String

  /// The machine this process runs on, now.
  public static func current() -> BenchMachine {
    BenchMachine(
      processor: field("model name", in: "/proc/cpuinfo", separator: ":") ?? "unknown processor",
      cores: ProcessInfo.processInfo.activeProcessorCount,
      memoryGiB: Int((Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30)).rounded()),
      system: field("PRETTY_NAME", in: "/etc/os-release", separator: "=").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      } ?? "Linux",
      load: loadAverage())
  }

  /// The one-minute load average, to two decimals.
  public static func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) > 0 else { return "unknown" }
    return String(format: "%.2f", loads[0])
  }

  public var description: String {
    "\(processor), \(cores) cores, \(memoryGiB) GiB RAM, \(system), load average \(load) at the start"
  }

  /// The value of the first line of `path` that starts with `key` and then `separator`.
  private static func field(_ key: String, in path: String, separator: Character) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") {
      guard let cut = line.firstIndex(of: separator),
        line[..<cut].trimmingCharacters(in: .whitespaces) == key
      else { continue }
      return line[line.index(after: cut)...].trimmingCharacters(in: .whitespaces)
    }
    return nil
  }
}
