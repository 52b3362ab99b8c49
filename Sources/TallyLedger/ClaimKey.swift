import TallyExtractor

/// The identity of a claim across documents: the fields that make two figures the same figure.
///
/// Two figures are one claim when claimant, party, category, subject, location, as-of date,
/// value, low, high and qualifier are all equal; the quote, offsets and outlet may differ
/// (syndicated copies). The key joins those fields with U+001F (unit separator), which cannot
/// occur in them; an unknown field is empty. For example, Armenia's 209 military deaths as of
/// 2020-10-04 has the key `Armenia␟Armenia␟killed␟military␟␟2020-10-04␟209␟209␟209␟exact`.
enum ClaimKey {
  static let separator = "\u{1F}"

  static func make(
    claimant: String?, party: String?, category: Category, subject: String, location: String?, asOf: String?,
    value: Int64, low: Int64?, high: Int64?, qualifier: Qualifier
  ) -> String {
    [
      claimant ?? "", party ?? "", category.rawValue, subject, location ?? "", asOf ?? "", String(value),
      low.map { String($0) } ?? "", high.map { String($0) } ?? "", qualifier.rawValue,
    ].joined(separator: separator)
  }

  static func make(_ claim: Claim) -> String {
    make(
      claimant: claim.claimant.nonEmpty, party: claim.party.nonEmpty, category: claim.category,
      subject: claim.subject, location: claim.location.nonEmpty, asOf: claim.asOf.nonEmpty, value: claim.value,
      low: claim.low, high: claim.high, qualifier: claim.qualifier)
  }
}

extension Optional where Wrapped == String {
  /// `nil` for an empty string, so that unknown is always stored as NULL.
  var nonEmpty: String? {
    guard let self, !self.isEmpty else { return nil }
    return self
  }
}
