// libFuzzer target: the date and number parsers.
//
// - `DateScanner.mentions` and `timeRanges`: ranges inside the text, not empty, in order and
//   not overlapping; a mention's date prints as ISO and parses back to itself, and resolving it
//   against a publication date gives a real date.
// - `PartialDate(iso:)`: a string it accepts prints back as the same string.
// - Numbers: the bytes are put between `Officials said ` and ` people were killed.` and read by
//   the extractor, so that any number phrase becomes a figure; its bounds must agree with its
//   qualifier and its quote must be the bytes it points at.
// Build and run with `make fuzz` (see the README, "Reliability").

import TallyExtractor

private let extractor: Extractor = {
  do {
    return Extractor(vocabulary: try Vocabulary.standard())
  } catch {
    fatalError("the standard vocabulary does not load: \(error)")
  }
}()

private let publications = ["2020-10-04", "2021-01-02", "0001-01-01", "9999-12-31"].compactMap {
  PartialDate(iso: $0)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let raw = UnsafeBufferPointer(start: data, count: size)

  let mentions = DateScanner.mentions(in: raw)
  checkRanges(mentions.map(\.range), count: size, what: "mention")
  for mention in mentions {
    if case .date(let date) = mention.kind {
      precondition(PartialDate(iso: date.description) == date, "\(date) does not round-trip")
    }
    for publication in publications + [nil] {
      if let resolved = mention.resolved(publication: publication) {
        precondition(PartialDate(iso: resolved.description) == resolved, "\(resolved) does not round-trip")
      }
    }
  }
  checkRanges(DateScanner.timeRanges(in: raw), count: size, what: "time")

  let text = String(decoding: raw, as: UTF8.self)
  if let date = PartialDate(iso: text) {
    precondition(date.description == text, "PartialDate(iso: \(text.debugDescription)) prints \(date)")
    if let next = date.adding(days: 1) { precondition(date < next) }
  }

  var sentence = Array("Officials said ".utf8)
  sentence += raw
  _ = DocumentReader.repairUTF8(&sentence, upTo: sentence.count)
  sentence += Array(" people were killed.".utf8)
  let claims = sentence.withUnsafeBufferPointer {
    extractor.claims(in: $0, document: "n.txt", published: "2020-10-04")
  }
  for claim in claims {
    precondition(claim.start >= 0 && claim.start < claim.end && claim.end <= sentence.count)
    precondition(Array(claim.quote.utf8) == Array(sentence[claim.start..<claim.end]))
    if let low = claim.low, let high = claim.high { precondition(low <= high, "low \(low) > high \(high)") }
    if let high = claim.high { precondition(claim.value <= high, "value \(claim.value) > high \(high)") }
    if let low = claim.low {
      precondition(claim.qualifier == .moreThan ? low == claim.value + 1 : low <= claim.value,
        "\(claim.qualifier) \(claim.value): low \(low)")
    }
  }
  return 0
}

private func checkRanges(_ ranges: [Range<Int>], count: Int, what: String) {
  var end = 0
  for range in ranges {
    precondition(!range.isEmpty, "empty \(what) range \(range)")
    precondition(range.lowerBound >= end, "\(what) range \(range) overlaps or precedes the one ending at \(end)")
    precondition(range.upperBound <= count, "\(what) range \(range) outside 0..<\(count)")
    end = range.upperBound
  }
}
