import Foundation
public import TallyExtractor

#if canImport(Glibc)
import Glibc
#endif

/// Writes a deterministic synthetic corpus of wire reports for benchmarks and tests.
///
/// Articles of 1 to 5 KB are built from the sentence templates of ``CorpusTemplates``: figures
/// with varied numbers (digits, thousands separators, words, "a dozen", "hundreds of") and
/// qualifiers, sides drawn from the gazetteer's states and territories, claimants (ministries,
/// named officials, agencies), publication dates over six months of 2021, sentences dated by
/// weekday or by day, distractor numbers (years, money, distances, ages), and syndicated copies
/// (about 5% of the articles appear again under another outlet's name). The same seed gives the
/// same bytes. For example:
///
/// ```swift
/// let generator = CorpusGenerator(bytes: 10_000_000, seed: 1, vocabulary: try Vocabulary.standard())
/// let stats = try generator.write(to: "/tmp/corpus")
/// print(stats.files, stats.bytes)
/// ```
///
/// Files go to numbered subfolders of at most ``filesPerFolder`` files (`0000/000001-meridian-wire.txt`),
/// so a sorted listing is the order of generation.
public struct CorpusGenerator: Sendable {
  /// How many bytes to write: the corpus stops after the article that reaches it.
  public var bytes: Int
  /// The seed of the pseudo-random sequence.
  public var seed: UInt64
  /// At most this many files per subfolder.
  public var filesPerFolder = 1000
  private let world: CorpusWorld

  /// Creates a generator of about `bytes` bytes.
  ///
  /// - Parameters:
  ///   - bytes: The size to reach.
  ///   - seed: The seed: the same seed gives the same corpus.
  ///   - vocabulary: Where the sides and places come from (its gazetteer).
  public init(bytes: Int, seed: UInt64, vocabulary: Vocabulary) {
    self.bytes = bytes
    self.seed = seed
    self.world = CorpusWorld(seed: seed, entries: vocabulary.gazetteerEntries)
  }

  /// What ``write(to:)`` wrote.
  public struct Stats: Sendable, Hashable {
    /// The number of files.
    public var files: Int
    /// Their total size in bytes.
    public var bytes: Int
    /// How many of them are syndicated copies of the article before them.
    public var duplicates: Int
  }

  /// One generated file: its path relative to the corpus folder and its bytes.
  public struct Article: Sendable, Hashable {
    /// `0000/000001-meridian-wire.txt`.
    public var relativePath: String
    public var bytes: [UInt8]
  }

  /// Calls `body` with each article in order until ``bytes`` are reached.
  ///
  /// - Returns: The counts.
  @discardableResult
  public func generate(_ body: (Article) throws -> Void) rethrows -> Stats {
    var random = SplitMix64(seed: seed)
    var stats = Stats(files: 0, bytes: 0, duplicates: 0)
    var writer = ArticleWriter(world: world)
    while stats.bytes < bytes {
      let story = writer.story(&random)
      var copies = [story.outlet]
      if random.chance(6) {
        var other = random.pick(CorpusTemplates.outlets)
        if other == story.outlet { other = CorpusTemplates.outlets[0] == other ? CorpusTemplates.outlets[1] : CorpusTemplates.outlets[0] }
        copies.append(other)
      }
      for (copy, outlet) in copies.enumerated() {
        let text = writer.render(story, outlet: outlet)
        let index = stats.files
        let folder = Self.padded(index / filesPerFolder, width: 4)
        let name = Self.padded(index, width: 6) + "-" + Self.slug(outlet) + ".txt"
        try body(Article(relativePath: folder + "/" + name, bytes: text))
        stats.files += 1
        stats.bytes += text.count
        if copy > 0 { stats.duplicates += 1 }
      }
    }
    return stats
  }

  /// Writes the corpus under `folder`, creating it and its subfolders.
  ///
  /// - Throws: ``CorpusError`` when a folder or file cannot be written.
  @discardableResult
  public func write(to folder: String) throws -> Stats {
    try makeFolder(folder)
    var made: Set<String> = []
    return try generate { article in
      let sub = String(article.relativePath.prefix { $0 != "/" })
      if !made.contains(sub) {
        try makeFolder(folder + "/" + sub)
        made.insert(sub)
      }
      let path = folder + "/" + article.relativePath
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw CorpusError(path: path, reason: String(cString: strerror(errno))) }
      defer { close(fd) }
      let written = article.bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      guard written == article.bytes.count else {
        throw CorpusError(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
      }
    }
  }

  private func makeFolder(_ path: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw CorpusError(path: path, reason: "cannot create the folder")
    }
  }

  static func padded(_ n: Int, width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  static func slug(_ outlet: String) -> String {
    String(outlet.lowercased().map { $0 == " " ? "-" : $0 })
  }
}

/// A corpus file or folder that cannot be written.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "\(path): cannot write: \(reason)" }
}

/// The fixed cast of the corpus: sides, their places, claimants and conflicts.
struct CorpusWorld: Sendable {
  struct Side: Sendable {
    var name: String
    var places: [String]
    /// Institutions and officials of the side.
    var claimants: [String]
  }

  var sides: [Side]
  /// Pairs of indices into `sides`, most covered first.
  var conflicts: [(Int, Int)]

  init(seed: UInt64, entries: [GazetteerEntry]) {
    var random = SplitMix64(seed: seed ^ 0x5EED_0F_C0A5)
    var places: [String: [String]] = [:]
    for entry in entries where entry.kind == .place {
      if let parent = entry.parent { places[parent, default: []].append(entry.entity) }
    }
    var sides: [Side] = []
    for entry in entries where entry.kind == .state || entry.kind == .territory {
      let name = entry.entity
      var own = places[name] ?? []
      if own.isEmpty { own = [random.pick(CorpusTemplates.towns), random.pick(CorpusTemplates.towns)] }
      var claimants = CorpusTemplates.institutions.map { $0.replacingOccurrences(of: "%", with: name) }
      for title in CorpusTemplates.officialTitles where random.chance(60) {
        let person = random.pick(CorpusTemplates.firstNames) + " " + random.pick(CorpusTemplates.lastNames)
        claimants.append(title.replacingOccurrences(of: "%", with: name) + " " + person)
      }
      sides.append(Side(name: name, places: own, claimants: claimants))
    }
    if sides.count < 2 {
      sides = [
        Side(name: "Korvath", places: ["Ildane"], claimants: ["the government of Korvath"]),
        Side(name: "Messaro", places: ["Tuvrin"], claimants: ["the government of Messaro"]),
      ]
    }
    self.sides = sides
    var conflicts: [(Int, Int)] = []
    for _ in 0..<12 {
      let a = random.below(sides.count)
      var b = random.below(sides.count)
      if b == a { b = (a + 1) % sides.count }
      conflicts.append((a, b))
    }
    self.conflicts = conflicts
  }
}

/// One piece of a parsed template.
enum TemplatePiece: Sendable {
  case text([UInt8])
  case slot(String)

  static func parse(_ template: String) -> [TemplatePiece] {
    var pieces: [TemplatePiece] = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      if open > rest.startIndex { pieces.append(.text(Array(rest[..<open].utf8))) }
      pieces.append(.slot(String(rest[rest.index(after: open)..<close])))
      rest = rest[rest.index(after: close)...]
    }
    if !rest.isEmpty { pieces.append(.text(Array(rest.utf8))) }
    return pieces
  }
}

/// Builds stories and renders them as article files.
struct ArticleWriter {
  /// What an article says, before it is given an outlet.
  struct Story {
    var outlet: String
    var published: CivilDate
    var title: [UInt8]
    var dateline: String
    /// Paragraphs of rendered sentences; `{OUT}` is filled per copy.
    var paragraphs: [[TemplatePiece]]
    var frontMatter: Bool
  }

  let world: CorpusWorld
  let figures: [[TemplatePiece]] = CorpusTemplates.figures.map(TemplatePiece.parse)
  let distractors: [[TemplatePiece]] = CorpusTemplates.distractors.map(TemplatePiece.parse)
  let titles: [[TemplatePiece]] = CorpusTemplates.titles.map(TemplatePiece.parse)
  /// 2021-02-01, the first publication day.
  let firstDay = CivilDate(year: 2021, month: 2, day: 1).days

  init(world: CorpusWorld) {
    self.world = world
  }

  mutating func story(_ random: inout SplitMix64) -> Story {
    // Coverage concentrates on a few conflicts, as real coverage does.
    let conflict = world.conflicts[min(random.below(world.conflicts.count), random.below(world.conflicts.count))]
    let published = CivilDate(days: firstDay + random.below(181))
    var context = SentenceContext(
      world: world, random: random, published: published, p: conflict.0, q: conflict.1)
    let target = 1000 + context.random.below(4000)
    var paragraphs: [[TemplatePiece]] = []
    var size = 200
    let title = context.fill(context.random.pick(titles))
    var first = true
    while size < target {
      var paragraph: [TemplatePiece] = []
      let sentences = 1 + context.random.below(2)
      for s in 0..<sentences {
        if context.random.chance(50) { context.swapSides() }
        let isFigure = first || context.random.chance(62)
        first = false
        let sentence = context.fill(context.random.pick(isFigure ? figures : distractors))
        size += sentence.count + 1
        if s > 0 { paragraph.append(.text([0x20])) }
        paragraph.append(contentsOf: Self.splitOutlet(sentence))
      }
      paragraphs.append(paragraph)
    }
    random = context.random
    let place = world.sides[conflict.0].places[0]
    return Story(
      outlet: random.pick(CorpusTemplates.outlets), published: published, title: title,
      dateline: place.uppercased() + ", " + CivilDate.monthAbbreviations[published.month - 1] + " \(published.day)",
      paragraphs: paragraphs, frontMatter: random.chance(90))
  }

  /// Keeps `{OUT}` markers (left in by the context as the byte 0x01) as slots to fill per copy.
  static func splitOutlet(_ bytes: [UInt8]) -> [TemplatePiece] {
    var pieces: [TemplatePiece] = []
    var start = 0
    for i in bytes.indices where bytes[i] == 0x01 {
      if i > start { pieces.append(.text(Array(bytes[start..<i]))) }
      pieces.append(.slot("OUT"))
      start = i + 1
    }
    if start < bytes.count { pieces.append(.text(Array(bytes[start...]))) }
    return pieces
  }

  func render(_ story: Story, outlet: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(6000)
    if story.frontMatter {
      out.append(contentsOf: "---\ntitle: ".utf8)
      out.append(contentsOf: story.title)
      out.append(contentsOf: "\nsource: \(outlet)\npublished: \(story.published.iso)\n---\n".utf8)
    } else {
      out.append(contentsOf: story.title)
      out.append(contentsOf: "\n\n".utf8)
    }
    out.append(contentsOf: "\(story.dateline) (\(outlet)) - ".utf8)
    for (index, paragraph) in story.paragraphs.enumerated() {
      if index > 0 { out.append(contentsOf: "\n\n".utf8) }
      for piece in paragraph {
        switch piece {
        case .text(let bytes): out.append(contentsOf: bytes)
        case .slot: out.append(contentsOf: outlet.utf8)
        }
      }
    }
    out.append(0x0A)
    return out
  }
}

/// Fills the slots of templates for one article.
struct SentenceContext {
  let world: CorpusWorld
  var random: SplitMix64
  let published: CivilDate
  var p: Int
  var q: Int

  mutating func swapSides() {
    swap(&p, &q)
  }

  /// The sentence with every slot filled and its first letter capitalised; `{OUT}` becomes 0x01.
  mutating func fill(_ pieces: [TemplatePiece]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(200)
    var small = 0
    for piece in pieces {
      switch piece {
      case .text(let bytes): out.append(contentsOf: bytes)
      case .slot(let name):
        if name == "n" || name == "N" {
          let (text, value) = number(qualified: name == "N")
          small = value
          out.append(contentsOf: text.utf8)
        } else if name == "n2" {
          // Smaller than the figure before it, or a small count when there is none.
          out.append(contentsOf: String(small > 2 ? random.below(small - 1) + 1 : random.int(2...30)).utf8)
        } else if name == "OUT" {
          out.append(0x01)
        } else {
          out.append(contentsOf: slot(name).utf8)
        }
      }
    }
    if let first = out.first, first >= 0x61, first <= 0x7A { out[0] = first - 0x20 }
    return out
  }

  /// A figure as words, and its value (for the smaller figures of the same sentence).
  mutating func number(qualified: Bool) -> (String, Int) {
    let prefix = qualified && random.chance(35) ? random.pick(CorpusTemplates.qualifiers) : ""
    let roll = random.below(100)
    let value: Int
    let text: String
    switch roll {
    case 0..<38:
      value = random.int(2...99)
      text = String(value)
    case 38..<58:
      value = random.int(100...999)
      text = String(value)
    case 58..<72:
      value = random.int(1000...60000)
      text = Self.grouped(value)
    case 72..<76:
      value = random.int(1000...9999)
      text = String(value)
    case 76..<94:
      let index = random.below(CorpusTemplates.numberWords.count)
      value = index + 2
      text = CorpusTemplates.numberWords[index]
    case 94..<97:
      value = 12
      text = "a dozen"
    default:
      value = random.int(1...9) * 100_000
      text = Self.grouped(value)
    }
    return (prefix + text, value)
  }

  /// `12,345`.
  static func grouped(_ value: Int) -> String {
    var digits = Array(String(value))
    var out: [Character] = []
    while digits.count > 3 {
      out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
      digits.removeLast(3)
    }
    return String(digits + out)
  }

  mutating func slot(_ name: String) -> String {
    let sideP = world.sides[p]
    let sideQ = world.sides[q]
    switch name {
    case "P": return sideP.name
    case "Q": return sideQ.name
    case "PL": return random.pick(sideP.places)
    case "QL": return random.pick(sideQ.places)
    case "OWN": return random.pick(sideP.claimants)
    case "C":
      switch random.below(10) {
      case 0..<5: return random.pick(sideP.claimants)
      case 5..<8: return random.pick(sideQ.claimants)
      default: return random.pick(CorpusTemplates.agencies)
      }
    case "V": return random.pick(CorpusTemplates.vague)
    case "E": return random.pick(CorpusTemplates.equipment)
    case "D":
      switch random.below(8) {
      case 0, 1: return " on " + weekday()
      case 2: return " on " + monthDay()
      case 3: return " on " + dayMonth()
      case 4: return " yesterday"
      default: return ""
      }
    case "WD": return weekday()
    case "MD": return monthDay()
    case "NAME": return random.pick(CorpusTemplates.firstNames) + " " + random.pick(CorpusTemplates.lastNames)
    case "YEAR": return String(random.int(1988...2019))
    case "MONEY": return "\(random.int(1...90)).\(random.below(10))"
    case "KM": return String(random.int(5...400))
    case "AGE": return String(random.int(18...88))
    case "PCT": return String(random.int(3...70))
    case "POP": return Self.grouped(random.int(20...900) * 1000)
    case "HOUR": return String(random.int(1...11))
    case "COUNT": return String(random.int(12...300))
    default: return name
    }
  }

  /// A weekday up to six days before publication.
  mutating func weekday() -> String {
    CivilDate.weekdayNames[CivilDate(days: published.days - random.below(7)).weekday]
  }

  /// `March 14`, up to ten days before publication.
  mutating func monthDay() -> String {
    let date = CivilDate(days: published.days - random.below(11))
    return CivilDate.monthNames[date.month - 1] + " \(date.day)"
  }

  /// `14 March`, up to ten days before publication.
  mutating func dayMonth() -> String {
    let date = CivilDate(days: published.days - random.below(11))
    return "\(date.day) " + CivilDate.monthNames[date.month - 1]
  }
}
