// TEMPORARY stand-in until the libcsv-backed reader lands from the csv branch; same signatures.
public struct CSVRecord: Sendable, Hashable {
  public var fields: [String]
  public var line: Int
}
public struct CSVReaderOptions: Sendable, Hashable {
  public init() {}
}
public enum CSVError: Error, Equatable, Sendable {
  case malformed(line: Int, reason: String)
}
public struct CSVReader {
  public static func records(in bytes: [UInt8], options: CSVReaderOptions = .init()) throws(CSVError) -> [CSVRecord] {
    var out: [CSVRecord] = []
    var line = 0
    for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
      line += 1
      if raw.isEmpty { continue }
      var fields: [String] = []
      var current = ""
      var quoted = false
      for c in raw {
        if c == "\"" { quoted.toggle(); continue }
        if c == "," && !quoted { fields.append(current); current = ""; continue }
        current.append(c)
      }
      fields.append(current)
      out.append(CSVRecord(fields: fields, line: line))
    }
    return out
  }
}
