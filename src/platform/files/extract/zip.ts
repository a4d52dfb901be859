/**
 * What a ZIP (.docx, .xlsx) declares in its central directory, read before anything is decompressed:
 * a decompression bomb declares its huge sizes there (or hides them behind ZIP64, which an office file
 * of the sizes we accept never needs).
 */

/**
 * The total uncompressed size the ZIP's central directory declares, or null when the directory is
 * missing, malformed or uses ZIP64.
 */
export function declaredUncompressedSize(bytes: Uint8Array): { total: number; entries: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEnd = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= minEnd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    if (size === 0xffffffff) return null;
    total += size;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { total, entries };
}

export type ZipLimits = { maxUncompressed: number; maxEntries: number };

/** The Chinese reason to refuse the ZIP `bytes` under `limits`, or null when it may be opened. */
export function zipRefusal(bytes: Uint8Array, limits: ZipLimits): string | null {
  const zip = declaredUncompressedSize(bytes);
  if (!zip) return '文件已损坏或格式不正确，无法读取';
  if (zip.total > limits.maxUncompressed || zip.entries > limits.maxEntries)
    return '文件解压后过大，无法读取；请删除多余的内容或拆分后重新上传';
  return null;
}
