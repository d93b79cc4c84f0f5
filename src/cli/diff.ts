import { parseArgs } from 'node:util';
import { CHANGE_KINDS, KIND_GROUPS, type ChangeKind } from '../diff/changes.ts';
import { compareLibraries } from '../diff/library.ts';
import { diffText } from '../diff/report-text.ts';
import { readRelease } from '../io/releases.ts';
import { UsageError, type Io } from './io.ts';
import { formatReport, printable } from './printable.ts';

const KINDS = Object.keys(CHANGE_KINDS) as ChangeKind[];

export const diffUsage = `Usage: onus diff OLD NEW [--json] [--fail-on KINDS]

Prints what changed from one release of a model (or a library) to another, in the model's
terms: activities added, removed, renamed or moved; for each party, what it gained or lost,
levels, contexts, notes and conditions changed; areas, parties and metadata.

OLD and NEW are each an SRM Markdown file, a content folder, a built site's folder (its
model.json, or a library's models.json), a model.json, or git:REV:path — a file as the git
revision REV has it (git:v1.0:content/model.md).

  --json            print the changes as JSON (public/diff.schema.json) instead of text
  --fail-on KINDS   exit 1 when a change of these kinds occurs, comma-separated: ${KINDS.slice(0, 4).join(', ')}…,
                    reassigned (gained, lost, level, contexts) or any; for CI

Exit status: 0 when compared, 1 when --fail-on found a change it names, 2 when a release
could not be read (its problems are printed).`;

export async function diff(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, 'fail-on': { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 2) {
    throw new UsageError(`expected two releases, OLD and NEW, got ${positionals.length}`);
  }
  const failOn = failingKinds(values['fail-on']);
  const releases = [];
  for (const given of positionals) {
    const read = await readRelease(given, io.cwd);
    if ('error' in read) {
      io.stderr(`onus diff: ${printable(read.error)}\n`);
      return 2;
    }
    if ('problems' in read) {
      io.stderr(`${formatReport(read.problems, io.color)}\n`);
      io.stderr(`onus diff: \`${printable(given)}\` has errors: nothing was compared\n`);
      return 2;
    }
    releases.push(read.models);
  }
  const changes = compareLibraries(releases[0]!, releases[1]!);
  io.stdout(values.json ? `${JSON.stringify(changes, null, 2)}\n` : diffText(changes));
  const found = changes.models.flatMap((model) =>
    model.changes.filter((change) => failOn.has(change.kind)),
  );
  if (found.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const change of found) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  io.stderr(
    `onus diff: ${found.length} ${found.length === 1 ? 'change' : 'changes'} of a kind --fail-on names (${[
      ...counts,
    ]
      .map(([kind, count]) => `${kind}: ${count}`)
      .join(', ')})\n`,
  );
  return 1;
}

function failingKinds(given: string | undefined): Set<ChangeKind> {
  const kinds = new Set<ChangeKind>();
  if (given === undefined) return kinds;
  for (const name of given.split(',').map((part) => part.trim())) {
    if (name === '') continue;
    const group = KIND_GROUPS[name];
    if (group) for (const kind of group) kinds.add(kind);
    else if ((KINDS as string[]).includes(name)) kinds.add(name as ChangeKind);
    else {
      throw new UsageError(
        `--fail-on: unknown kind \`${name}\`, expected some of ${[...Object.keys(KIND_GROUPS), ...KINDS].join(', ')}`,
      );
    }
  }
  return kinds;
}
