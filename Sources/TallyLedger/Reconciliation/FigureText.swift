public import TallyExtractor

/// How figures are written in findings: with their qualifier in words and thousands separators.
///
/// For example:
///
/// ```swift
/// FigureText.grouped(330_000)                                        // "330,000"
/// FigureText.words(value: 330_000, low: 330_001, high: nil, qualifier: .moreThan)  // "more than 330,000"
/// FigureText.words(value: 200, low: 200, high: nil, qualifier: .vague)             // "hundreds (200)"
/// ```
public enum FigureText {
  /// `number` with `,` between groups of three digits: `1,250,000`, `-14`.
  public static func grouped(_ number: Int64) -> String {
    var magnitude = number.magnitude
    // 20 digits, 6 separators and a sign at most, written from the end.
    return String(unsafeUninitializedCapacity: 27) { buffer in
      var position = 27
      var digits = 0
      repeat {
        if digits > 0, digits % 3 == 0 {
          position -= 1
          buffer[position] = UInt8(ascii: ",")
        }
        position -= 1
        buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        digits += 1
      } while magnitude > 0
      if number < 0 {
        position -= 1
        buffer[position] = UInt8(ascii: "-")
      }
      let count = 27 - position
      for index in 0..<count { buffer[index] = buffer[position + index] }
      return count
    }
  }

  /// The figure in words: `330,000`, `more than 330,000`, `at least 20`, `as many as 14`,
  /// `about 110`, `between 10 and 15`, `hundreds (200)`.
  ///
  /// Vague plurals are named by the value the extractor gives them (`dozens` 24, `scores` 40,
  /// `hundreds` 200, `thousands` 2,000, `tens of thousands` 20,000, `hundreds of thousands`
  /// 200,000, `millions` 2,000,000); any other vague value is written `many (N)`.
  public static func words(value: Int64, low: Int64?, high: Int64?, qualifier: Qualifier) -> String {
    switch qualifier {
    case .exact: return grouped(value)
    case .moreThan: return "more than " + grouped(value)
    case .atLeast: return "at least " + grouped(value)
    case .upTo: return "as many as " + grouped(value)
    case .about: return "about " + grouped(value)
    case .range:
      let first = low ?? value
      guard let high, high != first else { return grouped(first) }
      return "between " + grouped(first) + " and " + grouped(high)
    case .vague:
      let word: String
      switch value {
      case 24: word = "dozens"
      case 40: word = "scores"
      case 200: word = "hundreds"
      case 2000: word = "thousands"
      case 20000: word = "tens of thousands"
      case 200_000: word = "hundreds of thousands"
      case 2_000_000: word = "millions"
      default: word = "many"
      }
      return word + " (" + grouped(value) + ")"
    }
  }
}

extension LedgerClaim {
  /// The figure in words, as ``FigureText/words(value:low:high:qualifier:)`` writes it.
  ///
  /// For example, `more than 330,000` for `more_than` 330000.
  public var figureInWords: String {
    FigureText.words(value: value, low: low, high: high, qualifier: qualifier)
  }

  /// The sightings with distinct documents, first sighting of each document only, in order.
  var distinctSightings: [Sighting] {
    if sightings.count <= 1 { return sightings }
    var out: [Sighting] = []
    out.reserveCapacity(sightings.count)
    if sightings.count <= 16 {
      for sighting in sightings where !out.contains(where: { $0.documentID == sighting.documentID }) {
        out.append(sighting)
      }
    } else {
      var seen = Set<Int64>()
      for sighting in sightings where seen.insert(sighting.documentID).inserted { out.append(sighting) }
    }
    return out
  }

  /// The number of distinct documents that carry the figure (its corroboration).
  public var documentCount: Int {
    if sightings.count <= 1 { return sightings.count }
    return distinctSightings.count
  }

  /// The file names of the distinct documents that carry the figure, in sighting order.
  public var documentNames: [String] {
    if sightings.count == 1 { return [sightings[0].document] }
    return distinctSightings.map(\.document)
  }

  /// The distinct outlets of the documents that carry the figure, in sighting order.
  public var outlets: [String] {
    var out: [String] = []
    for sighting in sightings {
      guard let source = sighting.source, !source.isEmpty, !out.contains(source) else { continue }
      out.append(source)
    }
    return out
  }
}

extension Reconciliation {
  /// A figure as findings cite it: `more than 330,000 (Press TV, 2020-10-04)`.
  ///
  /// The parenthesis holds the outlet of the earliest published document that carries the figure
  /// (its file name when the outlet is unknown), `and N more` when more documents carry it, then
  /// that document's publication date (left out when no document has one). A `label` goes after the words
  /// (`84 killed (Armenpress, 2020-09-29)`).
  func citation(_ index: Int, label: String? = nil) -> String {
    let fact = facts[index]
    var out = ""
    out.reserveCapacity(80)
    out += table.figureInWords(index)
    if let label {
      out += " "
      out += label
    }
    var open = false
    let sightings = table.sightings(of: index)
    if !sightings.isEmpty {
      let first = sightings.lowerBound + Int(fact.earliestSighting)
      out += " ("
      open = true
      if let source = table.source(ofSighting: first), !source.isEmpty {
        out += source
      } else {
        out += table.documentName(ofSighting: first)
      }
      let more = table.documentCount(index) - 1
      if more > 0 {
        out += " and "
        out += String(more)
        out += " more"
      }
    }
    if fact.isDated {
      out += open ? ", " : " ("
      out += CivilCalendar.iso(Int(fact.published))
      open = true
    }
    if open { out += ")" }
    return out
  }
}
