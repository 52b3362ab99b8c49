import TallyCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the files of a report into a folder, all or nothing.
///
/// 1. The folder and its parents are created if missing.
/// 2. Every file is rendered into `<folder>/<name>.tmp-<pid>` (a CSV streamed in blocks as its
///    rows are made, never held whole) and synced to disk.
/// 3. Only when all of them are written, each is renamed over `<folder>/<name>`.
///
/// Temporary files of the report's names left by a run that was killed (`NAME.tmp-PID` whose
/// process no longer exists) are removed at the start of the next run.
///
/// If step 1 or 2 fails (or a file's final name is taken by a folder), every temporary file is
/// removed, the folders created in step 1 are removed again, and the files already in the folder
/// are left as they were. Renames within one folder do not fail on a sound file system; should one
/// fail, the error says which files were already replaced. For example:
///
/// ```swift
/// try ReportWriter.write([ReportFile(name: "a.txt") { "x\n" }], to: "reports")
/// ```
public enum ReportWriter {
  /// Writes `files` into `folder`.
  ///
  /// - Parameters:
  ///   - files: The files, with plain names (no `/`).
  ///   - folder: The output folder, created with its parents when missing.
  /// - Returns: What was written: each file's number of data rows.
  /// - Throws: ``ReportError/cannotCreateFolder(path:reason:)`` or
  ///   ``ReportError/cannotWrite(folder:file:reason:)``; ``ReportError/partlyReplaced(folder:file:reason:replaced:)``
  ///   only if a rename fails.
  @discardableResult
  public static func write(_ files: [ReportFile], to folder: String) throws(ReportError) -> WrittenReport {
    let created = try makeFolder(folder)
    removeStaleTemporaries(of: files.map(\.name), in: folder)
    let suffix = ".tmp-\(getpid())"
    var temporaries: [String] = []
    var rows: [Int?] = []
    func abandon() {
      for path in temporaries { unlink(path) }
      for path in created.reversed() { rmdir(path) }
    }
    for file in files {
      let temporary = path(folder, file.name) + suffix
      temporaries.append(temporary)
      do throws(ReportError) {
        rows.append(try writeFile(file.content, to: temporary, folder: folder, name: file.name))
      } catch {
        abandon()
        throw error
      }
    }
    // A folder where a file should go would make its rename fail half way: refuse before any rename.
    for file in files where isFolder(path(folder, file.name)) {
      abandon()
      throw .cannotWrite(folder: folder, file: file.name, reason: "a folder has that name")
    }
    for (index, file) in files.enumerated() where rename(temporaries[index], path(folder, file.name)) != 0 {
      let reason = describe(errno)
      for path in temporaries[index...] { unlink(path) }
      throw .partlyReplaced(folder: folder, file: file.name, reason: reason, replaced: files[..<index].map(\.name))
    }
    syncFolder(folder)
    return WrittenReport(folder: folder, names: files.map(\.name), rows: rows)
  }

  /// Removes `NAME.tmp-PID` files that a run killed before it could clean up left behind: those
  /// of the report's own names whose process no longer exists. A live run's files are left alone.
  static func removeStaleTemporaries(of names: [String], in folder: String) {
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    var stale: [String] = []
    while let entry = readdir(directory) {
      let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      for name in names where entryName.hasPrefix(name + ".tmp-") {
        let digits = entryName.dropFirst(name.count + 5)
        guard let pid = Int32(digits), pid > 0, String(pid) == digits else { continue }
        if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { stale.append(entryName) }
      }
    }
    for entryName in stale { unlink(path(folder, entryName)) }
  }

  private static func path(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// Creates `folder` and its missing parents; returns the folders it created, outermost first.
  private static func makeFolder(_ folder: String) throws(ReportError) -> [String] {
    guard !folder.isEmpty else { throw .cannotCreateFolder(path: folder, reason: "the name is empty") }
    var created: [String] = []
    var prefix = folder.hasPrefix("/") ? "/" : ""
    let parts = folder.split(separator: "/", omittingEmptySubsequences: true)
    for (index, part) in parts.enumerated() {
      prefix += (index == 0 ? "" : "/") + part
      if isFolder(prefix) { continue }
      if mkdir(prefix, 0o777) != 0 {
        let code = errno
        if code == EEXIST && isFolder(prefix) { continue }
        for path in created.reversed() { rmdir(path) }
        let reason = code == EEXIST ? "\(prefix) is a file, not a folder" : describe(code)
        throw .cannotCreateFolder(path: folder, reason: reason)
      }
      created.append(prefix)
    }
    guard isFolder(folder) else { throw .cannotCreateFolder(path: folder, reason: "not a folder") }
    return created
  }

  /// Renders `content` into `path` and syncs it to disk; returns the number of data rows of a CSV.
  private static func writeFile(_ content: ReportFile.Content, to path: String, folder: String, name: String)
    throws(ReportError) -> Int?
  {
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw .cannotWrite(folder: folder, file: name, reason: describe(errno)) }
    var failure: String?
    var rows: Int?
    switch content {
    case .csv(let options, let write):
      var output = CSVStreamWriter(fileDescriptor: descriptor, name: path, options: options)
      do throws(CSVError) {
        rows = try write(&output)
        try output.flush()
      } catch {
        // A write's error names the temporary file; the report's error names the folder and file.
        if case .cannotWrite(_, let reason) = error { failure = reason } else { failure = error.description }
      }
    case .text(let render):
      render { piece in
        guard failure == nil else { return }
        var piece = piece
        piece.withUTF8 { bytes in
          if let code = writeAll(UnsafeRawBufferPointer(bytes), to: descriptor) { failure = describe(code) }
        }
      }
    }
    if failure == nil && fsync(descriptor) != 0 { failure = describe(errno) }
    if close(descriptor) != 0 && failure == nil { failure = describe(errno) }
    if let failure { throw .cannotWrite(folder: folder, file: name, reason: failure) }
    return rows
  }

  /// Writes all of `bytes`, retrying short writes and `EINTR`; returns the `errno` of a failure.
  private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    guard var next = bytes.baseAddress else { return nil }
    var remaining = bytes.count
    while remaining > 0 {
      let written = systemWrite(descriptor, next, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      next += written
      remaining -= written
    }
    return nil
  }

  private static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  private static func describe(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message)
  }

  /// Makes the renames durable; a failure here only risks the renames, not the data, so it is ignored.
  private static func syncFolder(_ folder: String) {
    let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard handle >= 0 else { return }
    _ = fsync(handle)
    close(handle)
  }
}

/// `write(2)`, out of reach of ``ReportWriter/write(_:to:)``'s name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
