import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { printable } from './printable.ts';

/** How `onus check` prints its messages: for people, for programs, or for GitHub Actions. */
export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const severityOf = (message: VFileMessage) =>
  message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';

/** Every message as JSON: an array of `{file, line, column, severity, rule, message, cause?}`. */
export function jsonReport(files: readonly VFile[]): string {
  const entries = files.flatMap((file) =>
    file.messages.map((message) => {
      const cause = message.cause as VFileMessage | undefined;
      return {
        file: file.path,
        line: message.line ?? null,
        column: message.column ?? null,
        severity: severityOf(message),
        rule: message.ruleId ?? null,
        message: message.reason,
        ...(cause?.reason && {
          cause: { line: cause.line ?? null, column: cause.column ?? null, message: cause.reason },
        }),
      };
    }),
  );
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/**
 * GitHub Actions workflow commands: each message an annotation on its file and line, shown
 * on the pull request's changed lines (`::error file=…,line=…,col=…,title=…::message`).
 */
export function githubReport(files: readonly VFile[]): string {
  const lines = files.flatMap((file) =>
    file.messages.map((message) => {
      const command = { error: 'error', warning: 'warning', info: 'notice' }[severityOf(message)];
      const properties = [
        `file=${escapeProperty(printable(file.path))}`,
        ...(message.line ? [`line=${message.line}`] : []),
        ...(message.column ? [`col=${message.column}`] : []),
        ...(message.ruleId ? [`title=${escapeProperty(printable(`onus ${message.ruleId}`))}`] : []),
      ];
      return `::${command} ${properties.join(',')}::${escapeData(printable(message.reason))}`;
    }),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const escapeData = (text: string) =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) =>
  escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
