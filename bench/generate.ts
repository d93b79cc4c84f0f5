/**
 * A deterministic generator of synthetic SRM Markdown models: N activities, 4 parties, areas
 * nested up to three levels, about 10% of activities shared by two parties, some with notes.
 * The same N always gives the same bytes.
 *
 *   node bench/generate.ts --activities 10000 --out /tmp/model-10000
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The parties, the same in every model (a library's models share them): four by default. */
const ALL_PARTIES = [
  { id: 'customer', name: 'Customer' },
  { id: 'provider', name: 'Service Provider', short: 'Provider' },
  { id: 'cloud', name: 'Cloud Infrastructure', short: 'Cloud' },
  { id: 'auditor', name: 'Independent Auditor', short: 'Auditor' },
  { id: 'regulator', name: 'Regulator' },
];
const SUBJECTS = [
  'Network',
  'Identity',
  'Storage',
  'Backup',
  'Logging',
  'Encryption',
  'Patching',
  'Access',
  'Firewall',
  'Recovery',
  'Monitoring',
  'Key',
  'Database',
  'Container',
  'Endpoint',
  'Incident',
  'Vendor',
  'Change',
  'Capacity',
  'Certificate',
];
const OBJECTS = [
  'policies',
  'reviews',
  'rotation',
  'controls',
  'inventory',
  'testing',
  'configuration',
  'approval',
  'retention',
  'alerts',
  'baselines',
  'segmentation',
  'plans',
  'audits',
  'drills',
  'reports',
];
const AREA_WORDS = [
  'Operations',
  'Governance',
  'Platform',
  'Data',
  'Security',
  'Compliance',
  'Resilience',
  'Workloads',
  'Infrastructure',
  'Applications',
];

/**
 * 100 queries as readers type them: words of the generated titles, their prefixes, typos
 * (a letter dropped or doubled), two words together, area names, numbers.
 */
export const QUERIES: readonly string[] = (() => {
  const queries: string[] = [];
  for (let index = 0; queries.length < 100; index++) {
    const subject = SUBJECTS[index % SUBJECTS.length]!.toLowerCase();
    const object = OBJECTS[index % OBJECTS.length]!;
    const variants = [
      subject,
      subject.slice(0, 4),
      `${subject.slice(0, 2)}${subject.slice(3)}`,
      `${subject} ${object}`,
      `${object.slice(0, 5)}`,
      `${AREA_WORDS[index % AREA_WORDS.length]!.toLowerCase()} ${index + 1}`,
      `#${index * 37 + 1}`,
      `${object}${object.at(-1)}`,
    ];
    queries.push(variants[index % variants.length]!);
  }
  return queries;
})();

/** mulberry32: a small, well-known PRNG, so that the same seed gives the same model. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Activity {
  path: string[];
  title: string;
  parties: string[];
  note?: string;
}

export interface ModelShape {
  /** How many of the five parties it has (default 4). */
  parties?: number;
  title?: string;
}

export function generateModel(count: number, seed = 1, shape: ModelShape = {}): string {
  const PARTIES = ALL_PARTIES.slice(0, shape.parties ?? 4);
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;

  // About 25 activities per leaf area, leaves two or three levels deep.
  const leaves: string[][] = [];
  const leafCount = Math.max(1, Math.ceil(count / 25));
  for (let top = 0; leaves.length < leafCount; top++) {
    const topTitle = `${pick(AREA_WORDS)} ${top + 1}`;
    for (let middle = 0; middle < 4 && leaves.length < leafCount; middle++) {
      const middleTitle = `${pick(SUBJECTS)} area ${top + 1}.${middle + 1}`;
      if (next() < 0.5) {
        leaves.push([topTitle, middleTitle]);
      } else {
        for (let low = 0; low < 2 && leaves.length < leafCount; low++) {
          leaves.push([
            topTitle,
            middleTitle,
            `${pick(OBJECTS)} ${top + 1}.${middle + 1}.${low + 1}`,
          ]);
        }
      }
    }
  }

  const activities: Activity[] = [];
  for (let index = 0; index < count; index++) {
    const owner = PARTIES[index % PARTIES.length]!.id;
    const parties =
      next() < 0.1
        ? [owner, PARTIES[(index + 1 + Math.floor(next() * 3)) % PARTIES.length]!.id]
        : [owner];
    const activity: Activity = {
      path: leaves[Math.floor(index / 25) % leaves.length]!,
      title: `${pick(SUBJECTS)} ${pick(OBJECTS)} #${index + 1}`,
      parties,
    };
    if (next() < 0.3)
      activity.note = `Includes ${pick(OBJECTS)} and ${pick(OBJECTS)} for ${pick(SUBJECTS).toLowerCase()} systems.`;
    activities.push(activity);
  }

  const lines = [
    '---',
    `title: ${shape.title ?? `Synthetic model of ${count} activities`}`,
    'description: Generated for benchmarks.',
    'parties:',
    ...PARTIES.flatMap((party) => [
      `  - id: ${party.id}`,
      `    name: ${party.name}`,
      ...(party.short ? [`    short: ${party.short}`] : []),
    ]),
    '---',
    '',
    '## Responsibility matrix',
  ];
  for (const party of PARTIES) {
    lines.push('', `### ${party.name}`, '');
    let open: string[] = [];
    for (const activity of activities.filter((candidate) => candidate.parties.includes(party.id))) {
      let shared = 0;
      while (shared < open.length && open[shared] === activity.path[shared]) shared++;
      for (let depth = shared; depth < activity.path.length; depth++) {
        lines.push(`${'  '.repeat(depth)}- ${activity.path[depth]}`);
      }
      open = activity.path;
      const indent = '  '.repeat(activity.path.length);
      lines.push(`${indent}- ${activity.title}`);
      if (activity.note && activity.parties[0] === party.id)
        lines.push('', `${indent}  ${activity.note}`, '');
    }
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      activities: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const count = Number(values.activities);
  const out = values.out ?? `bench/.models/model-${count}`;
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, `synthetic-${count}.md`), generateModel(count, Number(values.seed)));
  process.stdout.write(`${path.join(out, `synthetic-${count}.md`)}\n`);
}
