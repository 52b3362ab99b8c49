// libFuzzer target: the extractor on arbitrary bytes.
//
// The bytes get the UTF-8 repair `DocumentReader` applies (each bad byte becomes `?`, offsets
// kept), then `Extractor.claims(in:range:...)` reads them, once without and once with a
// publication date. Every claim must point at real bytes: 0 <= start < end <= count, the quote
// is exactly the bytes at start..<end, and the bounds agree with the qualifier.
// Build and run with `make fuzz` (see the README, "Reliability").

import TallyExtractor

private let extractor: Extractor = {
  do {
    return Extractor(vocabulary: try Vocabulary.standard())
  } catch {
    fatalError("the standard vocabulary does not load: \(error)")
  }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = DocumentReader.repairUTF8(&bytes, upTo: bytes.count)
  for published in [nil, "2020-10-04"] as [String?] {
    let claims = bytes.withUnsafeBufferPointer { buffer in
      extractor.claims(in: buffer, range: 0..<buffer.count, document: "fuzz.txt", published: published)
    }
    for claim in claims { check(claim, in: bytes) }
  }
  return 0
}

private func check(_ claim: Claim, in bytes: [UInt8]) {
  precondition(claim.start >= 0 && claim.start < claim.end && claim.end <= bytes.count,
    "offsets \(claim.start)..<\(claim.end) outside 0..<\(bytes.count)")
  precondition(Array(claim.quote.utf8) == Array(bytes[claim.start..<claim.end]),
    "quote \(claim.quote.debugDescription) is not the bytes at \(claim.start)..<\(claim.end)")
  precondition(claim.document == "fuzz.txt")
  if let low = claim.low, let high = claim.high { precondition(low <= high, "low \(low) > high \(high)") }
  if let high = claim.high { precondition(claim.value <= high, "value \(claim.value) > high \(high)") }
  if let low = claim.low {
    // `more than 500` is value 500, low 501; every other qualifier has low <= value.
    if claim.qualifier == .moreThan {
      precondition(low == claim.value + 1, "more_than: low \(low) is not value \(claim.value) + 1")
    } else {
      precondition(low <= claim.value, "low \(low) > value \(claim.value)")
    }
  }
  precondition(claim.value >= 0, "negative value \(claim.value)")
  if let asOf = claim.asOf { precondition(PartialDate(iso: asOf) != nil, "as_of \(asOf) is not a date") }
}
