extension DocumentAnalysis {
  /// The date or period a figure refers to.
  ///
  /// An explicit date or weekday in the sentence; else a day named in the sentence before;
  /// else the publication date. The start of a period (`since 27 September`) is not the date
  /// a figure refers to. A decade is narrowed to a year named nearby.
  func asOf(_ c: Candidate, unitIndex u: Int) -> String? {
    let unit = units[u]
    var best: (distance: Int, index: Int)?
    var k = unit.lowerBound
    while k < unit.upperBound {
      let d = dateAt[k]
      if d >= 0, dateFirstToken[Int(d)] == k, usable(Int(d), in: unit) {
        let distance = abs(k - c.first)
        if best == nil || distance < best!.distance { best = (distance, Int(d)) }
      }
      k += 1
    }
    if let best {
      let mention = dates[best.index]
      if case .decade(let decade) = mention.kind {
        return narrowed(decade: decade, near: u)
      }
      if let resolved = mention.resolved(publication: published) {
        // A past period named in a sentence whose verb is in the present perfect ("has killed")
        // is background, not the figure's date.
        if let published, isBefore(resolved, published), presentPerfect(c, in: unit) {
          return publishedText
        }
        return resolved.description
      }
      if published == nil { return nil }
    }
    // A day named in the sentence before sets the scene.
    if u > 0 {
      let previous = units[u - 1]
      var found: PartialDate?
      for k in previous where dateAt[k] >= 0 && dateFirstToken[Int(dateAt[k])] == k {
        let mention = dates[Int(dateAt[k])]
        guard !mention.startsPeriod, isDayPrecise(mention), let resolved = mention.resolved(publication: published),
          resolved.isFullDate
        else { continue }
        found = resolved
      }
      if let found { return found.description }
    }
    return publishedText
  }

  private func usable(_ d: Int, in unit: Range<Int>) -> Bool {
    let mention = dates[d]
    if !mention.startsPeriod { return !startsPeriodByContext(d, in: unit) }
    // "since the 1990s, when ..." anchors what follows
    let last = lastToken(of: d)
    return last + 2 < unit.upperBound && isPunct(last + 1, 0x2C) && word(last + 2) == .when
  }

  private static let periodStarts = WordSet(["start", "beginning", "outbreak", "onset"])
  private static let periodVerbs = WordSet(["began", "begun", "started", "erupted", "launched", "broke"])

  /// `since clashes in July`, `the fighting that began on 27 September`: a period start a few words back.
  private func startsPeriodByContext(_ d: Int, in unit: Range<Int>) -> Bool {
    var k = dateFirstToken[d] - 1
    var steps = 0
    while k >= unit.lowerBound && steps < 7 {
      if isBoundary(k) { return false }
      if word(k) == .since {
        // "since clashes in July killed ..." names the clashes' date, but "since the start of the
        // operation on 27 October" starts a period.
        if steps == 0 { return true }
        let between = (k + 1)..<dateFirstToken[d]
        return between.contains { Self.periodStarts.contains(tokens[$0], in: p) }
      }
      if steps < 5, Self.periodVerbs.contains(tokens[k], in: p) { return true }
      k -= 1
      steps += 1
    }
    return false
  }

  private func lastToken(of d: Int) -> Int {
    var k = dateFirstToken[d]
    while k + 1 < tokens.count && dateAt[k + 1] == Int32(d) { k += 1 }
    return k
  }

  private func isDayPrecise(_ mention: DateMention) -> Bool {
    switch mention.kind {
    case .date(let date): return date.isFullDate
    case .monthDay, .weekday, .relativeDays: return true
    case .month, .decade: return false
    }
  }

  private func isBefore(_ a: PartialDate, _ b: PartialDate) -> Bool {
    if a.year != b.year { return a.year < b.year }
    guard let am = a.month, let bm = b.month else { return false }
    return am < bm
  }

  /// `has killed`, `have been wounded`: the figure is current.
  private func presentPerfect(_ c: Candidate, in unit: Range<Int>) -> Bool {
    let lo = max(unit.lowerBound, c.first - 4)
    let hi = min(unit.upperBound, c.headLast + 4)
    for k in lo..<hi where word(k) == .has || word(k) == .have { return true }
    return false
  }

  /// A decade narrowed to a year of it named within two sentences (`the 1990s` + `a 1994 ceasefire` -> 1994).
  private func narrowed(decade: Int, near u: Int) -> String {
    let lo = units[max(0, u - 2)].lowerBound
    let hi = units[min(units.count - 1, u + 2)].upperBound
    for k in lo..<hi where dateAt[k] >= 0 {
      if case .date(let d) = dates[Int(dateAt[k])].kind, d.month == nil, d.year >= decade, d.year < decade + 10 {
        return String(d.year)
      }
    }
    return String(decade)
  }
}
