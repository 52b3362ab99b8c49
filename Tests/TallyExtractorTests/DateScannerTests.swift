import TallyExtractor
import Testing

/// Renders each mention as `<covered text>=<kind>`, plus ` (weekday)` when a weekday comes
/// with a date and ` start` when the mention opens a period.
func renderedMentions(_ text: String) -> [String] {
  let bytes = Array(text.utf8)
  return DateScanner.mentions(in: text).map { mention in
    var result = String(decoding: bytes[mention.range], as: UTF8.self) + "="
    switch mention.kind {
    case .date(let date): result += date.description
    case .monthDay(let month, let day): result += "--\(month)-\(day)"
    case .month(let month): result += "month \(month)"
    case .decade(let year): result += "decade \(year)"
    case .weekday(let weekday): result += "\(weekday)"
    case .relativeDays(let days): result += "days \(days)"
    }
    if let weekday = mention.weekday, mention.kind != .weekday(weekday) {
      result += " (\(weekday))"
    }
    if mention.startsPeriod { result += " start" }
    return result
  }
}

/// The texts of the time ranges in `text`.
func renderedTimes(_ text: String) -> [String] {
  let bytes = Array(text.utf8)
  return DateScanner.timeRanges(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
}

@Suite("DateScanner")
struct DateScannerTests {
  @Test(
    "English dates with a year",
    arguments: [
      ("on 4 October 2020.", ["4 October 2020=2020-10-04"]),
      ("Published October 4th, 2020 - 10:54 GMT", ["October 4th, 2020=2020-10-04"]),
      ("BAKU, Oct. 4, 2020 (AP)", ["Oct. 4, 2020=2020-10-04"]),
      ("March 1st, 2020", ["March 1st, 2020=2020-03-01"]),
      ("the 22nd October 2020", ["22nd October 2020=2020-10-22"]),
      ("the 3rd of May 2021", ["3rd of May 2021=2021-05-03"]),
      ("Sept. 27 2020", ["Sept. 27 2020=2020-09-27"]),
      ("Sep 27, 2020", ["Sep 27, 2020=2020-09-27"]),
      ("OCTOBER 4, 2020", ["OCTOBER 4, 2020=2020-10-04"]),
      ("on 29 February 2020", ["29 February 2020=2020-02-29"]),
    ])
  func englishDates(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Numeric dates",
    arguments: [
      ("2020-10-04", ["2020-10-04=2020-10-04"]),
      ("at 2020-10-04T10:54:00Z", ["2020-10-04=2020-10-04"]),
      ("5/10/2020", ["5/10/2020=2020-10-05"]),
      ("04.10.2020", ["04.10.2020=2020-10-04"]),
      ("05-10-2020", ["05-10-2020=2020-10-05"]),
      ("13/10/2020", ["13/10/2020=2020-10-13"]),
      ("10/13/2020", ["10/13/2020=2020-10-13"]),
      ("2020/10/04", ["2020/10/04=2020-10-04"]),
    ])
  func numericDates(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "A weekday next to a numeric date chooses day/month or month/day",
    arguments: [
      ("as quoted by CNN, Monday (5/10/2020).", ["Monday (5/10/2020)=2020-10-05 (monday)"]),
      ("Sunday (5/10/2020)", ["Sunday (5/10/2020)=2020-05-10 (sunday)"]),
      ("Sunday, 10.05.2020", ["Sunday, 10.05.2020=2020-05-10 (sunday)"]),
      ("Tuesday 10/13/2020", ["Tuesday 10/13/2020=2020-10-13 (tuesday)"]),
      // No reading matches Friday: the default day/month stays.
      ("Friday 5/10/2020", ["Friday 5/10/2020=2020-10-05 (friday)"]),
    ])
  func weekdayDisambiguation(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Months and years without a day",
    arguments: [
      ("During the worst recent clashes in April 2016, around", ["April 2016=2016-04"]),
      ("in July of 2020", ["July of 2020=2020-07"]),
      ("a war for it ended in 1994.", ["1994=1994"]),
      ("tense since 1991, when", ["1991=1991 start"]),
      ("the heaviest since the 1994 ceasefire", ["1994=1994 start"]),
      ("the 1994 ceasefire", ["1994=1994"]),
      ("a 1994 ceasefire", ["1994=1994"]),
      ("by the end of 2020", ["2020=2020"]),
      ("between 1992 and 1994", ["1992=1992", "1994=1994"]),
      ("in 1992-1994", ["1992=1992", "1994=1994"]),
      ("since the 1990s", ["1990s=decade 1990 start"]),
      ("in the 1990’s", ["1990’s=decade 1990"]),
      ("in the mid-1990s", ["1990s=decade 1990"]),
    ])
  func coarseDates(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Days of a month without a year",
    arguments: [
      ("said on September 27 that", ["September 27=--9-27"]),
      ("on 27 September,", ["27 September=--9-27"]),
      ("on Sept. 27.", ["Sept. 27=--9-27"]),
      ("Jan 5 and Feb 29", ["Jan 5=--1-5", "Feb 29=--2-29"]),
      ("on May 5", ["May 5=--5-5"]),
      ("the 4th of July", ["4th of July=--7-4"]),
    ])
  func monthDays(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Month names alone",
    arguments: [
      ("since clashes in July killed over a dozen", ["July=month 7"]),
      ("in May", ["May=month 5"]),
      ("since May", ["May=month 5 start"]),
      ("in mid-July", ["July=month 7"]),
      ("early June", ["June=month 6"]),
      ("45 October", ["October=month 10"]),
      ("в сентябре", ["сентябре=month 9"]),
      ("en octobre", ["octobre=month 10"]),
    ])
  func monthsAlone(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Russian, French, Spanish and German dates",
    arguments: [
      ("Понедельник, 28 Сен, 2020", ["Понедельник, 28 Сен, 2020=2020-09-28 (monday)"]),
      ("28 сентября 2020 года", ["28 сентября 2020=2020-09-28"]),
      ("28 СЕНТЯБРЯ 2020", ["28 СЕНТЯБРЯ 2020=2020-09-28"]),
      ("5 окт 2020", ["5 окт 2020=2020-10-05"]),
      ("27 сентября", ["27 сентября=--9-27"]),
      ("в воскресенье", ["воскресенье=sunday"]),
      ("le 4 octobre 2020", ["4 octobre 2020=2020-10-04"]),
      ("le 1er août 2020", ["1er août 2020=2020-08-01"]),
      ("el 4 de octubre de 2020", ["4 de octubre de 2020=2020-10-04"]),
      ("am 4. Oktober 2020", ["4. Oktober 2020=2020-10-04"]),
      ("am 3. März 2021", ["3. März 2021=2021-03-03"]),
      ("lundi 5 octobre 2020", ["lundi 5 octobre 2020=2020-10-05 (monday)"]),
    ])
  func otherLanguages(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Weekdays",
    arguments: [
      ("Azerbaijan on Sunday said", ["Sunday=sunday"]),
      ("Sunday's attack", ["Sunday=sunday"]),
      ("said on Sunday, September 27 that", ["Sunday, September 27=--9-27 (sunday)"]),
      ("Sun 04 October 2020:", ["Sun 04 October 2020=2020-10-04 (sunday)"]),
      ("Sat, Oct. 3, 2020", ["Sat, Oct. 3, 2020=2020-10-03 (saturday)"]),
      ("the Sun newspaper", []),
      ("Wed", []),
    ])
  func weekdays(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Relative days",
    arguments: [
      ("Today Azerbaijan’s Army", ["Today=days 0"]),
      ("yesterday", ["yesterday=days -1"]),
      ("announced a day earlier that", ["a day earlier=days -1"]),
      ("had said the day before.", ["the day before=days -1"]),
      ("a day before,", ["a day before=days -1"]),
      ("the day before yesterday", ["the day before yesterday=days -2"]),
      ("the previous day", ["the previous day=days -1"]),
      ("two days ago", ["two days ago=days -2"]),
      ("two days earlier", ["two days earlier=days -2"]),
      ("3 days ago", ["3 days ago=days -3"]),
      ("a week ago", ["a week ago=days -7"]),
      ("last night", ["last night=days -1"]),
      ("tonight", ["tonight=days 0"]),
      ("this morning", ["this morning=days 0"]),
      ("tomorrow", ["tomorrow=days 1"]),
      ("the day before the vote", []),
      ("the day before September 27", ["September 27=--9-27"]),
      ("in the days before", []),
    ])
  func relativeDays(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Periods: since, began on, from ... to",
    arguments: [
      ("The current fighting that began on September 27 has killed", ["September 27=--9-27 start"]),
      ("since 27 September", ["27 September=--9-27 start"]),
      ("the war started in 1994", ["1994=1994 start"]),
      ("starting October 1", ["October 1=--10-1 start"]),
      ("from September 27 to October 4", ["September 27=--9-27 start", "October 4=--10-4"]),
      ("from September 27, the ministry said", ["September 27=--9-27"]),
      ("on September 27", ["September 27=--9-27"]),
      ("since Sunday, September 27", ["Sunday, September 27=--9-27 (sunday) start"]),
    ])
  func periods(text: String, expected: [String]) {
    #expect(renderedMentions(text) == expected)
  }

  @Test(
    "Numbers, words and times that are not dates",
    arguments: [
      "1,994 people", "1994 people were killed", "2000 soldiers", "killed 2000 in the attack",
      "the seventh day", "for the 7th day", "may be", "it may 2020", "Theresa May said",
      "10:54 GMT", "$2020", "Room 2020", "a 1.2020 ratio", "+994 12 345 6789",
      "February 30, 2020", "the march on", "12 people in 2 cars",
      "a decades-old conflict", "version 1.2.10.2020", "45 october",
    ])
  func nonDates(text: String) {
    #expect(renderedMentions(text) == [])
  }

  @Test("Ranges are UTF-8 byte offsets of the whole expression")
  func byteRanges() throws {
    let text = "Понедельник, 28 Сен, 2020: said on Sunday"
    let mentions = DateScanner.mentions(in: text)
    #expect(mentions.map(\.range) == [0..<39, 49..<55])
    #expect(mentions.first?.weekday == .monday)
    let expected = try #require(PartialDate(year: 2020, month: 9, day: 28))
    #expect(mentions.first?.kind == .date(expected))
  }

  @Test("The buffer and String entry points agree on the seed-like paragraph")
  func bufferEntryPoint() {
    let text = """
      Armenia said on Saturday it would use "all necessary means". A war ended in 1994, \
      and the fighting that began on September 27 continued on Sunday, October 4, 2020.
      """
    let fromBuffer = Array(text.utf8).withUnsafeBufferPointer { DateScanner.mentions(in: $0) }
    #expect(fromBuffer == DateScanner.mentions(in: text))
    #expect(
      renderedMentions(text) == [
        "Saturday=saturday", "1994=1994", "September 27=--9-27 start",
        "Sunday, October 4, 2020=2020-10-04 (sunday)",
      ])
  }

  @Test(
    "Times",
    arguments: [
      ("Published October 4th, 2020 - 10:54 GMT", ["10:54 GMT"]),
      ("10:54", ["10:54"]),
      ("at 9 a.m. on Sunday", ["9 a.m."]),
      ("at 3pm", ["3pm"]),
      ("at 14:00 local time", ["14:00 local time"]),
      ("(1054 GMT)", ["1054 GMT"]),
      ("at 9.30am", ["9.30am"]),
      ("at 23:59:59 UTC+3", ["23:59:59 UTC+3"]),
      ("at 07:30 (Baku time)", ["07:30 (Baku time)"]),
      ("at 10 PM", ["10 PM"]),
      ("won 2:1", []),
      ("5/10/2020", []),
      ("1.5 million", []),
      ("12 people", []),
      ("in 1994", []),
    ])
  func times(text: String, expected: [String]) {
    #expect(renderedTimes(text) == expected)
  }
}

@Suite("DateScanner robustness")
struct DateScannerRobustnessTests {
  /// A small deterministic generator (SplitMix64), so failures reproduce.
  private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  private static let fragments: [[UInt8]] =
    [
      "Sunday", "Sun", " ", " ", "5", "/", "10", "2020", "1994", ".", ",", "(", ")", "Oct", "may",
      "May", "сентября", "Сен", "é", "\u{2019}", "s", "4th", "1990s", "a.m.", ":", "54", "GMT",
      "\n", "\n\n", "-", "–", "the", "a", "day", "days", "two", "before", "ago", "since", "from",
      "to", "began", "on", "in", "people", "12", "31", "\r\n", "yesterday", "last", "night",
    ].map { Array($0.utf8) } + [[0xFF], [0xE2, 0x80], [0xD0], [0xF0, 0x9F, 0x98, 0x80], [0x00]]

  @Test("Random fragments and invalid UTF-8 give ordered, disjoint, in-bounds ranges")
  func randomInput() {
    var generator = SplitMix(state: 20_201_004)
    for _ in 0..<1000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...40, using: &generator) {
        bytes += Self.fragments.randomElement(using: &generator) ?? []
      }
      let (mentions, times) = bytes.withUnsafeBufferPointer {
        (DateScanner.mentions(in: $0), DateScanner.timeRanges(in: $0))
      }
      for ranges in [mentions.map(\.range), times] {
        var previousEnd = 0
        for range in ranges {
          #expect(range.lowerBound >= previousEnd && range.upperBound <= bytes.count)
          #expect(!range.isEmpty)
          previousEnd = range.upperBound
        }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      _ = MetadataInference.infer(head: text, tail: text)
      _ = try? FrontMatter.parse("---\n" + text)
    }
  }

  @Test("Scanning a large document stays linear")
  func largeDocument() {
    let paragraph = """
      Azerbaijan on Sunday said that since 27 September, and in 1994, the 1990s and April 2016, \
      at 10:54 GMT, 1,994 people and two days ago on Monday (5/10/2020) were counted. 
      """
    let text = String(repeating: paragraph, count: 500)
    let mentions = DateScanner.mentions(in: text)
    #expect(mentions.count == 500 * 7)
    #expect(DateScanner.timeRanges(in: text).count == 500)
  }
}
