import Foundation
public import TallyCSV

/// One figure of an analyst's gold file.
public struct GoldFigure: Sendable, Hashable {
  public var doc: String
  public var value: Int64
  public var qualifier: String
  public var category: String
  public var subject: String
  public var party: String
  public var claimant: String
  public var asOf: String
  public var quote: String
  public var location: String
}

/// Scores extracted claims against an analyst's gold file.
///
/// A claim matches a gold figure when document, category and value are equal (each gold figure
/// matches at most one claim). Precision, recall and F1 count those matches; the accuracy of
/// subject, party, claimant, qualifier and as-of is measured on the matched pairs.
public struct Evaluation: Sendable {
  /// Counts for one category, or overall.
  public struct Score: Sendable, Hashable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    /// Matched pairs whose attribute agrees, by attribute name.
    public var agreements: [String: Int] = [:]

    public var precision: Double {
      truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
      truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var f1: Double {
      precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
    /// The share of matched pairs that agree on `attribute`.
    public func accuracy(_ attribute: String) -> Double {
      truePositives == 0 ? 1 : Double(agreements[attribute, default: 0]) / Double(truePositives)
    }
  }

  /// The attributes compared on matched pairs.
  public static let attributes = ["subject", "party", "claimant", "qualifier", "as_of"]

  /// Scores by category.
  public var byCategory: [String: Score] = [:]
  /// The overall score.
  public var overall = Score()
  /// Gold figures no claim matched, and claims no gold figure matched.
  public var missed: [GoldFigure] = []
  public var extra: [Claim] = []
  /// Matched pairs that disagree on an attribute: (gold, claim, attribute).
  public var disagreements: [(gold: GoldFigure, claim: Claim, attribute: String)] = []

  /// Reads a gold file with columns `doc,value,low,high,qualifier,category,subject,party,claimant,as_of,quote`
  /// and optionally `location`, in any order.
  public static func readGold(path: String) throws(CSVError) -> [GoldFigure] {
    let records = try CSVReader.records(atPath: path)
    guard let header = records.first else { return [] }
    let names = header.fields.map { $0.trimmingBlanks() }
    let required = ["doc", "value", "qualifier", "category", "subject", "party", "claimant", "as_of", "quote"]
    for name in required where !names.contains(name) {
      throw .unexpectedHeader(line: header.line, expected: required + ["location"], found: names)
    }
    func column(_ name: String) -> Int? { names.firstIndex(of: name) }
    var figures: [GoldFigure] = []
    for record in records.dropFirst() {
      func field(_ name: String) -> String {
        guard let i = column(name), i < record.fields.count else { return "" }
        return record.fields[i].trimmingBlanks()
      }
      guard record.fields.count == names.count else {
        throw CSVError.malformed(line: record.line, reason: "expected \(names.count) fields, found \(record.fields.count)")
          .located(in: path)
      }
      guard let value = Int64(field("value")) else {
        throw CSVError.malformed(line: record.line, reason: "value `\(field("value"))` is not a whole number")
          .located(in: path)
      }
      figures.append(
        GoldFigure(
          doc: field("doc"), value: value, qualifier: field("qualifier"), category: field("category"),
          subject: field("subject"), party: field("party"), claimant: field("claimant"), asOf: field("as_of"),
          quote: field("quote"), location: field("location")))
    }
    return figures
  }

  /// Scores `claims` against `gold`. Documents are compared by file name without `.txt`.
  public init(gold: [GoldFigure], claims: [Claim]) {
    func stem(_ document: String) -> String {
      document.hasSuffix(".txt") ? String(document.dropLast(4)) : document
    }
    var pool: [String: [Claim]] = [:]
    for claim in claims {
      pool["\(stem(claim.document))|\(claim.category.rawValue)|\(claim.value)", default: []].append(claim)
    }
    for figure in gold {
      let key = "\(figure.doc)|\(figure.category)|\(figure.value)"
      var score = byCategory[figure.category, default: Score()]
      if var candidates = pool[key], !candidates.isEmpty {
        // Prefer the candidate that agrees on most attributes.
        let best = candidates.indices.max { agreement(figure, candidates[$0]) < agreement(figure, candidates[$1]) } ?? 0
        let claim = candidates.remove(at: best)
        pool[key] = candidates
        score.truePositives += 1
        overall.truePositives += 1
        for attribute in Evaluation.attributes {
          if Evaluation.value(of: attribute, in: claim) == Evaluation.value(of: attribute, in: figure) {
            score.agreements[attribute, default: 0] += 1
            overall.agreements[attribute, default: 0] += 1
          } else {
            disagreements.append((figure, claim, attribute))
          }
        }
      } else {
        score.falseNegatives += 1
        overall.falseNegatives += 1
        missed.append(figure)
      }
      byCategory[figure.category] = score
    }
    for (_, rest) in pool.sorted(by: { $0.key < $1.key }) {
      for claim in rest {
        byCategory[claim.category.rawValue, default: Score()].falsePositives += 1
        overall.falsePositives += 1
        extra.append(claim)
      }
    }
  }

  private func agreement(_ figure: GoldFigure, _ claim: Claim) -> Int {
    Evaluation.attributes.filter { Evaluation.value(of: $0, in: claim) == Evaluation.value(of: $0, in: figure) }.count
  }

  static func value(of attribute: String, in claim: Claim) -> String {
    switch attribute {
    case "subject": claim.subject
    case "party": claim.party ?? ""
    case "claimant": claim.claimant ?? ""
    case "qualifier": claim.qualifier.rawValue
    case "as_of": claim.asOf ?? ""
    default: ""
    }
  }

  static func value(of attribute: String, in figure: GoldFigure) -> String {
    switch attribute {
    case "subject": figure.subject
    case "party": figure.party
    case "claimant": figure.claimant
    case "qualifier": figure.qualifier
    case "as_of": figure.asOf
    default: ""
    }
  }

  /// The report `tally eval` prints: one line per category, then the overall line.
  public func report(details: Bool = false) -> String {
    var table = TextTable(header: ["category", "gold", "found", "tp", "precision", "recall", "f1"] + Evaluation.attributes)
    func row(_ name: String, _ s: Score) -> [String] {
      [name, String(s.truePositives + s.falseNegatives), String(s.truePositives + s.falsePositives),
       String(s.truePositives), f(s.precision), f(s.recall), f(s.f1)] + Evaluation.attributes.map { f(s.accuracy($0)) }
    }
    for category in Category.allCases.map(\.rawValue) {
      if let s = byCategory[category] { table.rows.append(row(category, s)) }
    }
    for (name, s) in byCategory.sorted(by: { $0.key < $1.key }) where Category(rawValue: name) == nil {
      table.rows.append(row(name, s))
    }
    table.rows.append(row("overall", overall))
    var out = table.rendered()
    out += "F1 = \(f(overall.f1))\n"
    if details {
      for figure in missed { out += "missed: \(figure.doc) \(figure.category) \(figure.value) \"\(figure.quote)\"\n" }
      for claim in extra { out += "extra:  \(claim.document) \(claim.category.rawValue) \(claim.value) \"\(claim.quote)\"\n" }
      for d in disagreements {
        out += "differs: \(d.gold.doc) \(d.gold.category) \(d.gold.value) \(d.attribute): gold `\(Evaluation.value(of: d.attribute, in: d.gold))`, found `\(Evaluation.value(of: d.attribute, in: d.claim))`\n"
      }
    }
    return out
  }

  private func f(_ x: Double) -> String { String(format: "%.3f", x) }
}
