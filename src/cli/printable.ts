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

/** Past this many messages of one rule in one file, the rest are counted, not listed. */
export const MAX_MESSAGES_PER_RULE = 100;

/**
 * vfile-reporter's report of the files' messages, with every text from the input made
 * printable. A file with thousands of messages of one rule (40,000 unknown keys) lists the
 * first hundred and says how many more there are; the summary counts them all.
 */
export function formatReport(files: VFile[], color: boolean): string {
  let hidden = 0;
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    file.history = file.history.map(printable);
    const shown = new Map<string, number>();
    const kept = [];
    for (const message of file.messages) {
      if (message.fatal === true) errors++;
      else if (message.fatal === false) warnings++;
      const rule = message.ruleId ?? '';
      const count = (shown.get(rule) ?? 0) + 1;
      shown.set(rule, count);
      if (count > MAX_MESSAGES_PER_RULE) {
        hidden++;
        continue;
      }
      escapeTexts(message);
      if (message.cause && typeof message.cause === 'object') escapeTexts(message.cause);
      kept.push(message);
    }
    for (const [rule, count] of shown) {
      if (count <= MAX_MESSAGES_PER_RULE) continue;
      const last = kept.findLast((message) => (message.ruleId ?? '') === rule)!;
      const more = file.info(
        `… and ${(count - MAX_MESSAGES_PER_RULE).toLocaleString('en')} more \`${rule}\` like these, not listed`,
        {
          place: { line: last.line ?? 1, column: last.column ?? 1 },
          ruleId: rule,
          source: last.source,
        },
      );
      kept.splice(kept.indexOf(last) + 1, 0, more);
    }
    file.messages = kept;
  }
  const report = tighten(reporter(files, { color }));
  if (hidden === 0) return report;
  // The summary counts every message, listed or not.
  const lines = report.split('\n');
  lines[lines.length - 1] = summary(errors, warnings);
  return lines.join('\n');
}

/**
 * vfile-reporter aligns the rule ids of a file in one column, so one long message pads every
 * other line with spaces up to its length: keep at most two spaces in a row after a line's
 * place and severity.
 */
function tighten(report: string): string {
  return report
    .split('\n')
    .map((line) =>
      line
        .replace(
          /^(\s*\S+\s+\S+\s+)(.*)$/,
          (_, head: string, rest: string) => head + rest.replace(/ {3,}/g, '  '),
        )
        .trimEnd(),
    )
    .join('\n');
}

function summary(errors: number, warnings: number): string {
  const count = (n: number, what: string) =>
    `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;
  const parts = [
    ...(errors ? [`✖ ${count(errors, 'error')}`] : []),
    ...(warnings ? [`⚠ ${count(warnings, 'warning')}`] : []),
  ];
  return parts.join(', ');
}

function escapeTexts(message: object): void {
  const texts = message as Record<'reason' | 'message' | 'stack', unknown>;
  for (const key of ['reason', 'message', 'stack'] as const) {
    if (typeof texts[key] === 'string') texts[key] = printable(texts[key]);
  }
}
