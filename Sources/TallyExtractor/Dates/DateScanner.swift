/// Finds date expressions in plain text with a byte scanner: no `DateFormatter`, no `Regex`.
///
/// The scanner reads English month and weekday names (full and abbreviated, with ordinal
/// suffixes), Russian, French, Spanish and German month names, Russian weekdays, numeric dates
/// (`2020-10-04`, `5/10/2020`, `04.10.2020`), years in a year context (`in 1994`), decades,
/// and relative days (`yesterday`, `two days ago`). For example:
///
/// ```swift
/// let mentions = DateScanner.mentions(in: "Published October 4th, 2020 - 10:54 GMT")
/// // [DateMention(kind: .date(2020-10-04), range: 10..<27)]
/// let times = DateScanner.timeRanges(in: "Published October 4th, 2020 - 10:54 GMT")
/// // [30..<39]
/// ```
///
/// Numeric dates read day/month/year unless a weekday next to them says otherwise
/// (`Monday (5/10/2020)` is 5 October 2020, `Saturday 5/10/2020` is 10 May 2020), a first
/// number over 12 forces day/month, and a second number over 12 forces month/day.
public enum DateScanner {
  /// All date expressions in the text, in order and without overlaps.
  ///
  /// - Parameter text: UTF-8 bytes; invalid sequences are skipped as symbols.
  /// - Returns: The mentions, with byte ranges into `text`.
  /// - Complexity: O(n) in the length of `text`.
  public static func mentions(in text: UnsafeBufferPointer<UInt8>) -> [DateMention] {
    var matcher = DateMatcher(text: text, tokens: DateTokenizer.tokens(text))
    return matcher.mentions()
  }

  /// All date expressions in `text`, with UTF-8 byte ranges into `text.utf8`.
  ///
  /// For example, `DateScanner.mentions(in: "since 27 September")` has one mention of kind
  /// `.monthDay(month: 9, day: 27)` with `startsPeriod == true`.
  public static func mentions(in text: String) -> [DateMention] {
    withUTF8(text) { mentions(in: $0) }
  }

  /// Runs `body` over the UTF-8 bytes of `text`, copying only when they are not contiguous.
  static func withUTF8<Result>(
    _ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }
}

/// The pattern matching behind ``DateScanner``, over the tokens of one buffer.
struct DateMatcher {
  /// A date found at a token, before weekday merging and period detection.
  private struct Match {
    var kind: DateMention.Kind
    /// The other reading of an ambiguous numeric date (month/day when `kind` is day/month).
    var alternative: PartialDate?
    /// The index of the token after the match.
    var next: Int
  }

  let text: UnsafeBufferPointer<UInt8>
  let tokens: [DateToken]
  private let lexicon = DateLexicon.shared
  /// The token index just past the last bare-year mention, for `1992 and 1994`.
  private var lastYearEnd = -1

  init(text: UnsafeBufferPointer<UInt8>, tokens: [DateToken]) {
    self.text = text
    self.tokens = tokens
  }

  mutating func mentions() -> [DateMention] {
    var result: [DateMention] = []
    var index = 0
    while index < tokens.count {
      // Most tokens cannot start a date: reject them before the full dispatch.
      if !mayStartMatch(index) {
        index += 1
        continue
      }
      if let (mention, next) = match(at: index) {
        result.append(mention)
        index = next
      } else {
        index += 1
      }
    }
    return result
  }

  // MARK: - Dispatch

  /// Whether ``match(at:)`` can find anything at `index`: false for a symbol, and for a word
  /// that is no month or weekday name and cannot start a relative day (what `match` would
  /// reject with no side effect).
  @inline(__always)
  private func mayStartMatch(_ index: Int) -> Bool {
    let token = tokens[index]
    switch token.kind {
    case .symbol: return false
    case .number: return true
    case .word:
      guard token.value >= 0 else { return false }
      return lexicon.words[token.value].mayStartMatch
    }
  }

  private mutating func match(at index: Int) -> (DateMention, Int)? {
    let token = tokens[index]
    var found: (kind: DateMention.Kind, weekday: Weekday?, next: Int, end: Int)?
    switch token.kind {
    case .symbol:
      return nil
    case .number:
      if let match = date(at: index, requireDay: false) {
        found = (match.kind, nil, match.next, tokens[match.next - 1].end)
      } else if let (offset, next) = relative(at: index) {
        found = (.relativeDays(offset), nil, next, tokens[next - 1].end)
      }
    case .word:
      guard let word = self.word(index) else { return nil }
      if word.weekdayStyle != .none, let weekday = Weekday(rawValue: word.weekday) {
        if let merged = weekdayDate(at: index, weekday: weekday) {
          found = merged
        } else if word.weekdayStyle == .englishFull || word.weekdayStyle == .russianFull {
          found = (.weekday(weekday), weekday, index + 1, token.end)
        }
      }
      if found == nil, word.monthStyle != .none, let match = date(at: index, requireDay: false) {
        found = (match.kind, nil, match.next, tokens[match.next - 1].end)
      }
      if found == nil, let (offset, next) = relative(at: index) {
        found = (.relativeDays(offset), nil, next, tokens[next - 1].end)
      }
    }
    guard let found else { return nil }
    let mention = DateMention(
      kind: found.kind, range: token.start..<found.end, weekday: found.weekday,
      startsPeriod: startsPeriod(first: index, next: found.next))
    return (mention, found.next)
  }

  /// A weekday followed by a date: `Sunday, September 27`, `Sun 04 October 2020`,
  /// `Monday (5/10/2020)`, `Понедельник, 28 Сен, 2020`.
  private mutating func weekdayDate(at index: Int, weekday: Weekday) -> (
    kind: DateMention.Kind, weekday: Weekday?, next: Int, end: Int
  )? {
    var cursor = index + 1
    if isSymbol(cursor, "."), !spaced(cursor) { cursor += 1 }
    if isSymbol(cursor, ",") { cursor += 1 }
    var parenthesis = false
    if isSymbol(cursor, "(") {
      parenthesis = true
      cursor += 1
    }
    guard cursor < tokens.count, !tokens[cursor].traits.contains(.paragraphBefore),
      cursor - index <= 4, var match = date(at: cursor, requireDay: true)
    else { return nil }
    if case .date(let primary) = match.kind, let alternative = match.alternative,
      primary.weekday != weekday, alternative.weekday == weekday
    {
      match.kind = .date(alternative)
    }
    var next = match.next
    if parenthesis, isSymbol(next, ")") { next += 1 }
    return (match.kind, weekday, next, tokens[next - 1].end)
  }

  // MARK: - Dates

  /// A date starting at `index`; with `requireDay`, only day-precise dates.
  private mutating func date(at index: Int, requireDay: Bool) -> Match? {
    let token = tokens[index]
    if token.kind == .number {
      if let match = isoDate(at: index) ?? numericDate(at: index) ?? dayMonth(at: index) {
        return match
      }
      if requireDay { return nil }
      if let match = decade(at: index) { return match }
      if let match = year(at: index) {
        lastYearEnd = match.next
        return match
      }
      return nil
    }
    guard let word = word(index), word.monthStyle != .none else { return nil }
    return monthFirst(at: index, word: word, requireDay: requireDay)
  }

  /// `2020-10-04`, `2020/10/04`, `2020.10.04`.
  private func isoDate(at index: Int) -> Match? {
    guard tokens[index].digits == 4, let separator = separator(index + 1),
      number(index + 2, digits: 1...2), isSymbol(index + 3, separator), !spaced(index + 3),
      number(index + 4, digits: 1...2), freeOnLeft(index), freeOnRight(index + 4),
      let date = PartialDate(
        year: tokens[index].value, month: tokens[index + 2].value, day: tokens[index + 4].value)
    else { return nil }
    return Match(kind: .date(date), next: index + 5)
  }

  /// `5/10/2020`, `05.10.2020`, `5-10-2020`: day/month/year, or month/day/year when only that
  /// reading is valid. The other valid reading is kept for weekday disambiguation.
  private func numericDate(at index: Int) -> Match? {
    guard tokens[index].digits <= 2, let separator = separator(index + 1),
      number(index + 2, digits: 1...2), isSymbol(index + 3, separator), !spaced(index + 3),
      number(index + 4, digits: 4...4), freeOnLeft(index), freeOnRight(index + 4)
    else { return nil }
    let first = tokens[index].value
    let second = tokens[index + 2].value
    let year = tokens[index + 4].value
    let dayMonth = PartialDate(year: year, month: second, day: first)
    let monthDay = PartialDate(year: year, month: first, day: second)
    guard let primary = dayMonth ?? monthDay else { return nil }
    let alternative = dayMonth != nil && first != second ? monthDay : nil
    return Match(kind: .date(primary), alternative: alternative, next: index + 5)
  }

  /// `4 October 2020`, `4th October, 2020`, `28 Сен, 2020`, `4. Oktober 2020`,
  /// `4 de octubre de 2020`, `the 4th of October`, `27 September`.
  private func dayMonth(at index: Int) -> Match? {
    let day = tokens[index]
    guard day.digits <= 2, (1...31).contains(day.value), !day.traits.contains(.plural),
      freeOnLeft(index)
    else { return nil }
    var cursor = index + 1
    if isSymbol(cursor, "."), !spaced(cursor), !day.traits.contains(.ordinal) { cursor += 1 }
    if let link = word(cursor), link.roles.contains(.ofLink), monthWord(cursor + 1) != nil {
      cursor += 1
    }
    guard spaced(cursor), let month = monthWord(cursor) else { return nil }
    var next = cursor + 1
    if isAbbreviated(month), isSymbol(next, "."), !spaced(next) { next += 1 }
    if let (year, after) = yearAfter(next),
      let date = PartialDate(year: year, month: month.month, day: day.value)
    {
      return Match(kind: .date(date), next: after)
    }
    guard day.value <= CivilCalendar.daysInMonth(year: 2000, month: month.month) else {
      return nil
    }
    return Match(kind: .monthDay(month: month.month, day: day.value), next: next)
  }

  /// `October 4th, 2020`, `Oct. 4, 2020`, `Sept. 27`, `April 2016`, `July of 2020`, `in July`.
  private func monthFirst(at index: Int, word: DateWord, requireDay: Bool) -> Match? {
    let token = tokens[index]
    if word.roles.contains(.modalMay), !token.traits.contains(.capitalized) { return nil }
    var cursor = index + 1
    if isAbbreviated(word), isSymbol(cursor, "."), !spaced(cursor) { cursor += 1 }
    if number(cursor, digits: 1...2), spaced(cursor) || cursor > index + 1 {
      let day = tokens[cursor]
      if (1...31).contains(day.value), !day.traits.contains(.plural), freeOnRight(cursor),
        !followedByCountNoun(cursor)
      {
        if let (year, after) = yearAfter(cursor + 1) {
          guard let date = PartialDate(year: year, month: word.month, day: day.value) else {
            return nil
          }
          return Match(kind: .date(date), next: after)
        }
        if day.value <= CivilCalendar.daysInMonth(year: 2000, month: word.month) {
          return Match(kind: .monthDay(month: word.month, day: day.value), next: cursor + 1)
        }
      }
    }
    if requireDay { return nil }
    var yearCursor = cursor
    if let link = self.word(yearCursor), link.roles.contains(.ofLink) { yearCursor += 1 }
    if let (year, after) = yearAfter(yearCursor),
      let date = PartialDate(year: year, month: word.month)
    {
      return Match(kind: .date(date), next: after)
    }
    // A month name alone.
    let inContext = previousWord(index)?.roles.contains(.monthContext) ?? false
    switch word.monthStyle {
    case .englishFull:
      guard token.traits.contains(.capitalized) else { return nil }
      if word.roles.contains(.modalMay), !inContext { return nil }
    case .foreignFull:
      guard inContext else { return nil }
    default:
      return nil
    }
    return Match(kind: .month(word.month), next: index + 1)
  }

  /// `1990s`, `1990's`, `1990’s`.
  private func decade(at index: Int) -> Match? {
    let token = tokens[index]
    guard token.digits == 4, token.value % 10 == 0, (1000...2990).contains(token.value),
      freeOnLeft(index)
    else { return nil }
    if token.traits.contains(.plural) {
      return Match(kind: .decade(token.value), next: index + 1)
    }
    if isSymbol(index + 1, "'") || isSymbol(index + 1, "\u{2019}"), !spaced(index + 1),
      let s = word(index + 2), s.roles.contains(.pluralS), !spaced(index + 2)
    {
      return Match(kind: .decade(token.value), next: index + 3)
    }
    return nil
  }

  /// A bare year, 1800...2100, in a year context: `in 1994`, `since 1991`, `the 1994
  /// ceasefire`, `of 2020`, `mid-1990`, `1992 and 1994`; not `1994 people`.
  private func year(at index: Int) -> Match? {
    let token = tokens[index]
    guard token.digits == 4, token.traits.isDisjoint(with: [.ordinal, .plural]),
      (1800...2100).contains(token.value), freeOnLeft(index), freeOnRight(index),
      !followedByCountNoun(index)
    else { return nil }
    var context = previousWord(index)?.roles.contains(.yearContext) ?? false
    if !context, index == lastYearEnd + 1, index >= 1 {
      let link = tokens[index - 1]
      context =
        word(index - 1)?.roles.contains(.yearListLink) ?? false
        || (link.kind == .symbol && [0x2D, 0x2013, 0x2014].contains(link.value))
    }
    guard context, let date = PartialDate(year: token.value) else { return nil }
    return Match(kind: .date(date), next: index + 1)
  }

  /// A four-digit year after an optional comma or `de`/`of`, as the last part of a date.
  private func yearAfter(_ index: Int) -> (year: Int, next: Int)? {
    var cursor = index
    if isSymbol(cursor, ",") { cursor += 1 }
    if let link = word(cursor), link.roles.contains(.ofLink) { cursor += 1 }
    guard number(cursor, digits: 4...4), spaced(cursor) || cursor > index,
      tokens[cursor].traits.isDisjoint(with: [.ordinal, .plural]),
      tokens[cursor].value >= 1000, freeOnRight(cursor), !followedByCountNoun(cursor)
    else { return nil }
    return (tokens[cursor].value, cursor + 1)
  }

  // MARK: - Relative days

  /// `today`, `yesterday`, `tonight`, `tomorrow`, `this morning`, `last night`,
  /// `a day earlier`, `the day before`, `the day before yesterday`, `the previous day`,
  /// `two days ago`, `2 days earlier`, `a week ago`.
  private func relative(at index: Int) -> (offset: Int, next: Int)? {
    if let word = word(index) {
      let roles = word.roles
      if roles.contains(.today) || roles.contains(.tonight) { return (0, index + 1) }
      if roles.contains(.yesterday) { return (-1, index + 1) }
      if roles.contains(.tomorrow) { return (1, index + 1) }
    }
    // Every reading below needs one of these words next (`this morning`, `last night`,
    // `a day earlier`, `two weeks ago`): most tokens (numbers, articles) are turned away here.
    guard let next = word(index + 1),
      !next.roles.isDisjoint(with: [.partOfDay, .night, .previous, .day, .week, .days, .weeks])
    else { return nil }
    if let word = word(index) {
      let roles = word.roles
      if roles.contains(.this), has(index + 1, .partOfDay) { return (0, index + 2) }
      if roles.contains(.last), has(index + 1, .night) { return (-1, index + 2) }
      if roles.contains(.article), has(index + 1, .previous), has(index + 2, .day) {
        return (-1, index + 3)
      }
    }
    let count: Int
    let singular: Bool
    if let word = word(index), word.roles.contains(.article) {
      (count, singular) = (1, true)
    } else if let word = word(index), word.number > 0 {
      (count, singular) = (word.number, word.number == 1)
    } else if number(index, digits: 1...2),
      tokens[index].traits.isDisjoint(with: [.ordinal, .plural]), freeOnLeft(index)
    {
      (count, singular) = (tokens[index].value, tokens[index].value == 1)
    } else {
      return nil
    }
    let unit: Int
    if singular, has(index + 1, .day) || has(index + 1, .week) {
      unit = has(index + 1, .day) ? 1 : 7
    } else if !singular || word(index)?.number == 1 || number(index, digits: 1...2),
      has(index + 1, .days) || has(index + 1, .weeks)
    {
      unit = has(index + 1, .days) ? 1 : 7
    } else {
      return nil
    }
    let after = index + 2
    if has(after, .ago) { return (-count * unit, after + 1) }
    guard has(after, .earlier) else { return nil }
    if has(after, .before) {
      if count == 1, unit == 1, has(after + 1, .yesterday) { return (-2, after + 2) }
      let monthFollows = word(after + 1).map { $0.monthStyle != .none } ?? false
      if has(after + 1, .determiner) || monthFollows || number(after + 1, digits: 1...4) {
        return nil
      }
    }
    return (-count * unit, after + 1)
  }

  // MARK: - Periods

  /// Whether the mention spanning tokens `first..<next` opens a period.
  private func startsPeriod(first: Int, next: Int) -> Bool {
    guard var before = previousWord(first) else { return false }
    var first = first
    if before.roles.contains(.article), first >= 2, let further = previousWord(first - 1) {
      // `since the 1990s`, `since a 1994 ceasefire`
      before = further
      first -= 1
    }
    if before.roles.contains(.periodStart) || before.roles.contains(.periodVerb) { return true }
    if before.roles.contains(.onOrIn), first >= 2, let verb = previousWord(first - 1),
      verb.roles.contains(.periodVerb)
    {
      return true
    }
    if before.roles.contains(.from) {
      for index in next..<min(next + 4, tokens.count) {
        if has(index, .rangeEnd) { return true }
        let token = tokens[index]
        if token.kind == .symbol, [0x2D, 0x2013, 0x2014].contains(token.value) { return true }
      }
    }
    return false
  }

  // MARK: - Token helpers

  /// The lexicon entry of the word at `index`.
  private func word(_ index: Int) -> DateWord? {
    guard index >= 0, index < tokens.count, tokens[index].kind == .word, tokens[index].value >= 0
    else { return nil }
    return lexicon.words[tokens[index].value]
  }

  /// Whether the word at `index` has `role`.
  private func has(_ index: Int, _ role: DateWord.Roles) -> Bool {
    word(index)?.roles.contains(role) ?? false
  }

  /// The month word at `index`; the modal `may` only when capitalised.
  private func monthWord(_ index: Int) -> DateWord? {
    guard let word = word(index), word.monthStyle != .none else { return nil }
    if word.roles.contains(.modalMay), !tokens[index].traits.contains(.capitalized) {
      return nil
    }
    return word
  }

  private func isAbbreviated(_ word: DateWord) -> Bool {
    word.monthStyle == .englishAbbreviated || word.monthStyle == .foreignAbbreviated
  }

  /// The word right before token `index` (spaces, or the hyphen of `mid-`, in between).
  private func previousWord(_ index: Int) -> DateWord? {
    var cursor = index - 1
    if isSymbol(cursor, "-"), !spaced(index), !spaced(cursor) { cursor -= 1 }
    guard cursor >= 0, !tokens[cursor + 1].traits.contains(.paragraphBefore) else { return nil }
    return word(cursor)
  }

  /// Whether the token at `index` is a number with a digit count in `digits`, no suffix, and
  /// no space before it unless `index` starts a match.
  private func number(_ index: Int, digits: ClosedRange<Int>) -> Bool {
    guard index < tokens.count, tokens[index].kind == .number else { return false }
    return digits.contains(tokens[index].digits)
      && tokens[index].traits.isDisjoint(with: [.plural])
  }

  private func isSymbol(_ index: Int, _ symbol: Unicode.Scalar) -> Bool {
    index >= 0 && index < tokens.count && tokens[index].kind == .symbol
      && tokens[index].value == Int(symbol.value)
  }

  /// Whether whitespace precedes token `index` (true past the end).
  private func spaced(_ index: Int) -> Bool {
    index >= tokens.count || tokens[index].traits.contains(.spaceBefore)
  }

  /// The date separator (`/`, `.`, `-`) at `index`, directly between two numbers.
  private func separator(_ index: Int) -> Unicode.Scalar? {
    guard index + 1 < tokens.count, !spaced(index), !spaced(index + 1),
      tokens[index].kind == .symbol
    else { return nil }
    switch tokens[index].value {
    case 0x2F: return "/"
    case 0x2E: return "."
    case 0x2D: return "-"
    default: return nil
    }
  }

  /// Whether the number at `index` is not the tail of a larger number (`1,994`, `3.2020`,
  /// `$2020`, `10:2020`, `12/2020`).
  private func freeOnLeft(_ index: Int) -> Bool {
    guard index >= 1, !spaced(index) else { return true }
    let before = tokens[index - 1]
    if before.kind == .number { return false }
    guard before.kind == .symbol else { return true }
    switch before.value {
    case 0x24, 0x23, 0xA3, 0xA5, 0x20AC, 0x2116:  // $ # £ ¥ € №
      return false
    case 0x2C, 0x2E, 0x3A, 0x2F:  // , . : /
      return !(index >= 2 && !spaced(index - 1) && tokens[index - 2].kind == .number)
    default:
      return true
    }
  }

  /// Whether the number at `index` is not the head of a larger number (`2020,000`, `2020.5`,
  /// `2020/21`, `20:20`).
  private func freeOnRight(_ index: Int) -> Bool {
    let next = index + 1
    guard next < tokens.count, !spaced(next) else { return true }
    let after = tokens[next]
    if after.kind == .number { return false }
    guard after.kind == .symbol, [0x2C, 0x2E, 0x3A, 0x2F].contains(after.value) else {
      return true
    }
    return !(next + 1 < tokens.count && !spaced(next + 1) && tokens[next + 1].kind == .number)
  }

  /// Whether a plural count noun follows the number at `index`: `1994 people`.
  private func followedByCountNoun(_ index: Int) -> Bool {
    spaced(index + 1) && has(index + 1, .countNoun)
  }
}
