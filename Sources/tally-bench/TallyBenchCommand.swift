import ArgumentParser

@main
struct TallyBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "tally-bench")
  func run() throws {}
}
