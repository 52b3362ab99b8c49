#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a CSV file all or nothing: readers see the old file or the complete new one.
///
/// Rows go to `<path>.tmp-<pid>` in the same folder, in blocks of about 64 KB. ``finish()``
/// flushes, syncs the data to disk and renames the temporary file over `path`. If the writer
/// is dropped or cancelled before that, or `finish()` fails, the temporary file is removed.
/// For example:
///
/// ```swift
/// var file = try CSVFileWriter(path: "reports/claims.csv")
/// try file.writeHeader(["party", "killed"])
/// for claim in claims { try file.writeRow([.optional(claim.party), .integer(claim.value)]) }
/// try file.finish()
/// ```
///
/// The writer owns an open file, so it cannot be copied; pass it `inout` to helpers.
public struct CSVFileWriter: ~Copyable {
  /// The file that ``finish()`` creates or replaces.
  public let path: String
  /// The temporary file the rows are written to until ``finish()``.
  public let temporaryPath: String
  private var writer: CSVWriter
  private var descriptor: Int32
  private var isFinished = false

  /// Creates the temporary file next to `path`.
  ///
  /// For example, `try CSVFileWriter(path: "out.csv", options: .init(byteOrderMark: true))`.
  ///
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` naming `path` when the folder does not
  ///   exist or is not writable.
  public init(path: String, options: CSVWriterOptions = .init()) throws(CSVError) {
    self.path = path
    self.temporaryPath = "\(path).tmp-\(POSIX.processID)"
    self.writer = CSVWriter(options: options)
    var opened: Int32
    repeat {
      opened = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    } while opened < 0 && errno == EINTR
    guard opened >= 0 else { throw .cannotWrite(path: path, reason: POSIX.lastError()) }
    self.descriptor = opened
  }

  deinit {
    guard !isFinished else { return }
    if descriptor >= 0 { close(descriptor) }
    unlink(temporaryPath)
  }

  /// Appends a record, writing to the temporary file whenever 64 KB have accumulated.
  ///
  /// For example, `try file.writeRow(["Ganja", 3])`.
  ///
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` when the disk is full or the write fails.
  public mutating func writeRow(_ cells: [CSVCell]) throws(CSVError) {
    writer.writeRow(cells)
    if writer.bufferedByteCount >= POSIX.blockSize { try flush() }
  }

  /// Appends a header record (each name a text cell).
  ///
  /// For example, `try file.writeHeader(["party", "killed"])`.
  ///
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` when the write fails.
  public mutating func writeHeader(_ names: [String]) throws(CSVError) {
    writer.writeHeader(names)
    if writer.bufferedByteCount >= POSIX.blockSize { try flush() }
  }

  /// Writes the remaining rows, syncs the file and renames it over ``path``.
  ///
  /// For example, `try file.finish()`. The writer is used up either way; on failure the
  /// temporary file is removed and ``path`` is left as it was.
  ///
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` when writing, `fsync`, `close` or
  ///   `rename` fails.
  public consuming func finish() throws(CSVError) {
    try flush()
    if fsync(descriptor) != 0 { throw .cannotWrite(path: path, reason: POSIX.lastError()) }
    let closed = close(descriptor)
    descriptor = -1
    if closed != 0 { throw .cannotWrite(path: path, reason: POSIX.lastError()) }
    if rename(temporaryPath, path) != 0 {
      throw .cannotWrite(path: path, reason: POSIX.lastError())
    }
    isFinished = true
    syncFolder()
  }

  /// Abandons the file: removes the temporary file and leaves ``path`` as it was.
  ///
  /// For example, call `file.cancel()` when a report fails half way. Dropping the writer
  /// without calling ``finish()`` does the same.
  public consuming func cancel() {}

  private mutating func flush() throws(CSVError) {
    let descriptor = self.descriptor
    let path = self.path
    try writer.drain { bytes throws(CSVError) in
      try POSIX.writeAll(bytes, to: descriptor, name: path)
    }
  }

  /// Makes the rename durable; a failure here only risks the rename, not the data, so it is ignored.
  private func syncFolder() {
    let folder: String
    if let slash = path.lastIndex(of: "/") {
      folder = slash == path.startIndex ? "/" : String(path[..<slash])
    } else {
      folder = "."
    }
    let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard handle >= 0 else { return }
    _ = fsync(handle)
    close(handle)
  }
}
