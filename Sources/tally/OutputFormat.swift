import ArgumentParser

/// The output formats of tally's listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, json, text
}
