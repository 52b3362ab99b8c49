import Foundation
import TallyExtractor
import Testing

@Suite("SHA256")
struct SHA256Tests {
  // The NIST FIPS 180-4 example vectors (csrc.nist.gov, SHA256.pdf and the SHAVS short messages).
  @Test(
    "NIST vectors",
    arguments: [
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func vectors(message: String, digest: String) {
    #expect(SHA256.hex(of: Array(message.utf8)) == digest)
  }

  @Test("One million 'a', fed in uneven pieces")
  func millionA() {
    var hash = SHA256()
    let piece = [UInt8](repeating: 0x61, count: 997)
    var left = 1_000_000
    while left > 0 {
      let n = min(left, piece.count)
      hash.update(piece[0..<n])
      left -= n
    }
    #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("Any split of the input gives the same digest")
  func splits() {
    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let whole = SHA256.hex(of: bytes)
    for cut in [0, 1, 55, 56, 63, 64, 65, 128, 299, 300] {
      var hash = SHA256()
      hash.update(bytes[0..<cut])
      hash.update(bytes[cut...])
      #expect(hash.hexDigest() == whole, "cut at \(cut)")
    }
  }

  @Test("DocumentReader hashes the bytes as read, before invalid UTF-8 is replaced, across blocks")
  func documentReaderHashesRawBytes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-sha-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var bytes = Array("Armenia has reported 209 military deaths.\n\n".utf8)
    bytes += [0xFF, 0xFE, 0x0A, 0x0A]
    for _ in 0..<50 { bytes += Array("The shelling went on through the night near the river.\n\n".utf8) }
    let path = folder.appendingPathComponent("a.txt").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    var reader = DocumentReader(extractor: Extractor(vocabulary: try Vocabulary.standard()))
    reader.blockSize = 64
    reader.maxChunk = 256
    let result = try reader.read(.file(path))
    #expect(result.sha256 == SHA256.hex(of: bytes))
    #expect(result.byteCount == bytes.count)
    #expect(result.warnings == ["\(path): 2 invalid UTF-8 bytes replaced with '?'"])
  }
}
