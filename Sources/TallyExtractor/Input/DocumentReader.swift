import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What reading one document gave: its claims, the metadata used, and warnings for the user.
public struct DocumentResult: Sendable {
  /// The claims, in order of position.
  public var claims: [Claim]
  /// The metadata the claims carry, after precedence was applied.
  public var metadata: DocumentMetadata
  /// Problems that did not stop the reading (invalid UTF-8 replaced, and the like).
  public var warnings: [String]
  /// The size of the document in bytes.
  public var byteCount: Int
  /// The SHA-256 of the file's bytes as read (before any UTF-8 repair), 64 lower-case hex digits.
  public var sha256: String

  /// Creates a result; ``DocumentReader`` makes these, tests and importers may too.
  public init(claims: [Claim], metadata: DocumentMetadata, warnings: [String] = [], byteCount: Int, sha256: String) {
    self.claims = claims
    self.metadata = metadata
    self.warnings = warnings
    self.byteCount = byteCount
    self.sha256 = sha256
  }
}

/// Reads documents in bounded memory and extracts their claims.
///
/// A file is read in 256 KB blocks and cut at paragraph breaks, so a 100 MB file never sits in
/// memory whole; only its first and last few KB are kept aside to infer its metadata.
/// Metadata comes, in order of precedence, from `overrides` (command-line flags), the file's
/// front matter, a `sources.csv` beside it, and what the text itself says.
public struct DocumentReader: Sendable {
  /// The extractor used on each chunk.
  public let extractor: Extractor
  /// How many bytes are read at a time.
  public var blockSize = 256 << 10
  /// A chunk with no paragraph break is cut at a line break or blank once it grows past this.
  public var maxChunk = 1 << 20
  /// The largest document read, in bytes (`--max-document-mb`); a larger one is skipped with
  /// ``DocumentError/tooLarge(path:limit:)`` before anything of it is extracted.
  public var maxDocumentBytes = 512 << 20
  /// The longest line read, in bytes (`--max-line-kb`); a file with a longer line is skipped with
  /// ``DocumentError/lineTooLong(path:line:limit:)`` before anything of it is extracted.
  public var maxLineBytes = 1 << 20
  /// Whether ``DocumentResult/sha256`` is computed. `tally extract` prints no hash and turns it
  /// off (about 5% of extraction time); the ledger needs it. When off, `sha256` is empty.
  public var computesHash = true

  /// Creates a reader that extracts with `extractor`.
  public init(extractor: Extractor) {
    self.extractor = extractor
  }

  /// Reads `input` and extracts its claims.
  ///
  /// - Parameters:
  ///   - input: The file or standard input.
  ///   - overrides: Metadata given on the command line; it wins over everything else.
  ///   - sidecar: The `sources.csv` entries of the file's folder.
  ///   - emit: When given, receives the claims of each chunk as soon as it is read, and the
  ///     result's `claims` stays empty: memory then stays bounded however many claims a file holds.
  /// - Throws: ``DocumentError`` when the file cannot be read or is binary.
  public func read(
    _ input: InputFile, overrides: DocumentMetadata = DocumentMetadata(), sidecar: SourcesIndex = SourcesIndex(),
    emit: (([Claim]) -> Void)? = nil
  ) throws(DocumentError) -> DocumentResult {
    let name = input.documentName
    let path: String
    let fd: Int32
    switch input {
    case .standardInput:
      path = "standard input"
      fd = 0
    case .file(let p):
      path = p
      fd = open(p, O_RDONLY)
      if fd < 0 { throw .unreadable(path: p, reason: String(cString: strerror(errno))) }
    }
    defer { if fd != 0 { close(fd) } }

    var buffer: [UInt8] = []
    var eof = false
    var hash = SHA256()  // of the bytes as read, before the UTF-8 repair
    // A small file is read with one small buffer, not a whole block.
    var sizeHint = Int.max
    var info = stat()
    let isRegular = fd != 0 && fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    if isRegular {
      sizeHint = Int(info.st_size) + 1
      // Limits are checked before anything is extracted, so a refused file gives no claims at all.
      if Int(info.st_size) > maxDocumentBytes { throw .tooLarge(path: path, limit: maxDocumentBytes) }
      if Int(info.st_size) > maxLineBytes { try checkLines(fd, size: Int(info.st_size), path: path) }
    }
    var totalRead = 0
    var lineLength = 0  // bytes since the last line feed, for input that could not be checked first
    var lineNumber = 1
    func fill(_ count: Int) throws(DocumentError) {
      // Up to the expected end of a regular file (then 4 KB at a time if it grows while read).
      let count = min(count, blockSize, max(4096, sizeHint - totalRead))
      let before = buffer.count
      var n = 0
      if before == 0 {
        // The first read goes straight into a new array's storage, with nothing zeroed first.
        buffer = [UInt8](unsafeUninitializedCapacity: count) { storage, initialized in
          n = Glibc.read(fd, storage.baseAddress, count)
          initialized = max(0, n)
        }
      } else if sizeHint - totalRead <= 1 {
        // Where a regular file should end: the read that finds the end, most often, appends
        // nothing (and zeroes nothing).
        n = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { storage -> Int in
          let read = Glibc.read(fd, storage.baseAddress, count)
          if read > 0 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: storage[..<read])) }
          return read
        }
      } else {
        buffer.append(contentsOf: repeatElement(0, count: count))
        n = buffer.withUnsafeMutableBytes { raw -> Int in
          guard let base = raw.baseAddress else { return -1 }
          return Glibc.read(fd, base + before, count)
        }
      }
      if n < 0 {
        buffer.removeSubrange(before...)
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      buffer.removeSubrange((before + n)...)
      totalRead += n
      if n == 0 { eof = true }
      if totalRead > maxDocumentBytes { throw .tooLarge(path: path, limit: maxDocumentBytes) }
      let fits = buffer.withUnsafeBufferPointer {
        Self.scanLines(
          UnsafeBufferPointer(rebasing: $0[before...]), length: &lineLength, line: &lineNumber, limit: maxLineBytes)
      }
      if !fits { throw .lineTooLong(path: path, line: lineNumber, limit: maxLineBytes) }
      if computesHash {
        buffer.withUnsafeBytes { hash.update(buffer: UnsafeRawBufferPointer(rebasing: $0[before...])) }
      }
    }
    // The head: front matter and datelines.
    while !eof && buffer.count < blockSize { try fill(blockSize - buffer.count) }
    var tail: [UInt8] = []
    if !eof, case .file = input {
      var st = stat()
      if fstat(fd, &st) == 0, st.st_size > buffer.count {
        let size = Int(st.st_size)
        let want = min(3072, size - buffer.count)
        tail = [UInt8](repeating: 0, count: want)
        let n = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(size - want)) }
        tail = n > 0 ? Array(tail[0..<n]) : []
      }
    } else if !eof {
      // Standard input cannot seek: read it all to see its end.
      while !eof { try fill(blockSize) }
    }
    if let nul = DocumentReader.firstNUL(buffer, from: 0) { throw .binary(path: path, offset: nul) }

    var warnings: [String] = []
    // Bytes before `checked` have been validated as UTF-8 (bad bytes replaced by '?').
    var checked = 0
    var replaced = 0
    func repair() {
      let end = eof ? buffer.count : DocumentReader.completeEnd(buffer)
      if end > checked {
        replaced += DocumentReader.repairUTF8(&buffer, from: checked, upTo: end)
        checked = end
      }
    }
    repair()
    var bodyStart = 0
    var metadata = overrides
    do {
      if let front = try buffer.withUnsafeBufferPointer({ buf throws(MetadataError) in try FrontMatter.parse(buf) }) {
        metadata = metadata.filling(from: front.metadata)
        bodyStart = front.bodyStart
      }
    } catch {
      throw .badFrontMatter(path: path, reason: error.description)
    }
    if let row = sidecar.entries[name] { metadata = metadata.filling(from: row) }
    if metadata.title == nil || metadata.source == nil || metadata.published == nil {
      // Datelines stand in the first lines, outlet lines mostly in the last ones.
      let headBytes = buffer[bodyStart..<min(buffer.count, bodyStart + 3072)]
      let tailBytes = tail.isEmpty ? buffer[max(bodyStart, buffer.count - 3072)..<buffer.count] : tail[...]
      let inferred = MetadataInference.infer(
        head: String(decoding: headBytes, as: UTF8.self), tail: String(decoding: tailBytes, as: UTF8.self))
      metadata = metadata.filling(from: inferred)
    }

    // The body, chunk by chunk, cut at paragraph breaks.
    var claims: [Claim] = []
    var base = 0  // file offset of buffer[0]
    var start = bodyStart
    var total = 0
    while true {
      if !eof && buffer.count - start < maxChunk {
        let before = buffer.count
        try fill(blockSize)
        if let nul = DocumentReader.firstNUL(buffer, from: before) {
          throw .binary(path: path, offset: base + nul)
        }
        repair()
        if !eof && buffer.count - start < blockSize { continue }
      }
      let cut = eof ? buffer.count : DocumentReader.cutPoint(buffer, from: start, upTo: checked, maxChunk: maxChunk)
      if cut > start {
        let found = buffer.withUnsafeBufferPointer { buf in
          extractor.claims(
            in: buf, range: start..<cut, document: name, source: metadata.source, published: metadata.published)
        }
        var shifted = found
        for i in shifted.indices {
          shifted[i].start += base
          shifted[i].end += base
        }
        if let emit {
          emit(shifted)
        } else if claims.isEmpty {
          claims = shifted  // the common case, one chunk: no copy of each claim
        } else {
          claims.append(contentsOf: shifted)
        }
      }
      if eof {
        total = base + buffer.count
        // A file that grew, shrank or was rewritten while it was read gives no result at all.
        var after = stat()
        if isRegular, fstat(fd, &after) == 0,
          after.st_size != info.st_size || total != Int(info.st_size)
            || after.st_mtim.tv_sec != info.st_mtim.tv_sec || after.st_mtim.tv_nsec != info.st_mtim.tv_nsec
        {
          throw .changedWhileRead(path: path)
        }
        break
      }
      // Drop what was read; keep the rest.
      base += cut
      buffer.removeSubrange(0..<cut)
      checked -= cut
      start = 0
    }
    if replaced > 0 {
      warnings.append("\(path): \(replaced) invalid UTF-8 byte\(replaced == 1 ? "" : "s") replaced with '?'")
    }
    return DocumentResult(
      claims: claims, metadata: metadata, warnings: warnings, byteCount: total, sha256: computesHash ? hash.hexDigest() : "")
  }

  /// Reads a regular file once, from its start, and throws when a line is longer than
  /// ``maxLineBytes``; memory stays at one block.
  private func checkLines(_ fd: Int32, size: Int, path: String) throws(DocumentError) {
    let block = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: blockSize)
    defer { block.deallocate() }
    var offset = 0
    var length = 0
    var line = 1
    while offset < size {
      let n = pread(fd, block.baseAddress, blockSize, off_t(offset))
      if n < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
      if n == 0 { break }
      let bytes = UnsafeBufferPointer(rebasing: block[..<n])
      if !Self.scanLines(bytes, length: &length, line: &line, limit: maxLineBytes) {
        throw .lineTooLong(path: path, line: line, limit: maxLineBytes)
      }
      offset += n
    }
  }

  /// Follows the lines of `bytes`: `length` is the length of the current line so far, `line` its
  /// number. Returns false, with `line` the long line, as soon as a line is longer than `limit`.
  static func scanLines(_ bytes: UnsafeBufferPointer<UInt8>, length: inout Int, line: inout Int, limit: Int) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var i = 0
    while i < bytes.count {
      guard let found = memchr(base + i, 0x0A, bytes.count - i) else {
        length += bytes.count - i
        return length <= limit
      }
      let nl = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      length += nl - i
      if length > limit { return false }
      length = 0
      line += 1
      i = nl + 1
    }
    return true
  }

  /// Where to cut a chunk: after the last paragraph break, else after the last line break or
  /// blank once the chunk is too long, else nowhere yet (0 means: read more).
  static func cutPoint(_ buffer: [UInt8], from start: Int, upTo limit: Int, maxChunk: Int) -> Int {
    var i = limit - 1
    while i > start + 1 {
      if buffer[i] == 0x0A && (buffer[i - 1] == 0x0A || (buffer[i - 1] == 0x0D && i > 1 && buffer[i - 2] == 0x0A)) {
        return i + 1
      }
      i -= 1
    }
    guard limit - start >= maxChunk else { return start }
    if let nl = buffer[start..<limit].lastIndex(of: 0x0A), nl > start { return nl + 1 }
    // One long line: cut after a sentence (". "), so that no figure is split from its words.
    var j = limit - 1
    while j > start + 1 {
      if buffer[j] == 0x20 && buffer[j - 1] == 0x2E { return j + 1 }
      j -= 1
    }
    if let sp = buffer[start..<limit].lastIndex(of: 0x20), sp > start { return sp + 1 }
    // No blank at all: cut before a UTF-8 continuation byte would be split.
    var cut = limit
    while cut > start + 1 && buffer[cut - 1] & 0xC0 == 0x80 { cut -= 1 }
    return max(start + 1, cut - 1)
  }

  /// The end of the buffer without a trailing UTF-8 sequence that the next block may complete.
  static func completeEnd(_ buffer: [UInt8]) -> Int {
    let n = buffer.count
    var k = n - 1
    while k >= 0 && k >= n - 3 {
      let b = buffer[k]
      if b & 0xC0 == 0x80 { k -= 1; continue }
      if b >= 0xC0 {
        let length = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2)
        return k + length > n ? k : n
      }
      return n
    }
    return n
  }

  /// The offset of the first NUL byte of `buffer` at or after `from`, found with `memchr`.
  static func firstNUL(_ buffer: [UInt8], from: Int) -> Int? {
    guard from < buffer.count else { return nil }
    return buffer.withUnsafeBufferPointer { p -> Int? in
      guard let base = p.baseAddress, let found = memchr(base + from, 0, p.count - from) else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Replaces each byte that is not part of valid UTF-8 with `?`, in place; returns the count.
  /// Offsets are kept: one bad byte becomes one `?`. Public so that the fuzz targets repair
  /// bytes exactly as the reader does.
  public static func repairUTF8(_ buffer: inout [UInt8], from: Int = 0, upTo end: Int) -> Int {
    var count = 0
    buffer.withUnsafeMutableBufferPointer { p in
      var i = from
      let raw = UnsafeRawPointer(p.baseAddress)
      while i < end {
        // Eight ASCII bytes at a time: the common case.
        if let raw, i + 8 <= end, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          i += 8
          continue
        }
        let b = p[i]
        if b < 0x80 {
          i += 1
          continue
        }
        var need = 0
        var min: UInt32 = 0
        var cp: UInt32 = 0
        if b & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(b & 0x1F) }
        else if b & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(b & 0x0F) }
        else if b & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(b & 0x07) }
        else {
          p[i] = 0x3F
          count += 1
          i += 1
          continue
        }
        var ok = i + need < end
        if ok {
          for k in 1...need {
            let c = p[i + k]
            if c & 0xC0 != 0x80 { ok = false; break }
            cp = cp << 6 | UInt32(c & 0x3F)
          }
        }
        if ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ok = false }
        if ok {
          i += need + 1
        } else {
          p[i] = 0x3F
          count += 1
          i += 1
        }
      }
    }
    return count
  }
}
