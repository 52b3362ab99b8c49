import Foundation
import TallyExtractor
import TallyLedger
import Testing

/// Timing on a million synthetic claims. Run in a release build:
/// `TALLY_PERF=1 swift test -c release --filter ReconciliationPerformanceTests`.
@Suite("Reconciliation: performance", .enabled(if: ProcessInfo.processInfo.environment["TALLY_PERF"] != nil))
struct ReconciliationPerformanceTests {
  static func claims(count: Int) -> [LedgerClaim] {
    let parties = ["Armenia", "Azerbaijan", "Russia", "Ukraine", "Israel", "Gaza", "Sudan", "Syria", "Yemen", "Mali"]
    let categories = Category.allCases
    let subjects = ["military", "civilian", "unspecified"]
    let claimants: [String?] = [nil] + (0..<99).map { "Claimant \($0)" }
    let days = (0..<60).map { day -> String in
      let date = PartialDate(iso: "2020-09-01")?.adding(days: day)
      return date?.description ?? "2020-09-01"
    }
    var generator = SystemRandomNumberGenerator()
    var out: [LedgerClaim] = []
    out.reserveCapacity(count)
    for id in 0..<count {
      let category = categories[Int.random(in: 0..<categories.count, using: &generator)]
      // Mostly growing with the as-of day, so that regressions are the exception.
      let day = Int.random(in: 0..<days.count, using: &generator)
      let value = Int64(day) * 1000 + Int64.random(in: 0..<1000, using: &generator)
      let asOf: String? = id % 50 == 0 ? nil : (id % 97 == 0 ? "1994" : days[day])
      let documents = id % 3 == 0 ? 2 : 1
      out.append(
        LedgerClaim(
          id: Int64(id),
          claimant: id % 5 == 0 ? nil : claimants[Int.random(in: 0..<claimants.count, using: &generator)],
          party: parties[Int.random(in: 0..<parties.count, using: &generator)], category: category,
          subject: category == .population ? "" : subjects[Int.random(in: 0..<3, using: &generator)], value: value,
          low: value, high: value, qualifier: .exact, asOf: asOf,
          location: category == .population ? "City \(id % 500)" : nil,
          sightings: (0..<documents).map {
            Sighting(
              documentID: Int64(id * 2 + $0), document: "doc\(id * 2 + $0).txt", source: "Outlet \($0)",
              published: id % 101 == 0 ? nil : days[min(day + $0, days.count - 1)], quote: "q", start: 0, end: 1)
          }))
    }
    return out
  }

  @Test func aMillionClaims() {
    let claims = Self.claims(count: 1_000_000)
    let clock = ContinuousClock()
    var reconciliation: Reconciliation?
    let build = clock.measure { reconciliation = Reconciliation(claims: claims) }
    guard let reconciliation else { return }
    var daily = 0
    var compare = 0
    var findings = 0
    let dailyTime = clock.measure { daily = reconciliation.daily().count }
    let filteredTime = clock.measure {
      daily += reconciliation.daily(DailyFilter(party: "Armenia", category: .killed)).count
    }
    let compareTime = clock.measure { compare = reconciliation.compare().count }
    var kinds: [FindingKind: Int] = [:]
    let findingsTime = clock.measure {
      let all = reconciliation.findings()
      findings = all.count
      for finding in all { kinds[finding.kind, default: 0] += 1 }
    }
    print(
      "1,000,000 claims: build \(build), daily \(dailyTime) (\(daily) rows), filtered \(filteredTime), "
        + "compare \(compareTime) (\(compare) rows), findings \(findingsTime) (\(findings): "
        + FindingKind.allCases.map { "\($0.rawValue) \(kinds[$0, default: 0])" }.joined(separator: ", ") + ")")
  }
}
