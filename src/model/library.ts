import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import type { Model } from './schema.ts';
import { SITE_FOLDERS } from './site-folders.ts';

/** A model of a library, with the file it was read from (where its problems are reported). */
export interface LibraryEntry {
  file: VFile;
  model: Model;
}

/**
 * The rules that bind the models of one site together: each model's id (its file's name) is
 * its own, since it names the folder of its pages; and a party id names one party across the
 * site — `customer` in two files is the same customer, whose duties its page gathers — so two
 * files may not give it two names. Problems are reported on the later file, pointing at the
 * earlier one.
 */
export function checkLibrary(entries: readonly LibraryEntry[]): void {
  const models = new Map<string, LibraryEntry>();
  if (entries.length > 1) {
    for (const { model, file } of entries) {
      if (!SITE_FOLDERS.has(model.id)) continue;
      report(
        file,
        'model-id-reserved',
        `Unexpected model id \`${model.id}\` (from its file name) in a library, expected another name: \`/${model.id}/\` holds the site's own pages`,
        { line: 1, column: 1 },
      );
    }
  }
  const parties = new Map<string, { name: string; entry: LibraryEntry; line: number }>();
  for (const entry of entries) {
    const { model, file } = entry;
    const first = models.get(model.id);
    if (first) {
      report(
        file,
        'model-id-duplicate',
        `Unexpected second model with id \`${model.id}\` (from its file name), expected each model file of a site to have its own name: the id names the folder of its pages`,
        { line: 1, column: 1 },
        {
          reason: `Model \`${model.id}\` first read from \`${first.file.path}\``,
          place: { line: 1, column: 1 },
        },
      );
      continue;
    }
    models.set(model.id, entry);
    for (const party of model.parties) {
      const known = parties.get(party.id);
      if (!known) {
        parties.set(party.id, { name: party.name, entry, line: party.position.line });
      } else if (known.name !== party.name) {
        report(
          file,
          'party-name-conflict',
          `Unexpected name \`${party.name}\` for party \`${party.id}\`, expected \`${known.name}\` as in \`${known.entry.file.path}\`: a party id names one party across the site; give this party another id, or the same name`,
          { line: party.position.line, column: party.position.column },
          {
            reason: `Party \`${party.id}\` first named \`${known.name}\` in \`${known.entry.file.path}\``,
            place: { line: known.line, column: 1 },
          },
        );
      }
    }
  }
}
