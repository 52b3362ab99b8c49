// swift-tools-version: 6.2
//
// tally: a casualty and claims statistics tracker.
//
// Data flows one way: text -> TallyExtractor -> TallyLedger -> TallyReporter -> files.
// A module imports only the modules before it.

import Foundation
import PackageDescription

let package = Package(
  name: "tally",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "tally", targets: ["tally"]),
    .library(name: "TallyCSV", targets: ["TallyCSV"]),
    .library(name: "TallyExtractor", targets: ["TallyExtractor"]),
    .library(name: "TallyLedger", targets: ["TallyLedger"]),
    .library(name: "TallyReporter", targets: ["TallyReporter"]),
    .executable(name: "tally-bench", targets: ["tally-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // System libraries
    .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),

    // Core libraries
    .target(name: "TallyCSV", dependencies: ["CLibCSV"]),
    .target(
      name: "TallyExtractor",
      dependencies: ["TallyCSV"],
      resources: [
        .embedInCode("Resources/gazetteer.csv"),
        .embedInCode("Resources/categories.csv"),
        .embedInCode("Resources/equipment.csv"),
      ]
    ),

    .target(
      name: "TallyLedger",
      dependencies: [
        "TallyExtractor", "TallyCSV", .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C API, as GRDB links it: for the hot loops of ingest and loading (RawStatement).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .target(name: "TallyReporter", dependencies: ["TallyLedger", "TallyExtractor", "TallyCSV"]),

    // Command line
    .executableTarget(
      name: "tally",
      dependencies: [
        "TallyCSV",
        "TallyExtractor",
        "TallyLedger",
        "TallyReporter",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Benchmark: a corpus generator and the measurements of `make bench` (never run by `make test`).
    .target(name: "TallyBench", dependencies: ["TallyExtractor", "TallyLedger", "TallyReporter", "TallyCSV"]),
    .executableTarget(
      name: "tally-bench",
      dependencies: [
        "TallyBench", "TallyCSV", "TallyExtractor", "TallyLedger",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Tests
    .testTarget(name: "TallyCSVTests", dependencies: ["TallyCSV"]),
    .testTarget(
      name: "TallyExtractorTests",
      dependencies: ["TallyExtractor", "TallyCSV"],
      resources: [.copy("Fixtures")]
    ),
    // GRDB here only to hold SQLite locks the way another process would (LedgerOpenTests).
    .testTarget(
      name: "TallyLedgerTests",
      dependencies: ["TallyLedger", "TallyExtractor", "TallyCSV", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "TallyReporterTests", dependencies: ["TallyReporter", "TallyLedger", "TallyExtractor", "TallyCSV"]),
    .testTarget(name: "TallyBenchTests", dependencies: ["TallyBench", "TallyExtractor", "TallyLedger"]),
    .testTarget(name: "TallyEndToEndTests", dependencies: ["tally", "TallyBench", "TallyCSV", "TallyExtractor", "TallyLedger"]),
  ]
)

// Fuzz targets (libFuzzer), only with TALLY_FUZZ=1: an executable that defines
// LLVMFuzzerTestOneInput and no main breaks a plain `swift build`. Built and run by `make fuzz`.
if ProcessInfo.processInfo.environment["TALLY_FUZZ"] == "1" {
  for (name, dependency) in [("FuzzExtractor", "TallyExtractor"), ("FuzzCSV", "TallyCSV"), ("FuzzDates", "TallyExtractor")] {
    package.targets.append(
      .executableTarget(
        name: name, dependencies: [.byName(name: dependency)], path: "Fuzz/\(name)",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    package.products.append(.executable(name: name, targets: [name]))
  }
}

// Strict settings, applied to every target in one place so they cannot drift.
let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .treatAllWarnings(as: .error),
]
for target in package.targets where target.type != .system {
  target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
