/// One date expression found in text.
///
/// ``DateScanner`` produces mentions; the extractor resolves them against the publication
/// date to get the period a figure refers to. For example, in an article published on
/// 2020-10-04:
///
/// ```swift
/// let mentions = DateScanner.mentions(in: "said on Sunday, September 27 that")
/// // one mention: kind .monthDay(month: 9, day: 27), weekday .sunday, range 8..<28
/// mentions[0].resolved(publication: PartialDate(iso: "2020-10-04"))  // 2020-09-27
/// ```
public struct DateMention: Sendable, Hashable {
  /// What the expression names, as precisely as the text gives it.
  public enum Kind: Sendable, Hashable {
    /// A date with a year: `4 October 2020`, `2020-10-04`, `5/10/2020`, `April 2016` (month
    /// precision), `in 1994` (year precision).
    case date(PartialDate)
    /// A day of a month without a year: `September 27`, `27 September`, `Sept. 27`.
    case monthDay(month: Int, day: Int)
    /// A month without a year or day: `in July`.
    case month(Int)
    /// A decade, by its first year: `the 1990s` is 1990.
    case decade(Int)
    /// A day of the week alone: `on Sunday`.
    case weekday(Weekday)
    /// A day counted from the publication date: `today` 0, `yesterday` -1, `two days ago` -2.
    case relativeDays(Int)
  }

  /// What the expression names. When a weekday comes with a date, this is the date and the
  /// weekday is in ``weekday``.
  public var kind: Kind
  /// The UTF-8 byte offsets of the whole expression in the scanned buffer, including a weekday
  /// that introduces the date (`Sunday, September 27`) and a closing parenthesis
  /// (`Monday (5/10/2020)`).
  public var range: Range<Int>
  /// The weekday named in the expression, if any (`.sunday` for `Sunday, September 27`).
  public var weekday: Weekday?
  /// Whether the date opens a period (`since 27 September`, `the fighting that began on
  /// September 27`, `from 1 to 3 October`) rather than dating a figure.
  public var startsPeriod: Bool

  /// Creates a mention.
  public init(kind: Kind, range: Range<Int>, weekday: Weekday? = nil, startsPeriod: Bool = false) {
    self.kind = kind
    self.range = range
    self.weekday = weekday
    self.startsPeriod = startsPeriod
  }

  /// The date or period this mention stands for, given the publication date of its document.
  ///
  /// - `.date(d)` is `d`, with or without a publication date.
  /// - `.monthDay` falls in the publication's year, or the year before when that would put it
  ///   more than 31 days after publication (`December 30` published on 2021-01-02 is
  ///   2020-12-30).
  /// - `.month(m)` is `m` of the publication's year, or of the year before when `m` comes after
  ///   the publication month (`July` published in October 2020 is 2020-07).
  /// - `.decade` is `nil`: the extractor narrows a decade to a year named nearby.
  /// - `.weekday(w)` is the last day `w` on or before publication (`Sunday` published on
  ///   Monday 2020-10-05 is 2020-10-04; published on Sunday 2020-10-04 it is that day).
  /// - `.relativeDays(n)` is publication + `n` days.
  ///
  /// For example:
  ///
  /// ```swift
  /// let published = PartialDate(iso: "2020-10-05")
  /// DateMention(kind: .weekday(.sunday), range: 0..<6).resolved(publication: published)
  /// // 2020-10-04
  /// ```
  ///
  /// - Parameter publication: The publication date; a month or year is taken to end on its last
  ///   day. Weekdays and relative days need a full date.
  /// - Returns: The resolved date, or `nil` when it cannot be known.
  public func resolved(publication: PartialDate?) -> PartialDate? {
    if case .date(let date) = kind { return date }
    guard let publication else { return nil }
    switch kind {
    case .date(let date):
      return date
    case .monthDay(let month, let day):
      let limit = publication.lastDay.dayNumber.map { $0 + 31 }
      for year in [publication.year, publication.year - 1] {
        guard let candidate = PartialDate(year: year, month: month, day: day) else { continue }
        if let limit, let serial = candidate.dayNumber, serial > limit { continue }
        return candidate
      }
      return nil
    case .month(let month):
      if let published = publication.month, month > published {
        return PartialDate(year: publication.year - 1, month: month)
      }
      return PartialDate(year: publication.year, month: month)
    case .decade:
      return nil
    case .weekday(let weekday):
      guard let published = publication.weekday else { return nil }
      let back = (published.rawValue - weekday.rawValue + 7) % 7
      return publication.adding(days: -back)
    case .relativeDays(let offset):
      return publication.adding(days: offset)
    }
  }
}
