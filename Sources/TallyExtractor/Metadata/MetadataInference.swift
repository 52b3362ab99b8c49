/// Infers document metadata from the text itself.
///
/// The rules are deliberately conservative: what cannot be known stays `nil`.
///
/// - **title**: the first non-empty line, when it has at most 200 characters, contains a letter,
///   and is not itself a dateline.
/// - **published**: the first *dateline* near the top (the first 12 non-empty lines, or the
///   first 1.5 KB): a day-precise date with a year that stands alone on its line, or is
///   introduced by `Published`/`Posted`/`Updated` or by a weekday, or is followed by a time.
///   `Published` beats `Updated`. Failing that, the first weekday followed by a parenthesised
///   date anywhere in the head (`Monday (5/10/2020)`). Never a bare year or month.
/// - **source**, in this order: a copyright line (`Copyright © 2022 Press TV. All rights
///   reserved.`, `© 2020 Reuters`, `(c) AFP 2020`), searched from the end of the tail and then
///   in the head (there only with the word `Copyright` or `All rights reserved`, so photo
///   credits do not count); a `Source: X` line; a paragraph that opens with a site name and a
///   dash (`Windowofworld.com – The exchange ...`); a wire dateline (`YEREVAN (Reuters) -`);
///   a byline (`By Jane Doe, Reuters`).
///
/// For example:
///
/// ```swift
/// let text = "Clashes Intensify\n\nPublished October 4th, 2020 - 10:54 GMT\n..."
/// MetadataInference.infer(head: text, tail: "Copyright © 2022 Press TV. All rights reserved.")
/// // title "Clashes Intensify", source "Press TV", published "2020-10-04"
/// ```
public enum MetadataInference {
  /// What the text itself says, from its first and last few KB.
  ///
  /// - Parameters:
  ///   - head: The start of the document (about 4 KB), after any front matter.
  ///   - tail: The end of the document (about 4 KB); it may overlap `head`.
  /// - Returns: Metadata with `url` always `nil`.
  public static func infer(head: String, tail: String) -> DocumentMetadata {
    let headPage = Page(head)
    // Only the head's dates are read (title and publication date); the tail gives lines.
    let tailPage = Page(tail, scansDates: false)
    return DocumentMetadata(
      title: title(in: headPage), source: source(head: headPage, tail: tailPage),
      published: published(in: headPage)?.description)
  }

  // MARK: - Title

  static func title(in page: Page) -> String? {
    guard let line = page.lines.first(where: { !$0.text.isEmpty }),
      line.text.count <= 200, line.text.unicodeScalars.contains(where: isLetter)
    else { return nil }
    let isDateline = page.mentions.contains { mention in
      page.line(containing: mention.range.lowerBound) == line.number
        && dateline(mention, on: line, in: page) != nil
    }
    return isDateline ? nil : line.text
  }

  // MARK: - Publication date

  static func published(in page: Page) -> PartialDate? {
    var updated: PartialDate?
    for mention in page.mentions {
      guard case .date(let date) = mention.kind, date.isFullDate,
        let number = page.line(containing: mention.range.lowerBound)
      else { continue }
      let line = page.lines[number]
      guard let ordinal = line.ordinal, ordinal < 12 || line.start < 1536 else { break }
      switch dateline(mention, on: line, in: page) {
      case .published?: return date
      case .updated?: updated = updated ?? date
      case nil: continue
      }
    }
    if let updated { return updated }
    for mention in page.mentions where mention.weekday != nil {
      guard case .date(let date) = mention.kind, date.isFullDate,
        page.bytes[mention.range].contains(UInt8(ascii: "("))
      else { continue }
      return date
    }
    return nil
  }

  private enum Dateline {
    case published, updated
  }

  private static let introWords: Set<String> = [
    "published", "posted", "updated", "modified", "created", "dated", "date", "опубликовано",
    "обновлено",
  ]
  private static let prefixWords: Set<String> = introWords.union(["on", "at", "last", "first"])
  private static let suffixWords: Set<String> = [
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "est", "edt", "cst", "cdt", "pst",
    "pdt", "ist", "local", "time", "am", "pm", "a", "p", "m",
  ]

  /// Whether `mention`, a full date on `line`, is a dateline, and of which kind.
  private static func dateline(_ mention: DateMention, on line: Page.Line, in page: Page)
    -> Dateline?
  {
    guard case .date(let date) = mention.kind, date.isFullDate, line.text.count <= 200 else {
      return nil
    }
    let prefix = page.string(line.start..<mention.range.lowerBound)
    var suffixBytes = Array(page.bytes[mention.range.upperBound..<line.end])
    var followedByTime = false
    for time in page.times
    where time.lowerBound >= mention.range.upperBound
      && time.upperBound <= line.end
    {
      let gap = page.string(mention.range.upperBound..<time.lowerBound)
      if !gap.unicodeScalars.contains(where: { isLetter($0) || isDigit($0) }) {
        followedByTime = true
      }
      for index in time {
        suffixBytes[index - mention.range.upperBound] = UInt8(ascii: " ")
      }
    }
    let suffix = String(decoding: suffixBytes, as: UTF8.self)
    // Only the part after the last separator counts: `By Jane Doe | Published October 4, 2020`.
    let segment = String(
      prefix.split(omittingEmptySubsequences: false, whereSeparator: { "|•·-–—/".contains($0) })
        .last ?? "")
    let before = words(segment)
    let prefixClean =
      !segment.unicodeScalars.contains(where: isDigit) && before.allSatisfy(prefixWords.contains)
    let suffixClean =
      !suffix.unicodeScalars.contains(where: isDigit)
      && words(suffix).allSatisfy(suffixWords.contains)
    let intro = before.last { $0 != "on" && $0 != "at" }
    let introduced = prefixClean && intro.map(introWords.contains) ?? false
    guard
      (prefixClean && suffixClean) || introduced || (prefixClean && mention.weekday != nil)
        || followedByTime
    else { return nil }
    return intro == "updated" || intro == "modified" || intro == "обновлено"
      ? .updated : .published
  }

  // MARK: - Source

  static func source(head: Page, tail: Page) -> String? {
    // A page without any copyright mark has no line with one: one pass over its bytes answers
    // every line of most pages.
    if tail.bytes.withUnsafeBufferPointer(mayHoldCopyright) {
      for line in tail.lines.reversed() {
        if let name = copyrightHolder(line.text, requireWord: false) { return name }
      }
    }
    if head.bytes.withUnsafeBufferPointer(mayHoldCopyright) {
      for line in head.lines.reversed() {
        if let name = copyrightHolder(line.text, requireWord: true) { return name }
      }
    }
    for line in head.lines + tail.lines {
      if let name = sourceLine(line.text) { return name }
    }
    let top = head.lines.filter { line in line.ordinal.map { $0 < 12 } ?? false }
    for line in top.dropFirst() {
      if let name = siteName(line.text) { return name }
    }
    for line in top {
      if let name = wireAgency(line.text) { return name }
    }
    for line in top {
      if let name = bylineOutlet(line.text) { return name }
    }
    return nil
  }

  /// `Copyright © 2022 Press TV. All rights reserved.` -> `Press TV`; `(c) AFP 2020` -> `AFP`.
  static func copyrightHolder(_ line: String, requireWord: Bool) -> String? {
    // Most lines have none of the marks: answer them without building scalar arrays.
    guard line.utf8.count <= 800, mayHoldCopyright(line) else { return nil }
    let text = Array(line.unicodeScalars)
    guard text.count <= 200 else { return nil }
    let hasWord = find("copyright", in: text) != nil
    if requireWord, !hasWord, find("all rights reserved", in: text) == nil { return nil }
    var cursor: Int
    if let sign = text.firstIndex(of: "©") {
      cursor = sign + 1
    } else if let word = find("copyright", in: text) {
      cursor = word + 9
      let next = skipSpaces(text, cursor)
      guard next < text.count,
        isDigit(text[next]) || find("(c)", in: text, at: next)
      else { return nil }
    } else if let mark = find("(c)", in: text), mark == 0 || text[mark - 1] == " " {
      cursor = mark + 3
      let next = skipSpaces(text, cursor)
      guard next < text.count, isDigit(text[next]) || isUppercase(text[next]) else { return nil }
    } else {
      return nil
    }
    // Skip further marks and years: `© Copyright 2020-2022, `.
    var moved = true
    while moved {
      moved = false
      let start = skipSpaces(text, cursor)
      cursor = start
      if cursor < text.count, text[cursor] == "©" {
        cursor += 1
      } else if find("(c)", in: text, at: cursor) {
        cursor += 3
      } else if find("copyright", in: text, at: cursor) {
        cursor += 9
      } else {
        while cursor < text.count,
          isDigit(text[cursor]) || ["-", "\u{2013}", ",", "/"].contains(text[cursor])
        {
          cursor += 1
        }
      }
      moved = cursor > start
    }
    var end = cursor
    while end < text.count {
      let scalar = text[end]
      if ["|", ",", ";", "(", "\u{2013}", "\u{2014}"].contains(scalar) { break }
      if scalar == "-", end > 0, text[end - 1] == " " { break }
      if scalar == ".", end + 1 == text.count || text[end + 1] == " " { break }
      if find("all rights", in: text, at: end) { break }
      end += 1
    }
    var name = Array(text[cursor..<end])
    // Drop trailing years: `AFP 2020`.
    while true {
      while let last = name.last, last == " " || last == "," { name.removeLast() }
      guard let space = name.lastIndex(of: " "),
        name[(space + 1)...].allSatisfy({ isDigit($0) || $0 == "-" })
      else { break }
      name.removeSubrange(space...)
    }
    if name.allSatisfy({ isDigit($0) || $0 == " " }) { return nil }
    return plausibleName(string(name), maxWords: 6)
  }

  /// `Source: Reuters` -> `Reuters`.
  static func sourceLine(_ line: String) -> String? {
    guard let lead = line.utf8.first, lead | 0x20 == UInt8(ascii: "s") else { return nil }
    let text = Array(line.unicodeScalars)
    for key in ["source:", "sources:"] where find(key, in: text, at: 0) {
      var value = string(text[key.unicodeScalars.count...])
      while value.last == "." { value.removeLast() }
      value = trimmed(value)
      guard (1...80).contains(value.count), value.unicodeScalars.contains(where: isLetter) else {
        return nil
      }
      return value
    }
    return nil
  }

  /// `Windowofworld.com – The exchange ...` -> `Windowofworld.com`.
  static func siteName(_ line: String) -> String? {
    // The dash stands within the first 60 scalars, so within the first 240 bytes: a hyphen, or
    // the 0xE2 lead byte of an en or em dash.
    guard hasSpacedDash(line, limit: 244) else { return nil }
    // The dash is looked for among the first 60 scalars: only 62 are decoded until one is found.
    let head = Array(line.unicodeScalars.prefix(62))
    var dash: Int?
    for index in 1..<max(1, min(head.count - 2, 60))
    where head[index - 1] == " "
      && head[index + 1] == " " && ["-", "\u{2013}", "\u{2014}"].contains(head[index])
    {
      dash = index
      break
    }
    guard let dash else { return nil }
    let text = head.count < 62 ? head : Array(line.unicodeScalars)
    let candidate = trimmed(string(text[..<dash]))
    let restStart = skipSpaces(text, dash + 1)
    guard restStart < text.count else { return nil }
    if isDomain(candidate) { return candidate }
    let rest = text[restStart]
    guard isUppercase(rest) || ["\"", "\u{201C}", "\u{2018}", "'"].contains(rest),
      !candidate.contains(","), !candidate.unicodeScalars.contains(where: isDigit),
      candidate.unicodeScalars.contains(where: isLowercase)
    else { return nil }
    return plausibleName(candidate, maxWords: 4)
  }

  private static let wireServices: Set<String> = [
    "reuters", "ap", "afp", "dpa", "xinhua", "tass", "sputnik", "anadolu", "ians", "pti", "ani",
    "uni", "bloomberg", "ria novosti", "interfax", "efe", "ansa", "kyodo", "yonhap", "apa",
    "trend", "armenpress", "azertac", "upi", "cnn", "bbc", "aa", "irna", "wafa", "bernama",
  ]

  /// `YEREVAN (Reuters) -` -> `Reuters`; `BAKU, Oct 4 (AP) —` -> `AP`.
  static func wireAgency(_ line: String) -> String? {
    guard prefix(of: line, limit: 240, holds: { $0 == 0x28 }), mayHoldWireDash(line) else { return nil }
    let text = Array(line.unicodeScalars)
    guard let open = text.prefix(60).firstIndex(of: "("),
      let close = text[open...].firstIndex(of: ")")
    else { return nil }
    let next = skipSpaces(text, close + 1)
    guard next < text.count, ["-", "\u{2013}", "\u{2014}"].contains(text[next]) else {
      return nil
    }
    let agency = trimmed(string(text[(open + 1)..<close]))
    guard let name = plausibleName(agency, maxWords: 4), name.count <= 40 else { return nil }
    let prefix = trimmed(string(text[..<open]))
    if prefix.isEmpty || wireServices.contains(name.lowercased()) { return name }
    let firstWord = words(prefix, keepCase: true).first ?? ""
    guard firstWord.count >= 2, firstWord.unicodeScalars.allSatisfy({ !isLowercase($0) }) else {
      return nil
    }
    return name
  }

  /// Whether the first `)` after the first `(` of `line` is followed, past ASCII blanks, by a
  /// hyphen or a byte beyond ASCII (a dash or a space): what ``wireAgency(_:)`` needs, read from
  /// the bytes before any scalar array is built.
  private static func mayHoldWireDash(_ line: String) -> Bool {
    var line = line
    return line.withUTF8 { b in
      guard let open = b.firstIndex(of: 0x28), let close = b[open...].firstIndex(of: 0x29) else { return false }
      var i = close + 1
      while i < b.count, b[i] <= 0x20 { i += 1 }
      return i < b.count && (b[i] == 0x2D || b[i] >= 0x80)
    }
  }

  private static let roleWords: Set<String> = [
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors",
    "contributor", "published", "updated", "min", "read", "and", "agencies",
  ]

  /// `By Jane Doe, Reuters` -> `Reuters`; `By Jane Doe for AFP` -> `AFP`.
  static func bylineOutlet(_ line: String) -> String? {
    let lead = Array(line.utf8.prefix(3))
    guard lead.count == 3, lead[0] | 0x20 == 0x62, lead[1] | 0x20 == 0x79, lead[2] == 0x20 else { return nil }
    let text = Array(line.unicodeScalars)
    guard text.count <= 120, find("by ", in: text, at: 0) else { return nil }
    let rest = string(text[3...])
    var segments = rest.split(whereSeparator: { $0 == "," || $0 == "|" }).map {
      trimmed(String($0))
    }
    if segments.count < 2 {
      let scalars = Array(rest.unicodeScalars)
      guard let index = (0..<scalars.count).first(where: { find(" for ", in: scalars, at: $0) })
      else { return nil }
      segments = [string(scalars[..<index]), string(scalars[(index + 5)...])]
    }
    guard var last = segments.last else { return nil }
    for lead in ["for ", "via "] where find(lead, in: Array(last.unicodeScalars), at: 0) {
      last = String(String.UnicodeScalarView(last.unicodeScalars.dropFirst(lead.count)))
    }
    guard !words(last).contains(where: roleWords.contains),
      DateScanner.mentions(in: last).isEmpty
    else { return nil }
    return plausibleName(last, maxWords: 4)
  }

  // MARK: - Names

  private static let nameParticles: Set<String> = ["of", "the", "and", "&", "de", "for", "al"]

  /// `name` when it looks like an outlet: 1 to `maxWords` words, each capitalised (or a
  /// particle such as `of`), starting with a letter, at most 60 characters.
  private static func plausibleName(_ name: String, maxWords: Int) -> String? {
    let name = trimmed(name)
    let parts = name.split(separator: " ")
    guard (1...60).contains(name.count), (1...maxWords).contains(parts.count),
      let first = name.unicodeScalars.first, isLetter(first) || isDigit(first),
      name.unicodeScalars.contains(where: isLetter),
      find("all rights", in: Array(name.unicodeScalars)) == nil
    else { return nil }
    for part in parts {
      guard let lead = part.unicodeScalars.first else { return nil }
      if nameParticles.contains(part.lowercased()) { continue }
      guard isUppercase(lead) || isDigit(lead) || isDomain(String(part)) else { return nil }
    }
    return name
  }

  /// `Windowofworld.com`, `news.az`: no spaces, and a dot before 2 to 6 ASCII letters.
  private static func isDomain(_ candidate: String) -> Bool {
    let scalars = Array(candidate.unicodeScalars)
    guard let dot = scalars.lastIndex(of: "."), dot > 0, !scalars.contains(" "),
      (2...6).contains(scalars.count - dot - 1),
      scalars[(dot + 1)...].allSatisfy({ $0.isASCII && isLetter($0) })
    else { return false }
    return scalars.allSatisfy { isLetter($0) || isDigit($0) || $0 == "." || $0 == "-" }
  }

  // MARK: - Scalar helpers

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isUppercase
  }

  private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isLowercase
  }

  /// The letter runs of `text`, lowercased unless `keepCase`.
  private static func words(_ text: String, keepCase: Bool = false) -> [String] {
    // Each run is cut out of `text` whole, not appended to scalar by scalar.
    var result: [String] = []
    let scalars = text.unicodeScalars
    var start: String.Index?
    var i = scalars.startIndex
    while i < scalars.endIndex {
      if isLetter(scalars[i]) {
        if start == nil { start = i }
      } else if let first = start {
        result.append(String(scalars[first..<i]))
        start = nil
      }
      i = scalars.index(after: i)
    }
    if let first = start { result.append(String(scalars[first..<scalars.endIndex])) }
    return keepCase ? result : result.map { $0.lowercased() }
  }

  /// Whether a line has `©`, `(c)`, or the words `copyright` or `rights reserved`, in any case:
  /// one pass over its bytes.
  private static func mayHoldCopyright(_ line: String) -> Bool {
    var line = line
    return line.withUTF8(mayHoldCopyright)
  }

  /// ``mayHoldCopyright(_:)`` over bytes.
  ///
  /// Each mark is found from a rare byte in it: `©`'s second byte, the `y` of `copyright`, the
  /// `(` of `(c)`, the `v` of `rights reserved`; eight bytes at a time are passed over when none
  /// of these is among them.
  private static func mayHoldCopyright(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
    let n = bytes.count
    var block = 0
    while block + 8 <= n {
      let word = base.loadUnaligned(fromByteOffset: block, as: UInt64.self) | 0x2020_2020_2020_2020
      if hasByte(word, 0xA9) || hasByte(word, 0x79) || hasByte(word, 0x28) || hasByte(word, 0x76) {
        for i in block..<block + 8 where holdsCopyrightMark(bytes, at: i) { return true }
      }
      block += 8
    }
    for i in block..<n where holdsCopyrightMark(bytes, at: i) { return true }
    return false
  }

  /// Whether a copyright mark has its rare byte at `i` (see ``mayHoldCopyright(_:)``).
  @inline(__always)
  private static func holdsCopyrightMark(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    switch bytes[i] | 0x20 {
    case 0xA9: return true  // the second byte of ©, whatever the case bit
    case 0x79: return i >= 3 && startsFolded(bytes, i - 3, "copyright")
    case 0x28: return startsFolded(bytes, i, "(c)")
    case 0x76: return i >= 12 && startsFolded(bytes, i - 12, "rights reserved")
    default: return false
    }
  }

  /// Whether one of the eight bytes of `word` is `byte`.
  @inline(__always)
  private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
  }

  /// Whether ` - `, ` – ` or ` — ` starts among the first `limit` UTF-8 bytes of `line`.
  private static func hasSpacedDash(_ line: String, limit: Int) -> Bool {
    var line = line
    return line.withUTF8 { b in
      let n = b.count
      var i = 0
      while i + 2 < n && i < limit {
        if b[i] == 0x20 {
          if b[i + 1] == 0x2D && b[i + 2] == 0x20 { return true }
          if i + 4 < n, b[i + 1] == 0xE2, b[i + 2] == 0x80, b[i + 3] == 0x93 || b[i + 3] == 0x94, b[i + 4] == 0x20 {
            return true
          }
        }
        i += 1
      }
      return false
    }
  }

  /// Whether one of `bytes` occurs among the first `limit` UTF-8 bytes of `line`: a necessary
  /// condition checked before a line is split into scalars.
  private static func prefix(of line: String, limit: Int, holds test: (UInt8) -> Bool) -> Bool {
    var line = line
    return line.withUTF8 { bytes in
      for i in 0..<min(limit, bytes.count) where test(bytes[i]) { return true }
      return false
    }
  }

  /// Whether `needle` (lower-case ASCII) starts at `bytes[i]`, ignoring ASCII case.
  @inline(__always)
  private static func startsFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ needle: StaticString) -> Bool {
    let n = needle.utf8CodeUnitCount
    guard i + n <= bytes.count else { return false }
    let p = needle.utf8Start
    for j in 0..<n {
      var b = bytes[i + j]
      if b >= 0x41 && b <= 0x5A { b |= 0x20 }
      if b != p[j] { return false }
    }
    return true
  }

  /// Whether `needle` (lowercase ASCII) occurs in `text` at `index`, ignoring ASCII case.
  private static func find(_ needle: String, in text: [Unicode.Scalar], at index: Int) -> Bool {
    find(Array(needle.unicodeScalars), in: text, at: index)
  }

  private static func find(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Bool {
    guard index >= 0, index + needle.count <= text.count else { return false }
    for (offset, scalar) in needle.enumerated() {
      let candidate = text[index + offset]
      let folded =
        candidate.value >= 0x41 && candidate.value <= 0x5A
        ? Unicode.Scalar(candidate.value + 0x20) ?? candidate : candidate
      guard folded == scalar else { return false }
    }
    return true
  }

  /// The first index of `needle` (lowercase ASCII) in `text`, ignoring ASCII case.
  private static func find(_ needle: String, in text: [Unicode.Scalar]) -> Int? {
    let scalars = Array(needle.unicodeScalars)
    return text.indices.first { find(scalars, in: text, at: $0) }
  }

  private static func skipSpaces(_ text: [Unicode.Scalar], _ index: Int) -> Int {
    var index = index
    while index < text.count, text[index].properties.isWhitespace { index += 1 }
    return index
  }

  private static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
    // Encoded to UTF-8 in one buffer: appending to a `String.UnicodeScalarView` costs far more
    // per scalar.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.underestimatedCount)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``trimmed(_:)`` of a line's bytes; lines that start and end in ASCII (most) are trimmed
  /// as bytes, without building scalar arrays.
  static func trimmedLine(_ bytes: ArraySlice<UInt8>) -> String {
    var low = bytes.startIndex
    var high = bytes.endIndex
    func blank(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    while low < high, blank(bytes[low]) { low += 1 }
    while high > low, blank(bytes[high - 1]) { high -= 1 }
    // Blanks beyond ASCII (no-break spaces, U+2003, U+FEFF): only the scalars at the two ends
    // are decoded, so a line that ends in a curly quote costs no more than an ASCII one.
    func blankScalar(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}"
    }
    while low < high, bytes[low] >= 0x80 {
      var end = low + 1
      while end < high, bytes[end] & 0xC0 == 0x80 { end += 1 }
      guard let scalar = String(decoding: bytes[low..<end], as: UTF8.self).unicodeScalars.first,
        blankScalar(scalar)
      else { break }
      low = end
      while low < high, blank(bytes[low]) { low += 1 }
    }
    while high > low, bytes[high - 1] >= 0x80 {
      var start = high - 1
      while start > low, bytes[start] & 0xC0 == 0x80 { start -= 1 }
      guard let scalar = String(decoding: bytes[start..<high], as: UTF8.self).unicodeScalars.first,
        blankScalar(scalar)
      else { break }
      high = start
      while high > low, blank(bytes[high - 1]) { high -= 1 }
    }
    return String(decoding: bytes[low..<high], as: UTF8.self)
  }

  static func trimmed(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    func blank(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}"
    }
    guard let first = scalars.firstIndex(where: { !blank($0) }),
      let last = scalars.lastIndex(where: { !blank($0) })
    else { return "" }
    return string(scalars[first...last])
  }
}

extension MetadataInference {
  /// A block of text split into lines, with its date mentions and times.
  struct Page {
    struct Line {
      /// The index of the line in the page.
      var number: Int
      /// The line without surrounding whitespace.
      var text: String
      /// Byte offsets of the line, without its line break.
      var start: Int
      var end: Int
      /// The index among non-empty lines; `nil` for an empty line.
      var ordinal: Int?
    }

    let bytes: [UInt8]
    let lines: [Line]
    let mentions: [DateMention]
    let times: [Range<Int>]

    /// Splits `text` into lines and, when `scansDates`, finds its date mentions and times.
    init(_ text: String, scansDates: Bool = true) {
      let bytes = Array(text.utf8)
      var lines: [Line] = []
      var start = 0
      var ordinal = 0
      bytes.withUnsafeBufferPointer { buffer in
        // Each line feed ends a line, and so does the end of the text.
        while true {
          var index = start
          while index < buffer.count && buffer[index] != 0x0A { index += 1 }
          let end = index > start && buffer[index - 1] == 0x0D ? index - 1 : index
          let lineText = MetadataInference.trimmedLine(bytes[start..<end])
          lines.append(
            Line(
              number: lines.count, text: lineText, start: start, end: end,
              ordinal: lineText.isEmpty ? nil : ordinal))
          if !lineText.isEmpty { ordinal += 1 }
          if index == buffer.count { break }
          start = index + 1
        }
      }
      self.bytes = bytes
      self.lines = lines
      (mentions, times) = scansDates ? bytes.withUnsafeBufferPointer { DateScanner.scan($0) } : ([], [])
    }

    /// The number of the line holding byte `offset`.
    func line(containing offset: Int) -> Int? {
      var low = 0
      var high = lines.count - 1
      while low <= high {
        let middle = (low + high) / 2
        if lines[middle].start > offset {
          high = middle - 1
        } else if middle + 1 < lines.count, lines[middle + 1].start <= offset {
          low = middle + 1
        } else {
          return middle
        }
      }
      return nil
    }

    func string(_ range: Range<Int>) -> String {
      String(decoding: bytes[range], as: UTF8.self)
    }
  }
}
