import type { VFile } from 'vfile';
import { report } from '../model/diagnostics.ts';
import { LIMITS } from './limits.ts';

const BOM = '\uFEFF';

/** How far into a file to look for NUL bytes: enough to tell binary files from text. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Turn the file's value into Markdown text, or report why it cannot be read as text.
 * Returns undefined when the file cannot be used at all.
 */
export function decodeText(file: VFile): string | undefined {
  const text = toText(file);
  if (text === undefined) return undefined;
  const withoutBom = text.startsWith(BOM) ? text.slice(BOM.length) : text;

  if (withoutBom.trim() === '') {
    report(
      file,
      'input-empty',
      'Unexpected empty file, expected SRM Markdown starting with `---` frontmatter',
      { line: 1, column: 1 },
    );
    return undefined;
  }

  const nul = withoutBom.indexOf('\u0000');
  if (nul !== -1) {
    report(
      file,
      'input-binary',
      'Unexpected NUL character, expected a text file (is this a binary file?)',
      pointAt(withoutBom, nul),
    );
    return undefined;
  }

  return withoutBom;
}

function toText(file: VFile): string | undefined {
  const value = file.value;
  const size = typeof value === 'string' ? value.length : (value?.byteLength ?? 0);
  if (size > LIMITS.fileBytes) {
    report(file, 'input-limit', tooLarge(size), { line: 1, column: 1 });
    return undefined;
  }
  if (typeof value === 'string') return value;

  const sniff = value.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) {
    const offset = sniff.indexOf(0);
    report(
      file,
      'input-binary',
      'Unexpected binary content (NUL byte), expected a UTF-8 text file',
      pointAt(new TextDecoder().decode(value.subarray(0, offset)), offset),
    );
    return undefined;
  }

  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    let offset = firstInvalidUtf8Offset(value);
    // A plain byte after a cut sequence is not the culprit: the sequence's first byte is.
    if ((value[offset] ?? 0) < 0x80 && offset > 0 && (value[offset - 1] ?? 0) >= 0x80) {
      offset--;
      while (offset > 0 && ((value[offset] ?? 0) & 0xc0) === 0x80) offset--;
    }
    const before = new TextDecoder().decode(value.subarray(0, offset));
    report(
      file,
      'input-encoding',
      `Unexpected byte 0x${(value[offset] ?? 0).toString(16).padStart(2, '0')} that is not UTF-8, expected a UTF-8 text file: save it as UTF-8 (in VS Code: “Reopen with Encoding”, then “Save with Encoding” › UTF-8; or \`iconv -f windows-1252 -t utf-8 old.md > new.md\`)`,
      pointAt(before, before.length),
    );
    return undefined;
  }
}

/** Decode prefixes until decoding fails: finds the offending byte without a UTF-8 parser of our own. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest prefix that is valid, or valid but for a multi-byte sequence cut at its end.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

function pointAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The message for a file over the size limit (also given before reading one from disk). */
export function tooLarge(bytes: number): string {
  const megabytes = (size: number) => `${(size / 1024 / 1024).toFixed(1)} MB`;
  return `Unexpected file of ${megabytes(bytes)}, expected at most ${megabytes(LIMITS.fileBytes)}: split the model into several files`;
}
