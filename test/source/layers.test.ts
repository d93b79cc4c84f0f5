import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The source tree's layers, as README's Layout shows them: the model (the contract every
 * reader feeds and every output reads) stands alone; the Markdown engine may use the model's
 * diagnostics and types; the readers use both. None of them knows Astro or the site.
 */
const LAYERS: Record<string, readonly string[]> = {
  'src/model': ['src/model'],
  'src/markdown': ['src/markdown', 'src/model'],
  'src/readers': ['src/readers', 'src/markdown', 'src/model'],
  'src/diff': ['src/diff', 'src/model'],
  // Spreadsheets in: through the readers, and the workbook's sheet names as the exporter writes them.
  'src/import': [
    'src/import',
    'src/readers',
    'src/markdown',
    'src/model',
    'src/render',
    'src/export',
  ],
};

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map((imported) => imported.fileName);
}

describe('the source tree', () => {
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    it(`should keep ${layer} to its own layer and the ones below it`, () => {
      const files = readdirSync(layer).filter((name) => name.endsWith('.ts'));
      expect(files.length).toBeGreaterThan(0);
      const outside = files.flatMap((name) => {
        const file = path.join(layer, name);
        return importsOf(file)
          .filter((specifier) =>
            specifier.startsWith('.')
              ? !allowed.includes(path.relative('.', path.dirname(path.join(layer, specifier))))
              : /^(?:astro|@astrojs\/)/.test(specifier),
          )
          .map((specifier) => `${file} imports ${specifier}`);
      });
      expect(outside).toEqual([]);
    });
  }
});
