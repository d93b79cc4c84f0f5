import { z } from 'zod';
import { describeYamlValue } from '../model/diagnostics.ts';
import { LIMITS } from '../markdown/limits.ts';

/** A frontmatter scalar that must be non-empty text, with messages that name it. */
export const text = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `Unexpected missing ${what}, expected text`
          : `Unexpected ${describeYamlValue(issue.input)} for ${what}, expected text`,
    })
    .trim()
    .min(1, { error: `Unexpected empty ${what}, expected text` });

/** Text shown on every page (titles, names), kept within a length that pages can carry. */
export const shortText = (what: string, max: number = LIMITS.titleLength) =>
  text(what).max(max, {
    error: (issue) =>
      `Unexpected ${what} of ${String(issue.input).length.toLocaleString('en')} characters, expected at most ${max.toLocaleString('en')}`,
  });
