import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../io/project-root.ts';
import { slugify } from '../model/index.ts';
import { UsageError, type Io } from './io.ts';
import { printable } from './printable.ts';

export const initUsage = `Usage: onus init [DIR] [--form lists|grid|blocks]

Writes a new publisher's project into DIR (default: the current folder):

  content/<model>.md               an example model, in the form you pick:
                                   lists   per-party task lists (default)
                                   grid    a table of components by service model
                                   blocks  a control catalog, a block per control
  package.json                     depending on onus, with the scripts build and check
  .github/workflows/publish.yml    checks the model and publishes it to GitHub Pages
  README.md                        the two commands
  .gitignore

It writes over no file: when one of these exists, it names it and writes nothing.`;

/** Each form's example: a model of this repository's own examples, which check clean. */
const FORMS = {
  lists: 'managed-vmware-task-lists.md',
  grid: 'cloud-service-models.md',
  blocks: 'security-control-catalog.md',
} as const;

export async function init(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { form: { type: 'string', default: 'lists' } },
  });
  if (positionals.length > 1) throw new UsageError('give at most one folder');
  if (!(values.form in FORMS)) {
    throw new UsageError(`--form must be lists, grid or blocks, got \`${values.form}\``);
  }
  const example = FORMS[values.form as keyof typeof FORMS];
  const directory = path.resolve(io.cwd, positionals[0] ?? '.');
  const shown = path.relative(io.cwd, directory) || '.';
  const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version: string;
    devDependencies: Record<string, string>;
  };
  const name = slugify(path.basename(directory)) || 'srm-site';
  const files: Array<[string, string]> = [
    [`content/${example}`, await readFile(path.join(PROJECT_ROOT, 'examples', example), 'utf8')],
    [
      'package.json',
      `${JSON.stringify(
        {
          name,
          private: true,
          type: 'module',
          scripts: { build: 'onus build', check: 'onus check --strict content' },
          // Node 22 from the registry, as Onus itself pins it: `npm run` uses it on an older Node.
          devDependencies: {
            node: manifest.devDependencies.node,
            onus: `^${manifest.version}`,
          },
        },
        null,
        2,
      )}\n`,
    ],
    [
      '.github/workflows/publish.yml',
      await readFile(path.join(PROJECT_ROOT, '.github/workflows/publish.yml'), 'utf8'),
    ],
    ['README.md', readme(name, example)],
    ['.gitignore', 'node_modules/\ndist/\nexport/\n'],
  ];
  const existing: string[] = [];
  for (const [file] of files) {
    if (await exists(path.join(directory, file))) existing.push(path.join(shown, file));
  }
  if (existing.length > 0) {
    io.stderr(
      `onus init: ${existing.map(printable).join(', ')} ${existing.length === 1 ? 'exists' : 'exist'}; Onus writes over no file. Nothing was written.\n`,
    );
    return 1;
  }
  for (const [file, text] of files) {
    const target = path.join(directory, file);
    await mkdir(path.dirname(target), { recursive: true });
    // `wx`: a file that appeared meanwhile is not written over either.
    await writeFile(target, text, { flag: 'wx' });
  }
  io.stderr(
    `Wrote a new Onus project into ${printable(shown)}/:\n${files.map(([file]) => `  ${file}\n`).join('')}` +
      `Next: cd ${printable(shown)} && npm install && npm run build\n`,
  );
  return 0;
}

function readme(name: string, example: string): string {
  return `# ${name}

The shared responsibility model of this service, written in SRM Markdown (the format is
\`docs/format.md\` of Onus) and published with Onus as a static site.

\`\`\`sh
npm install && npm run build   # build the site of content/ into dist/
npm run check                  # check the model, pointing at the line of every problem
\`\`\`

Edit \`content/${example}\` (or replace it with your own model), then \`npx onus dev\` serves the
site with live reload. \`.github/workflows/publish.yml\` checks every push and publishes the
site to GitHub Pages (Settings › Pages › Source: GitHub Actions).
`;
}

const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  );
