import ArgumentParser
import Foundation
import TallyCSV
import TallyExtractor
import TallyLedger
import TallyReporter

/// The `tally` command: turns news articles into an auditable ledger of reported figures.
@main
struct Tally: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tally",
    abstract: "Turn news articles into an auditable ledger of reported figures.",
    version: "0.1.0",
    subcommands: [
      ExtractCommand.self, EvalCommand.self, IngestCommand.self, ImportCommand.self, DailyCommand.self,
      CompareCommand.self, FindingsCommand.self, ReportCommand.self, SummaryCommand.self,
    ]
  )

  /// Runs a command with tally's exit codes: 0 ok, 1 usage or input error, 2 internal failure.
  static func main() {
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      // Usage errors and input errors are the user's to fix (1); anything else is ours (2).
      let isUsage = code == .validationFailure || error is DocumentError || error is VocabularyError
        || error is CSVError || error is MetadataError || error is LedgerError || error is ImportError
        || error is ReportError
      Foundation.exit(isUsage ? 1 : 2)
    }
  }
}

/// Writes a line to standard error.
func warn(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
