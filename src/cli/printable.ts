import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

/**
 * Control characters from a file's text or name must not reach the terminal as they are: an
 * escape sequence in a title could move the cursor, retitle the window or, through OSC 52,
 * write the clipboard. They are shown escaped (`\x1B`), as JSON and most tools do.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function printable(text: string): string {
  return text.replace(
    CONTROL,
    (character) => `\\x${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** vfile-reporter's report of the files' messages, with every text from the input made printable. */
export function formatReport(files: VFile[], color: boolean): string {
  for (const file of files) {
    file.history = file.history.map(printable);
    for (const message of file.messages) {
      escapeTexts(message);
      if (message.cause && typeof message.cause === 'object') escapeTexts(message.cause);
    }
  }
  return reporter(files, { color });
}

function escapeTexts(message: object): void {
  const texts = message as Record<'reason' | 'message' | 'stack', unknown>;
  for (const key of ['reason', 'message', 'stack'] as const) {
    if (typeof texts[key] === 'string') texts[key] = printable(texts[key]);
  }
}
