/// What the date scanner knows about one word: month and weekday names in several
/// languages, and the small words that give numbers and names their meaning.
///
/// For example, `сентября` is month 9 in foreign full form, `Sept` month 9 abbreviated,
/// `since` opens a period and provides a year context, `people` is a plural count noun.
struct DateWord: Sendable {
  /// How a month name is written.
  enum MonthStyle: UInt8, Sendable {
    case none, englishFull, englishAbbreviated, foreignFull, foreignAbbreviated
  }

  /// How a weekday name is written.
  enum WeekdayStyle: UInt8, Sendable {
    case none, englishFull, englishAbbreviated, russianFull, foreignFull
  }

  /// Roles a word plays around dates and times.
  struct Roles: OptionSet, Sendable {
    let rawValue: UInt64
    /// Precedes a bare year: `in 1994`, `since 1991`, `the 1994 ceasefire`, `of 2020`.
    static let yearContext = Roles(rawValue: 1 << 0)
    /// Precedes a bare month name: `in July`, `since May`, `early June`, `mid-July`.
    static let monthContext = Roles(rawValue: 1 << 1)
    /// Opens a period by itself: `since`, `starting`, `beginning`.
    static let periodStart = Roles(rawValue: 1 << 2)
    /// Opens a period before `on`/`in`: `began`, `started`.
    static let periodVerb = Roles(rawValue: 1 << 3)
    /// `from`: opens a period when a range end follows.
    static let from = Roles(rawValue: 1 << 4)
    /// Closes a range: `to`, `until`, `through`.
    static let rangeEnd = Roles(rawValue: 1 << 5)
    /// A plural noun that makes the number before it a count: `people`, `soldiers`.
    static let countNoun = Roles(rawValue: 1 << 6)
    /// Starts a noun phrase: `the`, `a`, `their`.
    static let determiner = Roles(rawValue: 1 << 7)
    /// Links a day and a month: `4th of October`, `4 de octubre`.
    static let ofLink = Roles(rawValue: 1 << 8)
    /// `on` or `in`, after a period verb.
    static let onOrIn = Roles(rawValue: 1 << 9)
    /// Continues a list of years: `and`, `or`, `to`.
    static let yearListLink = Roles(rawValue: 1 << 10)
    static let today = Roles(rawValue: 1 << 11)
    static let yesterday = Roles(rawValue: 1 << 12)
    static let tonight = Roles(rawValue: 1 << 13)
    static let tomorrow = Roles(rawValue: 1 << 14)
    static let this = Roles(rawValue: 1 << 15)
    static let last = Roles(rawValue: 1 << 16)
    /// `night`, `evening`: after `last`.
    static let night = Roles(rawValue: 1 << 17)
    /// `morning`, `afternoon`, `evening`: after `this`.
    static let partOfDay = Roles(rawValue: 1 << 18)
    static let day = Roles(rawValue: 1 << 19)
    static let days = Roles(rawValue: 1 << 20)
    static let week = Roles(rawValue: 1 << 21)
    static let weeks = Roles(rawValue: 1 << 22)
    static let ago = Roles(rawValue: 1 << 23)
    /// `earlier`, `before`: after a number of days.
    static let earlier = Roles(rawValue: 1 << 24)
    static let before = Roles(rawValue: 1 << 25)
    static let previous = Roles(rawValue: 1 << 26)
    /// `a`, `an`, `the` before `day`.
    static let article = Roles(rawValue: 1 << 27)
    /// The English month name `may`, which is also a modal verb.
    static let modalMay = Roles(rawValue: 1 << 28)
    static let am = Roles(rawValue: 1 << 29)
    static let pm = Roles(rawValue: 1 << 30)
    /// The letters of `a.m.` and `p.m.`.
    static let meridiemA = Roles(rawValue: 1 << 31)
    static let meridiemP = Roles(rawValue: 1 << 32)
    static let meridiemM = Roles(rawValue: 1 << 33)
    static let timeZone = Roles(rawValue: 1 << 34)
    static let local = Roles(rawValue: 1 << 35)
    static let time = Roles(rawValue: 1 << 36)
    /// The `s` of `1990's`.
    static let pluralS = Roles(rawValue: 1 << 37)
  }

  var month = 0
  var monthStyle = MonthStyle.none
  var weekday = 0
  var weekdayStyle = WeekdayStyle.none
  /// The value of a number word, `one` to `ten`.
  var number = 0
  var roles: Roles = []

  /// Whether a date match can start at this word: a month or weekday name, a number word, or a
  /// word that opens a relative day (`today`, `last night`, `a day earlier`).
  var mayStartMatch: Bool {
    monthStyle != .none || weekdayStyle != .none || number > 0
      || !roles.isDisjoint(with: [.today, .tonight, .yesterday, .tomorrow, .this, .last, .article])
  }
}

/// The table of ``DateWord``s, keyed by the lowercased UTF-8 spelling of a word.
///
/// Lookup hashes the lowercased word with FNV-1a while the tokenizer reads it, then compares
/// the spelling byte for byte, so no `String` is built per word.
struct DateLexicon: Sendable {
  /// The shared table.
  static let shared = DateLexicon()

  private(set) var words: [DateWord] = []
  private(set) var spellings: [[UInt8]] = []
  private var index: [UInt64: Int] = [:]
  /// The same index as an open-addressing table (hash, entry + 1; 0 is empty), read in the
  /// tokenizer's hot loop without a `Dictionary` lookup.
  private var slotHashes: [UInt64] = []
  private var slotEntries: [Int32] = []
  private var slotMask = 0

  /// The FNV-1a offset basis.
  static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Folds one byte into an FNV-1a hash.
  @inline(__always)
  static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  /// The entry for a hash and byte length, to be verified against ``spellings``.
  @inline(__always)
  func candidate(hash: UInt64) -> Int? {
    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & slotMask
    while true {
      let entry = slotEntries[slot]
      if entry == 0 { return nil }
      if slotHashes[slot] == hash { return Int(entry) - 1 }
      slot = (slot + 1) & slotMask
    }
  }

  /// The entry of a word of ASCII letters only, given the FNV-1a hash of its lowercased bytes,
  /// or -1.
  @inline(__always)
  func entry(asciiLetters word: UnsafePointer<UInt8>, count: Int, hash: UInt64) -> Int32 {
    guard let candidate = candidate(hash: hash) else { return -1 }
    let spelling = spellings[candidate]
    guard spelling.count == count else { return -1 }
    for j in 0..<count where spelling[j] != word[j] | 0x20 { return -1 }
    return Int32(candidate)
  }

  /// Builds the open-addressing table from ``index``, at least twice as large as it.
  private mutating func buildSlots() {
    var size = 16
    while size < index.count * 4 { size <<= 1 }
    slotHashes = Array(repeating: 0, count: size)
    slotEntries = Array(repeating: 0, count: size)
    slotMask = size - 1
    for (hash, entry) in index {
      var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & slotMask
      while slotEntries[slot] != 0 { slot = (slot + 1) & slotMask }
      slotHashes[slot] = hash
      slotEntries[slot] = Int32(entry + 1)
    }
  }

  private init() {
    let englishMonths = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    for (offset, name) in englishMonths.enumerated() {
      add([name]) {
        $0.month = offset + 1
        $0.monthStyle = .englishFull
      }
    }
    add(["may"]) { $0.roles.insert(.modalMay) }
    let englishAbbreviations = [
      ["jan"], ["feb"], ["mar"], ["apr"], [], ["jun"], ["jul"], ["aug"], ["sep", "sept"], ["oct"],
      ["nov"], ["dec"],
    ]
    for (offset, names) in englishAbbreviations.enumerated() {
      add(names) {
        $0.month = offset + 1
        $0.monthStyle = .englishAbbreviated
      }
    }
    let foreignMonths: [[String]] = [
      // Russian nominative, genitive, prepositional; French; Spanish; German.
      ["январь", "января", "январе", "janvier", "enero", "januar", "jänner"],
      ["февраль", "февраля", "феврале", "février", "fevrier", "febrero", "februar"],
      ["март", "марта", "марте", "mars", "marzo", "märz", "maerz", "marz"],
      ["апрель", "апреля", "апреле", "avril", "abril"],
      ["май", "мая", "мае", "mai", "mayo"],
      ["июнь", "июня", "июне", "juin", "junio", "juni"],
      ["июль", "июля", "июле", "juillet", "julio", "juli"],
      ["август", "августа", "августе", "août", "aout", "agosto"],
      ["сентябрь", "сентября", "сентябре", "septembre", "septiembre", "setiembre"],
      ["октябрь", "октября", "октябре", "octobre", "octubre", "oktober"],
      ["ноябрь", "ноября", "ноябре", "novembre", "noviembre"],
      ["декабрь", "декабря", "декабре", "décembre", "decembre", "diciembre", "dezember"],
    ]
    for (offset, names) in foreignMonths.enumerated() {
      add(names) {
        $0.month = offset + 1
        $0.monthStyle = .foreignFull
      }
    }
    let russianAbbreviations = [
      ["янв"], ["фев"], ["мар"], ["апр"], [], ["июн"], ["июл"], ["авг"], ["сен", "сент"], ["окт"],
      ["ноя", "нояб"], ["дек"],
    ]
    for (offset, names) in russianAbbreviations.enumerated() {
      add(names) {
        $0.month = offset + 1
        $0.monthStyle = .foreignAbbreviated
      }
    }

    let weekdays: [(full: [String], abbreviated: [String], russian: [String], foreign: [String])] =
      [
        (["monday"], ["mon"], ["понедельник"], ["lundi", "lunes", "montag"]),
        (["tuesday"], ["tue", "tues"], ["вторник"], ["mardi", "martes", "dienstag"]),
        (
          ["wednesday"], ["wed"], ["среда", "среду"],
          ["mercredi", "miércoles", "miercoles", "mittwoch"]
        ),
        (["thursday"], ["thu", "thur", "thurs"], ["четверг"], ["jeudi", "jueves", "donnerstag"]),
        (["friday"], ["fri"], ["пятница", "пятницу"], ["vendredi", "viernes", "freitag"]),
        (
          ["saturday"], ["sat"], ["суббота", "субботу"],
          ["samedi", "sábado", "sabado", "samstag", "sonnabend"]
        ),
        (["sunday"], ["sun"], ["воскресенье"], ["dimanche", "domingo", "sonntag"]),
      ]
    for (offset, names) in weekdays.enumerated() {
      let styles: [([String], DateWord.WeekdayStyle)] = [
        (names.full, .englishFull), (names.abbreviated, .englishAbbreviated),
        (names.russian, .russianFull), (names.foreign, .foreignFull),
      ]
      for (spellings, style) in styles {
        add(spellings) {
          $0.weekday = offset + 1
          $0.weekdayStyle = style
        }
      }
    }

    let numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    for (offset, name) in numbers.enumerated() {
      add([name]) { $0.number = offset + 1 }
    }

    add([
      "in", "since", "of", "from", "until", "till", "by", "during", "before", "after", "through",
      "between", "the", "a", "early", "late", "mid", "circa", "year", "spring", "summer", "autumn",
      "fall", "winter", "end", "start", "beginning", "around", "в", "с", "до", "году", "en", "seit",
      "depuis", "desde", "im", "à",
    ]) { $0.roles.insert(.yearContext) }
    add([
      "in", "since", "of", "early", "late", "mid", "until", "till", "by", "during", "from", "last",
      "next", "this", "through", "before", "after", "end", "beginning", "start", "between",
      "в", "во", "с", "со", "до", "en", "de", "im", "à", "seit", "depuis", "desde", "début", "fin",
      "mi", "mitte", "anfang", "ende", "principios", "finales", "mediados",
    ]) { $0.roles.insert(.monthContext) }
    add(["since", "starting", "beginning", "depuis", "desde", "seit", "с", "со"]) {
      $0.roles.insert(.periodStart)
    }
    add([
      "began", "begun", "begins", "started", "starts", "starting", "beginning", "commenced",
      "erupted",
    ]) {
      $0.roles.insert(.periodVerb)
    }
    add(["from"]) { $0.roles.insert(.from) }
    add(["to", "until", "till", "through", "thru", "до", "по"]) { $0.roles.insert(.rangeEnd) }
    add(["on", "in"]) { $0.roles.insert(.onOrIn) }
    add(["and", "or", "to"]) { $0.roles.insert(.yearListLink) }
    add(["of", "de"]) { $0.roles.insert(.ofLink) }
    add([
      "people", "persons", "soldiers", "civilians", "troops", "deaths", "fighters", "servicemen",
      "militants", "children", "women", "men", "residents", "refugees", "casualties", "victims",
      "lives", "personnel", "officers", "policemen", "prisoners", "hostages", "migrants", "workers",
      "families", "households", "homes", "houses", "buildings", "villages", "tanks", "drones",
      "missiles", "rockets", "shells", "vehicles", "aircraft", "helicopters", "dead", "wounded",
      "injured", "killed", "fatalities", "inhabitants", "displaced", "units", "km", "kilometers",
      "kilometres", "miles", "meters", "metres", "dollars", "euros", "tonnes", "tons", "members",
      "votes", "cases", "deaths", "others", "more",
    ]) { $0.roles.insert(.countNoun) }
    add([
      "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "that", "this", "these",
      "those",
    ]) { $0.roles.insert(.determiner) }
    add(["today"]) { $0.roles.insert(.today) }
    add(["yesterday"]) { $0.roles.insert(.yesterday) }
    add(["tonight"]) { $0.roles.insert(.tonight) }
    add(["tomorrow"]) { $0.roles.insert(.tomorrow) }
    add(["this"]) { $0.roles.insert(.this) }
    add(["last"]) { $0.roles.insert(.last) }
    add(["night", "evening"]) { $0.roles.insert(.night) }
    add(["morning", "afternoon", "evening"]) { $0.roles.insert(.partOfDay) }
    add(["day"]) { $0.roles.insert(.day) }
    add(["days"]) { $0.roles.insert(.days) }
    add(["week"]) { $0.roles.insert(.week) }
    add(["weeks"]) { $0.roles.insert(.weeks) }
    add(["ago"]) { $0.roles.insert(.ago) }
    add(["earlier", "before"]) { $0.roles.insert(.earlier) }
    add(["before"]) { $0.roles.insert(.before) }
    add(["previous"]) { $0.roles.insert(.previous) }
    add(["a", "an", "the"]) { $0.roles.insert(.article) }
    add(["am"]) { $0.roles.insert(.am) }
    add(["pm"]) { $0.roles.insert(.pm) }
    add(["a"]) { $0.roles.insert(.meridiemA) }
    add(["p"]) { $0.roles.insert(.meridiemP) }
    add(["m"]) { $0.roles.insert(.meridiemM) }
    add([
      "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "est", "edt", "cst", "cdt", "mst",
      "mdt", "pst", "pdt", "ist", "azt", "amt", "trt", "irst", "aest", "jst",
    ]) { $0.roles.insert(.timeZone) }
    add(["local"]) { $0.roles.insert(.local) }
    add(["time"]) { $0.roles.insert(.time) }
    add(["s"]) { $0.roles.insert(.pluralS) }
    buildSlots()
  }

  /// Adds roles to words, creating their entries on first use.
  private mutating func add(_ names: [String], _ update: (inout DateWord) -> Void) {
    for name in names {
      let bytes = Array(name.utf8)
      var hash = DateLexicon.hashSeed
      for byte in bytes { hash = DateLexicon.hash(hash, byte) }
      if let existing = index[hash] {
        precondition(spellings[existing] == bytes, "date lexicon hash collision: \(name)")
        update(&words[existing])
      } else {
        var word = DateWord()
        update(&word)
        index[hash] = words.count
        words.append(word)
        spellings.append(bytes)
      }
    }
  }
}
