public import Foundation

/// Why `tally report` wrote nothing. Each message is one line that names the output folder.
///
/// For example:
///
/// ```
/// /proc/reports: cannot create the report folder: No such file or directory; choose another --out
/// ```
///
/// No temporary file is left; except for ``partlyReplaced(folder:file:reason:replaced:)``, no report
/// file in the folder was changed.
public enum ReportError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
  /// The output folder does not exist and cannot be created, or is not a folder.
  case cannotCreateFolder(path: String, reason: String)
  /// A file of the report cannot be written into the folder.
  case cannotWrite(folder: String, file: String, reason: String)
  /// A rename failed after every file was written: the files in `replaced` are new, the others old.
  /// Renames within one folder do not fail on a sound file system.
  case partlyReplaced(folder: String, file: String, reason: String, replaced: [String])

  /// The output folder the error is about.
  public var folder: String {
    switch self {
    case .cannotCreateFolder(let path, _), .cannotWrite(let path, _, _), .partlyReplaced(let path, _, _, _): path
    }
  }

  public var description: String {
    switch self {
    case .cannotCreateFolder(let path, let reason):
      "\(path): cannot create the report folder: \(reason); choose another --out"
    case .cannotWrite(let folder, let file, let reason):
      "\(folder): cannot write \(file): \(reason); no report was changed, choose another --out or fix the folder"
    case .partlyReplaced(let folder, let file, let reason, let replaced):
      "\(folder): cannot rename \(file) into place: \(reason); already replaced: "
        + (replaced.isEmpty ? "none" : replaced.joined(separator: ", ")) + "; run the report again"
    }
  }

  public var errorDescription: String? { description }
}
