/// One entity of the gazetteer: a state, a territory, a place or an organization.
public struct GazetteerEntry: Sendable, Hashable, Codable {
  /// What kind of entity this is.
  public enum Kind: String, Sendable, Hashable, Codable {
    case state, territory, place, organization
  }
  /// The canonical name tally prints (`Nagorno-Karabakh`).
  public var entity: String
  /// What kind of entity this is.
  public var kind: Kind
  /// The entity a place or territory belongs to (`Ganja` -> `Azerbaijan`).
  public var parent: String?
}

/// How a surface form refers to its entity.

enum GazetteerRole: UInt8, Sendable {
  /// A name: `Azerbaijan`, `Republic of Azerbaijan`.
  case name
  /// A demonym or adjective: `Azerbaijani`, `Azeris`.
  case adjective
  /// The capital standing for the government: `Baku`.
  case capital
}

/// A surface form: its words after the first, and what it names.

struct GazetteerForm: Sendable {
  var rest: [[UInt8]]
  var entry: Int32
  var role: GazetteerRole
}

/// A gazetteer entity named in a document.

struct Mention: Sendable {
  /// The first and last token of the name.
  var first: Int
  var last: Int
  var entry: Int32
  var role: GazetteerRole
}

/// The parties and places tally recognises, with every surface form that names them.

struct Gazetteer: Sendable {
  var entries: [GazetteerEntry] = []
  /// For each entry, the index of its parent entry or -1.
  var parents: [Int32] = []
  var firstWords = ByteTable(capacity: 4096)
  /// The first words of the forms by ``FirstWordFilter`` class, so that most words of a text,
  /// which begin no name, are turned away before `firstWords` is hashed and probed.
  var firstWordFilter = FirstWordFilter()
  var forms: [[GazetteerForm]] = []
  var byEntity: [String: Int32] = [:]
  /// Every name and capital, lower-cased, for looking up datelines written in capitals (`KHAN YOUNIS`):
  /// its entry and the name as written in the gazetteer.
  var byLowercasedName: [String: (entry: Int32, form: String)] = [:]

  /// Adds an entity, or merges new forms into an entity already present.
  mutating func add(
    entity: String, kind: GazetteerEntry.Kind, parent: String?, names: [String],
    adjectives: [String], capitals: [String]
  ) {
    let index: Int32
    if let existing = byEntity[entity] {
      index = existing
      if let parent { entries[Int(existing)].parent = parent }
    } else {
      entries.append(GazetteerEntry(entity: entity, kind: kind, parent: parent))
      parents.append(-1)
      index = Int32(entries.count - 1)
      byEntity[entity] = index
    }
    for name in [entity] + names { addForm(name, entry: index, role: .name) }
    for adjective in adjectives { addForm(adjective, entry: index, role: .adjective) }
    for capital in capitals { addForm(capital, entry: index, role: .capital) }
  }

  /// Resolves parent names to indexes; returns the names that resolve to nothing.
  mutating func resolveParents() -> [String] {
    var unknown: [String] = []
    for i in entries.indices {
      guard let parent = entries[i].parent, !parent.isEmpty else { continue }
      if let p = byEntity[parent] { parents[i] = p } else { unknown.append(parent) }
    }
    return unknown
  }

  private mutating func addForm(_ form: String, entry: Int32, role: GazetteerRole) {
    if role != .adjective {
      let lowercased = form.lowercased()
      if byLowercasedName[lowercased] == nil { byLowercasedName[lowercased] = (entry, form) }
    }
    let words = Gazetteer.words(of: form)
    guard let first = words.first else { return }
    let key = String(decoding: first, as: UTF8.self)
    let slot: Int32
    if let found = firstWords.find(key) {
      slot = found
    } else {
      forms.append([])
      slot = firstWords.insert(key, value: Int32(forms.count - 1))
      first.withUnsafeBufferPointer { firstWordFilter.insert($0) }
    }
    let candidate = GazetteerForm(rest: Array(words.dropFirst()), entry: entry, role: role)
    if forms[Int(slot)].contains(where: { $0.rest == candidate.rest }) { return }
    forms[Int(slot)].append(candidate)
    forms[Int(slot)].sort { $0.rest.count > $1.rest.count }
  }

  /// Splits a name into words the way the tokenizer splits text.
  static func words(of text: String) -> [[UInt8]] {
    var text = text
    let lexicon = Lexicon.empty
    return text.withUTF8 { buffer -> [[UInt8]] in
      // Most names are ASCII letters and spaces: the tokenizer makes each run of letters a word.
      if buffer.allSatisfy({ $0 == 0x20 || Tokenizer.isASCIILetter($0) }) {
        return buffer.split(separator: 0x20).map { Array($0) }
      }
      var tokens: [Token] = []
      Tokenizer.tokenize(buffer, from: 0, to: buffer.count, lexicon: lexicon, into: &tokens)
      return tokens.map { Array(buffer[$0.range]) }
    }
  }

  /// Finds every gazetteer name among `tokens`, longest first, without overlaps.
  
  func mentions(_ tokens: [Token], _ p: UnsafeBufferPointer<UInt8>, into out: inout [Mention]) {
    guard let base = p.baseAddress else { return }
    tokens.withUnsafeBufferPointer { tokens in
      var i = 0
      while i < tokens.count {
        let t = tokens[i]
        guard t.kind == .word, t.has(.capitalized) || t.has(.hyphenated) || t.lex < 0,
          firstWordFilter.mayHold(base + Int(t.start), Int(t.end - t.start)),
          let slot = firstWords.find(base + Int(t.start), Int(t.end - t.start), lowercased: false)
        else {
          i += 1
          continue
        }
        // The forms are read in place, longest first: no copy (and no retain) of a form or its words.
        let found = forms[Int(slot)].withUnsafeBufferPointer { candidates -> Mention? in
          for form in candidates.indices {
            let last = i + candidates[form].rest.count
            guard last < tokens.count, Gazetteer.restFollows(candidates[form].rest, after: i, tokens, base) else {
              continue
            }
            return Mention(first: i, last: last, entry: candidates[form].entry, role: candidates[form].role)
          }
          return nil
        }
        if let found {
          out.append(found)
          i = found.last + 1
        } else {
          i += 1
        }
      }
    }
  }

  /// Whether the words after token `i` are `rest`, one token each, with no possessive before the
  /// last (`rest` fits in `tokens`).
  @inline(__always)
  private static func restFollows(
    _ rest: [[UInt8]], after i: Int, _ tokens: UnsafeBufferPointer<Token>, _ base: UnsafePointer<UInt8>
  ) -> Bool {
    rest.withUnsafeBufferPointer { words in
      var k = i
      for n in words.indices {
        // Words of a multi-word name follow each other; only the last may be possessive.
        if tokens[k].has(.possessive) { return false }
        k += 1
        let w = tokens[k]
        let same = words[n].withUnsafeBufferPointer { word -> Bool in
          guard w.kind == .word, Int(w.end - w.start) == word.count else { return false }
          for j in 0..<word.count where base[Int(w.start) + j] != word[j] { return false }
          return true
        }
        if !same { return false }
      }
      return true
    }
  }
}

extension Lexicon {
  /// A lexicon with no words, for splitting names.
  static let empty = Lexicon(bare: ())

  init(bare: Void) {}
}
