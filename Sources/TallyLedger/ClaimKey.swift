import GRDB
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

  /// The key of a claim as the ledger stores its fields: each text field up to its first NUL, as
  /// SQLite binds it.
  static func make(_ claim: Claim) -> String {
    make(
      claimant: claim.claimant.nonEmpty.storedText, party: claim.party.nonEmpty.storedText,
      category: claim.category, subject: claim.subject.storedText, location: claim.location.nonEmpty.storedText,
      asOf: claim.asOf.nonEmpty.storedText, value: claim.value, low: claim.low, high: claim.high,
      qualifier: claim.qualifier)
  }

  /// The 64-bit hash of a key that the ledger looks claims up by (`claim.keyHash`): FNV-1a over its
  /// UTF-8 bytes, then a final mix. It never changes, since ledgers store it; two keys may share a
  /// hash, so a look-up compares the claims' fields too.
  static func hash(_ key: String) -> Int64 {
    var hasher = KeyHasher()
    for byte in key.utf8 { hasher.add(byte) }
    return hasher.finish()
  }

  /// ``hash(_:)`` of ``make(_:)`` of `claim`, computed field by field without building the key.
  static func hash(of claim: Claim) -> Int64 {
    var hasher = KeyHasher()
    let separator = UInt8(0x1F)
    hasher.add(stored: claim.claimant)
    hasher.add(separator)
    hasher.add(stored: claim.party)
    hasher.add(separator)
    hasher.add(stored: claim.category.rawValue)
    hasher.add(separator)
    hasher.add(stored: claim.subject)
    hasher.add(separator)
    hasher.add(stored: claim.location)
    hasher.add(separator)
    hasher.add(stored: claim.asOf)
    hasher.add(separator)
    hasher.add(claim.value)
    hasher.add(separator)
    if let low = claim.low { hasher.add(low) }
    hasher.add(separator)
    if let high = claim.high { hasher.add(high) }
    hasher.add(separator)
    hasher.add(stored: claim.qualifier.rawValue)
    return hasher.finish()
  }
}

/// FNV-1a over bytes fed one piece at a time, then ``ClaimKey/hash(_:)``'s final mix.
private struct KeyHasher {
  private var state: UInt64 = 0xCBF2_9CE4_8422_2325

  mutating func add(_ byte: UInt8) {
    state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }

  /// The bytes of `text` that SQLite stores (up to the first NUL); nothing for nil.
  mutating func add(stored text: String?) {
    guard var text else { return }
    text.withUTF8 { utf8 in
      for byte in utf8 {
        if byte == 0 { return }
        add(byte)
      }
    }
  }

  /// The decimal numeral of `number`, as `String(number)` writes it.
  mutating func add(_ number: Int64) {
    if number < 0 { add(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    var divisor: UInt64 = 1
    while magnitude / divisor >= 10 { divisor *= 10 }
    while divisor > 0 {
      add(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    }
  }

  func finish() -> Int64 {
    var hash = state
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    return Int64(bitPattern: hash)
  }
}

extension String {
  /// The text SQLite stores when this string is bound: up to its first NUL.
  var storedText: String {
    utf8.contains(0) ? withCString { String(cString: $0) } : self
  }
}

extension Optional where Wrapped == String {
  /// `nil` for an empty string, so that unknown is always stored as NULL.
  var nonEmpty: String? {
    guard let self, !self.isEmpty else { return nil }
    return self
  }

  /// The text SQLite stores when this string is bound (``Swift/String/storedText``); nil stays nil.
  var storedText: String? { self.map(\.storedText) }
}

extension ClaimKey {
  /// `tally_claim_key_hash(claimant, party, category, subject, location, asOf, value, low, high,
  /// qualifier)`: ``hash(_:)`` of the key of a claim's stored fields, for the migration that adds
  /// `claim.keyHash`.
  static let hashFunction = DatabaseFunction("tally_claim_key_hash", argumentCount: 10, pure: true) { values in
    func text(_ index: Int) -> String? { String.fromDatabaseValue(values[index]) }
    func integer(_ index: Int) -> Int64? { Int64.fromDatabaseValue(values[index]) }
    guard let category = text(2).flatMap(Category.init(rawValue:)),
      let qualifier = text(9).flatMap(Qualifier.init(rawValue:))
    else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "a claim with no category or qualifier") }
    return hash(
      make(
        claimant: text(0), party: text(1), category: category, subject: text(3) ?? "", location: text(4),
        asOf: text(5), value: integer(6) ?? 0, low: integer(7), high: integer(8), qualifier: qualifier))
  }
}
