#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin wrappers over the POSIX calls the file readers and writers need.
enum POSIX {
  /// The size of the blocks files are read and written in.
  static let blockSize = 1 << 16

  /// `strerror(code)` as a Swift string, for example `No such file or directory`.
  static func describe(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message)
  }

  /// The text for the current `errno`.
  static func lastError() -> String { describe(errno) }

  /// Writes all of `bytes` to `descriptor`, retrying short writes and `EINTR`.
  ///
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` naming `name`.
  static func writeAll(
    _ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String
  ) throws(CSVError) {
    guard var next = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let written = write(descriptor, next, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        throw .cannotWrite(path: name, reason: lastError())
      }
      next += written
      remaining -= written
    }
  }

  /// Opens `path` read-only.
  static func openForReading(_ path: String) throws(CSVError) -> Int32 {
    while true {
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      if descriptor >= 0 { return descriptor }
      if errno != EINTR { throw .cannotRead(path: path, reason: lastError()) }
    }
  }

  /// Reads up to `buffer.count` bytes, retrying `EINTR`; returns 0 at the end of the file.
  static func readChunk(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String
  ) throws(CSVError) -> Int {
    while true {
      let count = read(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno != EINTR { throw .cannotRead(path: path, reason: lastError()) }
    }
  }

  /// Closes `descriptor`, ignoring errors (for files only read from).
  static func closeQuietly(_ descriptor: Int32) {
    _ = close(descriptor)
  }

  /// The process id, used to name temporary files.
  static var processID: Int32 { getpid() }
}
