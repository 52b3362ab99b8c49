import TallyExtractor
import TallyLedger

/// A document of a test fixture: its id, file name, outlet and publication date.
struct FixtureDocument {
  var id: Int64
  var name: String
  var source: String?
  var published: String?
}

/// Builds ledger claims for the brief and chart tests, with ids in creation order.
struct ClaimFixture {
  private(set) var claims: [LedgerClaim] = []

  /// Adds a claim; `low` and `high` follow the extraction conventions.
  mutating func add(
    _ party: String?, _ category: Category, _ subject: String, by claimant: String?, _ value: Int64,
    _ qualifier: Qualifier = .exact, asOf: String?, location: String? = nil, in documents: FixtureDocument...
  ) {
    let bounds: (Int64?, Int64?)
    switch qualifier {
    case .exact: bounds = (value, value)
    case .moreThan: bounds = (value + 1, nil)
    case .atLeast, .vague: bounds = (value, nil)
    case .upTo: bounds = (nil, value)
    case .about, .range: bounds = (nil, nil)
    }
    claims.append(
      LedgerClaim(
        id: Int64(claims.count + 1), claimant: claimant, party: party, category: category, subject: subject,
        value: value, low: bounds.0, high: bounds.1, qualifier: qualifier, asOf: asOf, location: location,
        sightings: documents.map {
          Sighting(
            documentID: $0.id, document: $0.name, source: $0.source, published: $0.published, quote: "\(value)",
            start: 0, end: 1)
        }))
  }
}

/// The claims of the sample articles in `data/articles/` (their `EXPECTED.md`), as the ledger
/// keeps them after `tally ingest`: the figures Press TV and Wire Digest both carry are one claim each.
enum SampleLedger {
  static let caucasus = FixtureDocument(
    id: 1, name: "2020-09-28-caucasus-desk-fighting-erupts.txt", source: "Caucasus Desk", published: "2020-09-28")
  static let pressTV = FixtureDocument(
    id: 2, name: "2020-10-04-press-tv-clashes-intensify.txt", source: "Press TV", published: "2020-10-04")
  static let wireDigest = FixtureDocument(
    id: 3, name: "2020-10-04-wire-digest-karabakh-toll.txt", source: "Wire Digest", published: "2020-10-04")
  static let windowOfWorld = FixtureDocument(
    id: 4, name: "2020-10-05-windowofworld-missile-exchange.txt", source: "Windowofworld.com", published: "2020-10-05")
  static let worldDesk = FixtureDocument(
    id: 5, name: "undated-world-desk-karabakh-diplomacy.txt", source: "World Desk", published: nil)

  static let claims: [LedgerClaim] = {
    var f = ClaimFixture()
    f.add(
      "Azerbaijan", .destroyed, "helicopter", by: "Nagorno-Karabakh Defense Army", 2, asOf: "2020-09-27", in: caucasus)
    f.add(
      "Azerbaijan", .destroyed, "drone", by: "Nagorno-Karabakh Defense Army", 14, .upTo, asOf: "2020-09-27",
      in: caucasus)
    f.add("Armenia", .destroyed, "air-defense missile system", by: "Azertac", 12, asOf: "2020-09-27", in: caucasus)
    f.add("Azerbaijan", .destroyed, "helicopter", by: "Azertac", 1, asOf: "2020-09-27", in: caucasus)
    f.add(nil, .killed, "unspecified", by: nil, 12, .moreThan, asOf: "2020-07", in: caucasus)
    f.add(nil, .killed, "unspecified", by: nil, 110, .about, asOf: "2016-04", in: caucasus)
    f.add(
      "Azerbaijan", .population, "", by: "Azerbaijan Defense Ministry", 330_000, .moreThan, asOf: "2020-10-04",
      location: "Ganja", in: pressTV)
    f.add("Azerbaijan", .seized, "village", by: "Ilham Aliyev", 7, asOf: "2020-10-03", in: pressTV)
    f.add(nil, .killed, "unspecified", by: nil, 30_000, asOf: "1994", in: pressTV)
    f.add("Azerbaijan", .displaced, "civilian", by: nil, 1_000_000, .moreThan, asOf: "1994", in: pressTV)
    f.add("Armenia", .killed, "military", by: "Armenia", 209, asOf: "2020-10-04", in: pressTV, wireDigest)
    f.add("Armenia", .killed, "civilian", by: "Armenia", 14, asOf: "2020-10-04", in: pressTV, wireDigest)
    f.add("Azerbaijan", .killed, "civilian", by: "Azerbaijan", 19, asOf: "2020-10-04", in: pressTV, wireDigest)
    f.add(
      "Azerbaijan", .population, "", by: "Hikmet Hajiyev", 500_000, .moreThan, asOf: "2020-10-04", location: "Ganja",
      in: windowOfWorld)
    f.add(nil, .killed, "unspecified", by: nil, 200, .vague, asOf: nil, in: worldDesk)
    return f.claims
  }()

  static var reconciliation: Reconciliation { Reconciliation(claims: claims) }
}

/// The README's worked example: a series that rises from 16 to 84, and two other claimants.
enum WorkedExample {
  static let reuters = FixtureDocument(id: 1, name: "reuters.txt", source: "Reuters", published: "2020-09-27")
  static let armenpress = FixtureDocument(id: 2, name: "armenpress.txt", source: "Armenpress", published: "2020-09-29")
  static let tass = FixtureDocument(id: 3, name: "tass.txt", source: "TASS", published: "2020-09-30")
  static let azertac = FixtureDocument(id: 4, name: "azertac.txt", source: "Azertac", published: "2020-09-30")

  static let claims: [LedgerClaim] = {
    var f = ClaimFixture()
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 16, asOf: "2020-09-27", in: reuters)
    f.add("Armenia", .killed, "military", by: "Armenia Defense Ministry", 84, asOf: "2020-09-29", in: armenpress, tass)
    f.add(
      "Armenia", .killed, "military", by: "Azerbaijan Defense Ministry", 2300, .moreThan, asOf: "2020-09-30",
      in: azertac)
    f.add("Armenia", .killed, "military", by: "Ilham Aliyev", 5000, .upTo, asOf: "2020-09-30", in: azertac)
    f.add("Armenia", .wounded, "civilian", by: "Armenia", 40, asOf: "2020-09-28", in: reuters)
    f.add("Armenia", .wounded, "civilian", by: "Armenia", 35, asOf: "2020-09-30", in: tass)
    return f.claims
  }()
}
