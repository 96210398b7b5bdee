// CRC-32 (IEEE 802.3, as in zlib): a checksum, not a crypto primitive. It lets
// the server and secret scanners reject a mistyped static token without a
// database read.
const table = (() => {
  const entries = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    entries[n] = c >>> 0;
  }
  return entries;
})();

/**
 * CRC-32 of bytes, as an unsigned 32-bit integer.
 *
 * @example
 * crc32(encodeUtf8("123456789")); // 0xcbf43926
 */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
