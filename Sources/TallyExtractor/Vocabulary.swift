import TallyCSV

/// The domain vocabulary of the extractor: the gazetteer of parties and places, the category
/// words and the equipment nouns.
///
/// The built-in vocabulary ships as CSV resources of this module and is parsed once.
/// Users add rows of their own with ``adding(gazetteerCSV:named:)``:
///
/// ```swift
/// let vocabulary = try Vocabulary.standard()
///     .adding(gazetteerCSV: Array(myRows.utf8), named: "my-places.csv")
/// ```
public struct Vocabulary: Sendable {
  var lexicon: Lexicon
  var gazetteer: Gazetteer

  /// The header a gazetteer file must have.
  public static let gazetteerHeader = ["entity", "kind", "parent", "names", "adjectives", "capital"]

  private static let builtIn: Result<Vocabulary, VocabularyError> = Result {
    () throws(VocabularyError) -> Vocabulary in
    var lexicon = Lexicon()
    for record in try rows(PackageResources.categories_csv, named: "categories.csv", header: ["word", "kind", "category", "subject"]) {
      let fields = record.fields
      guard let role = LexEntry.Role(rawValue: fields[1]) else {
        throw .badRow(file: "categories.csv", line: record.line, reason: "unknown kind `\(fields[1])`")
      }
      let category = fields[2].isEmpty ? nil : Category(rawValue: fields[2])
      if !fields[2].isEmpty && category == nil {
        throw .badRow(file: "categories.csv", line: record.line, reason: "unknown category `\(fields[2])`")
      }
      lexicon.addCategoryWord(fields[0], role: role, category: category, subject: fields[3].isEmpty ? nil : fields[3])
    }
    for record in try rows(PackageResources.equipment_csv, named: "equipment.csv", header: ["singular", "plural"]) {
      lexicon.addEquipment(singular: record.fields[0], plural: record.fields[1])
    }
    var vocabulary = Vocabulary(lexicon: lexicon, gazetteer: Gazetteer())
    try vocabulary.addGazetteer(PackageResources.gazetteer_csv, named: "gazetteer.csv")
    return vocabulary
  }

  /// The built-in vocabulary, parsed once per process.
  ///
  /// - Throws: ``VocabularyError`` if a built-in resource is malformed (a packaging bug).
  public static func standard() throws(VocabularyError) -> Vocabulary {
    try builtIn.get()
  }

  /// A copy of this vocabulary with the gazetteer rows of a user's CSV file added.
  ///
  /// The file has the columns of the built-in gazetteer:
  /// `entity,kind,parent,names,adjectives,capital`, where `names`, `adjectives` and `capital`
  /// list surface forms separated by `|`. A row for an entity already known adds its forms.
  ///
  /// - Parameters:
  ///   - bytes: The CSV file's bytes.
  ///   - name: The file's name, for error messages.
  /// - Throws: ``VocabularyError`` naming the file and line of the first bad row.
  public func adding(gazetteerCSV bytes: [UInt8], named name: String) throws(VocabularyError) -> Vocabulary {
    var copy = self
    try copy.addGazetteer(bytes, named: name)
    return copy
  }

  /// The entities of the gazetteer.
  public var gazetteerEntries: [GazetteerEntry] { gazetteer.entries }

  private mutating func addGazetteer(_ bytes: [UInt8], named name: String) throws(VocabularyError) {
    for record in try Vocabulary.rows(bytes, named: name, header: Vocabulary.gazetteerHeader) {
      let f = record.fields
      guard let kind = GazetteerEntry.Kind(rawValue: f[1]) else {
        throw .badRow(file: name, line: record.line, reason: "unknown kind `\(f[1])` (use state, territory, place or organization)")
      }
      let entity = f[0].trimmingBlanks()
      guard !entity.isEmpty else { throw .badRow(file: name, line: record.line, reason: "empty entity") }
      func list(_ s: String) -> [String] {
        if s.barsStandAlone {
          return s.utf8.split(separator: 0x7C).map { String(decoding: $0, as: UTF8.self).trimmingBlanks() }
            .filter { !$0.isEmpty }
        }
        return s.split(separator: "|").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
      }
      gazetteer.add(
        entity: entity, kind: kind, parent: f[2].isEmpty ? nil : f[2].trimmingBlanks(),
        names: list(f[3]), adjectives: list(f[4]), capitals: list(f[5]))
    }
    let unknown = gazetteer.resolveParents()
    if let first = unknown.first {
      throw .badRow(file: name, line: 0, reason: "parent `\(first)` is not an entity of the gazetteer")
    }
  }

  private static func rows(_ bytes: [UInt8], named name: String, header: [String]) throws(VocabularyError) -> [CSVRecord] {
    let records: [CSVRecord]
    do {
      records = try CSVReader.records(in: bytes)
    } catch {
      throw .unreadable(file: name, reason: "\(error)")
    }
    guard let first = records.first else { return [] }
    guard first.fields.map({ $0.trimmingBlanks() }) == header else {
      throw .badRow(file: name, line: first.line, reason: "expected the header `\(header.joined(separator: ","))`")
    }
    for record in records.dropFirst() where record.fields.count != header.count {
      throw .badRow(file: name, line: record.line, reason: "expected \(header.count) fields, found \(record.fields.count)")
    }
    return Array(records.dropFirst())
  }
}

/// A vocabulary file that cannot be used.
public enum VocabularyError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file is not valid CSV.
  case unreadable(file: String, reason: String)
  /// A row breaks the file's format.
  case badRow(file: String, line: Int, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason): "\(file): not a readable CSV file: \(reason)"
    case .badRow(let file, let line, let reason):
      line > 0 ? "\(file) line \(line): \(reason)" : "\(file): \(reason)"
    }
  }
}

extension String {
  /// The string without leading and trailing blanks (spaces, tabs, line breaks).
  func trimmingBlanks() -> String {
    // Most strings have no blank at either end: a first or last byte that is no blank byte starts
    // or ends no blank character.
    if let first = utf8.first, let last = utf8.last, !Self.isBlankByte(first), !Self.isBlankByte(last) {
      return self
    }
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeFirst() }
    while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeLast() }
    return String(s)
  }

  private static func isBlankByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

  /// Whether every `|` byte stands between ASCII bytes (or at an end), so that it is a character
  /// of its own: splitting the bytes there splits the characters at `|`.
  var barsStandAlone: Bool {
    var previous: UInt8 = 0
    var barBefore = false
    for b in utf8 {
      if barBefore && b >= 0x80 { return false }
      if b == 0x7C && previous >= 0x80 { return false }
      barBefore = b == 0x7C
      previous = b
    }
    return true
  }
}
