/// What the extractor knows about one lower-case word.

struct LexEntry: Sendable {
  /// How a category word carries its category.
  enum Role: String, Sendable {
    /// A verb or participle: `killed`, `wounded`, `fled`.
    case verb
    /// A count noun: `deaths`, `casualties`, `refugees`.
    case noun
    /// A state after a count: `12 dead`, `5 missing`, `300 homeless`.
    case state
    /// A noun for people that sets only the subject: `soldiers`, `civilians`, `people`.
    case person
    /// An adjective that sets only the subject: `military`, `civilian`.
    case modifier
    /// A place noun counted when taken: `villages`, `settlements`.
    case place
  }

  var word: Word?
  var role: Role?
  var category: Category?
  /// The subject the word sets, as its position in `Lexicon.subjects` plus one; 0 for none.
  /// Entries hold no strings or arrays, so that looking one up copies plain bytes.
  var subjectCode: UInt8 = 0
  /// The value of a number word (`seven` = 7, `hundred` = 100).
  var number: Int64?
  /// The position in `Lexicon.equipmentLists` of the equipment phrases whose last word this is, or -1.
  var equipmentList: Int32 = -1
  /// The position in `Lexicon.compoundLists` of the two-word terms this word ends, or -1.
  var compoundList: Int32 = -1

  /// Whether the word ends an equipment phrase.
  var endsEquipment: Bool { equipmentList >= 0 }

  init(word: Word? = nil) { self.word = word }
}

/// An equipment noun phrase, in words, with its singular name.

struct EquipmentPhrase: Sendable {
  var words: [String]
  var singular: String
}

/// The word tables the extractor consults for every token, built once from the ``Word``
/// list and the category and equipment vocabularies.

struct Lexicon: Sendable {
  var words = ByteTable(capacity: 2048)
  var entries: [LexEntry] = []
  var equipment: [EquipmentPhrase] = []
  /// For each entry with `equipmentList >= 0`: indexes into `equipment` of the phrases it ends.
  var equipmentLists: [[Int32]] = []
  /// For each entry with `compoundList >= 0`: the first words of the two-word terms it ends,
  /// each with the entry of the term (`aid workers`).
  var compoundLists: [[(second: String, entry: Int32)]] = []
  /// The subjects category words set (`military`, `civilian`), by `LexEntry.subjectCode - 1`.
  var subjects: [String] = []
  /// For each entry, its ``Word`` as a code (position in `Word.allCases` plus one), or 0.
  var wordCodes: [UInt16] = []
  /// For each entry, the ``DateLexicon`` index of its spelling when that is ASCII letters only,
  /// else -1: a word found here needs no second look-up in the date lexicon.
  var dateWords: [Int32] = []

  init() {
    for (position, word) in Word.allCases.enumerated() {
      let index = entry(for: word.spelling)
      entries[Int(index)].word = word
      wordCodes[Int(index)] = UInt16(position + 1)
    }
    let numbers: [(Word, Int64)] = [
      (.zero, 0), (.one, 1), (.two, 2), (.three, 3), (.four, 4), (.five, 5), (.six, 6), (.seven, 7),
      (.eight, 8), (.nine, 9), (.ten, 10), (.eleven, 11), (.twelve, 12), (.thirteen, 13),
      (.fourteen, 14), (.fifteen, 15), (.sixteen, 16), (.seventeen, 17), (.eighteen, 18),
      (.nineteen, 19), (.twenty, 20), (.thirty, 30), (.forty, 40), (.fifty, 50), (.sixty, 60),
      (.seventy, 70), (.eighty, 80), (.ninety, 90), (.hundred, 100), (.thousand, 1000),
      (.million, 1_000_000), (.billion, 1_000_000_000), (.dozen, 12),
    ]
    for (word, value) in numbers {
      entries[Int(entry(for: word.spelling))].number = value
    }
  }

  /// The entry for a lower-case spelling, created if missing.
  mutating func entry(for spelling: String) -> Int32 {
    let key = spelling.lowercased()
    if let found = words.find(key) { return found }
    entries.append(LexEntry())
    wordCodes.append(0)
    dateWords.append(Lexicon.dateWord(key))
    return words.insert(key, value: Int32(entries.count - 1))
  }

  /// The ``DateLexicon`` index of a lower-case spelling of ASCII letters only, as the tokenizer
  /// finds it for a word spelt so; -1 for any other spelling.
  static func dateWord(_ spelling: String) -> Int32 {
    var spelling = spelling
    return spelling.withUTF8 { bytes -> Int32 in
      guard let base = bytes.baseAddress, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return -1 }
      let hash = ByteTable.hash(base, bytes.count, lowercased: true)
      return DateLexicon.shared.entry(asciiLetters: base, count: bytes.count, hash: hash)
    }
  }

  /// Adds a category word (one word, or two for `aid workers`).
  mutating func addCategoryWord(_ text: String, role: LexEntry.Role, category: Category?, subject: String?) {
    let parts = text.lowercased().split(separator: " ").map(String.init)
    guard let first = parts.first else { return }
    if parts.count == 1 {
      let index = Int(entry(for: first))
      entries[index].role = role
      if let category { entries[index].category = category }
      if let subject { entries[index].subjectCode = subjectCode(subject) }
      return
    }
    // A two-word term: stored on its last word with the first word as a required neighbour.
    let head = Int(entry(for: parts[parts.count - 1]))
    var term = LexEntry()
    term.role = role
    term.category = category
    if let subject { term.subjectCode = subjectCode(subject) }
    entries.append(term)
    wordCodes.append(0)
    dateWords.append(-1)
    if entries[head].compoundList < 0 {
      entries[head].compoundList = Int32(compoundLists.count)
      compoundLists.append([])
    }
    compoundLists[Int(entries[head].compoundList)].append((second: parts[0], entry: Int32(entries.count - 1)))
  }

  /// Adds an equipment phrase: its singular and plural forms.
  mutating func addEquipment(singular: String, plural: String) {
    for form in Set([singular.lowercased(), plural.lowercased()]) {
      let words = form.split(separator: " ").map(String.init)
      guard let last = words.last else { continue }
      equipment.append(EquipmentPhrase(words: words, singular: singular.lowercased()))
      let index = Int(entry(for: last))
      if entries[index].equipmentList < 0 {
        entries[index].equipmentList = Int32(equipmentLists.count)
        equipmentLists.append([])
      }
      equipmentLists[Int(entries[index].equipmentList)].append(Int32(equipment.count - 1))
    }
  }

  /// The code of a subject, added to `subjects` if new.
  private mutating func subjectCode(_ subject: String) -> UInt8 {
    if let found = subjects.firstIndex(of: subject) { return UInt8(found + 1) }
    precondition(subjects.count < 255, "more than 254 subjects in the category vocabulary")
    subjects.append(subject)
    return UInt8(subjects.count)
  }

  /// The subject an entry sets (`military`), if any.
  func subject(_ entry: LexEntry) -> String? {
    entry.subjectCode == 0 ? nil : subjects[Int(entry.subjectCode) - 1]
  }

  /// The indexes into `equipment` of the phrases an entry ends; empty for most words.
  func equipmentHeads(_ entry: LexEntry) -> [Int32] {
    entry.equipmentList < 0 ? [] : equipmentLists[Int(entry.equipmentList)]
  }

  /// The two-word terms an entry ends; empty for most words.
  func compounds(_ entry: LexEntry) -> [(second: String, entry: Int32)] {
    entry.compoundList < 0 ? [] : compoundLists[Int(entry.compoundList)]
  }

  func entry(_ token: Token) -> LexEntry? {
    token.lex >= 0 ? entries[Int(token.lex)] : nil
  }

  
  func word(_ token: Token) -> Word? {
    token.word == 0 ? nil : Word.table[Int(token.word) - 1]
  }
}
