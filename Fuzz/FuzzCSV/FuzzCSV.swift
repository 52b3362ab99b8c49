// libFuzzer target: the CSV reader, through libcsv.
//
// 1. Parse the bytes in one piece and again in three pieces cut at places the input chooses:
//    the same records, or the same error.
// 2. Records that parse are written with the formula guard and parsed again with the guard
//    stripped: the same fields, record for record.
// The field cap is small (4 KB) so that the runaway-field check is reached often.
// Build and run with `make fuzz` (see the README, "Reliability").

import TallyCSV

private let options = CSVReaderOptions(maxFieldBytes: 4096)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let whole = Result { () throws(CSVError) in try CSVReader.records(in: bytes, options: options) }

  // The same input fed in three pieces.
  let first = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
  let second = size == 0 ? 0 : first + Int(bytes[size - 1]) % (size - first + 1)
  let pieces = Result { () throws(CSVError) -> [CSVRecord] in
    var reader = CSVReader(options: options)
    var records = try reader.feed(bytes[..<first])
    records += try reader.feed(bytes[first..<second])
    records += try reader.feed(bytes[second...])
    records += try reader.finish()
    return records
  }
  switch (whole, pieces) {
  case (.success(let a), .success(let b)):
    precondition(a == b, "records differ when fed in pieces at \(first), \(second): \(a) vs \(b)")
  case (.failure(let a), .failure(let b)):
    precondition(a == b, "errors differ when fed in pieces at \(first), \(second): \(a) vs \(b)")
  default:
    preconditionFailure("one piece and three pieces disagree at \(first), \(second): \(whole) vs \(pieces)")
  }

  guard case .success(let records) = whole else { return 0 }
  let written = CSVWriter.encode(rows: records.map { $0.fields.map(CSVCell.text) })
  var strip = options
  strip.stripsFormulaGuard = true
  strip.maxFieldBytes += 1  // the guard adds one byte
  let again: [CSVRecord]
  do {
    again = try CSVReader.records(in: written, options: strip)
  } catch {
    preconditionFailure("written CSV does not parse: \(error); records \(records)")
  }
  precondition(
    again.map(\.fields) == records.map(\.fields),
    "round trip changed the records: \(records.map(\.fields)) became \(again.map(\.fields))")
  return 0
}
