import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import {
  LineCounter,
  parseDocument,
  visit,
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
} from 'yaml';
import { z } from 'zod';
import { describeYamlValue, report, type RuleId } from '../model/diagnostics.ts';
import { foldTitle } from '../model/ids.ts';
import { LIMITS } from '../markdown/limits.ts';
import { shortText, text } from './yaml-text.ts';
import { PARTY_ID_PATTERN, type Context, type Level, type Position } from '../model/schema.ts';
import {
  checkContextNames,
  checkLevelNames,
  checkUniqueIds,
  CONTEXT_KEYS,
  ContextInputSchema,
  defaultLevels,
  closestLabel,
  LevelInputSchema,
  toLevel,
} from './vocabulary.ts';

const FRONTMATTER_KEYS = [
  'title',
  'description',
  'version',
  'publisher',
  'source',
  'reviewed',
  'levels',
  'contexts',
  'parties',
];
const PARTY_KEYS = ['id', 'name', 'short', 'scope'];
const LEVEL_KEYS = ['id', 'name', 'short', 'responsible', 'description'];

const PartyInputSchema = z.object(
  {
    id: text('party `id`').regex(PARTY_ID_PATTERN, {
      error: (issue) =>
        `Unexpected party id \`${String(issue.input)}\`, expected lowercase letters, digits and hyphens, starting with a letter (\`${PARTY_ID_PATTERN.source}\`)`,
    }),
    name: shortText('party `name`'),
    short: shortText('party `short`').optional(),
    scope: shortText('party `scope`').optional(),
  },
  {
    error: (issue) =>
      `Unexpected ${describeYamlValue(issue.input)} as a party, expected a mapping with \`id\` and \`name\``,
  },
);

export const FrontmatterSchema = z.object(
  {
    title: shortText('`title`').optional(),
    description: shortText('`description`', LIMITS.descriptionLength).optional(),
    version: shortText('`version`', LIMITS.versionLength).optional(),
    publisher: shortText('`publisher`').optional(),
    source: shortText('`source`')
      .pipe(
        z.url({
          protocol: /^https?$/,
          error: (issue) =>
            `Unexpected \`source\` \`${String(issue.input)}\`, expected the http(s) address where the model is published`,
        }),
      )
      .optional(),
    reviewed: shortText('`reviewed`')
      .regex(/^\d{4}-\d{2}-\d{2}$/, {
        error: (issue) =>
          `Unexpected \`reviewed\` \`${String(issue.input)}\`, expected the date last reviewed as YYYY-MM-DD`,
      })
      .optional(),
    levels: z
      .array(LevelInputSchema, {
        error: (issue) =>
          `Unexpected ${describeYamlValue(issue.input)} for \`levels\`, expected a list of levels (\`- id: …\` with \`name: …\` and \`responsible: true\` or \`false\`)`,
      })
      .min(1, {
        error: 'Unexpected empty `levels` list, expected at least one level, or no `levels`',
      })
      .optional(),
    contexts: z
      .array(ContextInputSchema, {
        error: (issue) =>
          `Unexpected ${describeYamlValue(issue.input)} for \`contexts\`, expected a list of contexts (names, or \`- id: …\` with \`name: …\`)`,
      })
      .optional(),
    parties: z
      .array(PartyInputSchema, {
        error: (issue) =>
          issue.input === undefined
            ? 'Unexpected missing `parties` in frontmatter, expected a list of parties (`- id: …` with `name: …`)'
            : `Unexpected ${describeYamlValue(issue.input)} for \`parties\`, expected a list of parties (\`- id: …\` with \`name: …\`)`,
      })
      .min(1, { error: 'Unexpected empty `parties` list, expected at least one party' }),
  },
  {
    error: (issue) =>
      `Unexpected ${describeYamlValue(issue.input)} as frontmatter, expected a mapping with \`title\` and \`parties\``,
  },
);

export type FrontmatterParty = z.output<typeof PartyInputSchema> & { position: Position };

export interface Frontmatter {
  title?: string;
  description?: string;
  version?: string;
  publisher?: string;
  sourceUrl?: string;
  reviewed?: string;
  levels: Level[];
  contexts: Context[];
  parties: FrontmatterParty[];
}

/**
 * Parse and validate the YAML frontmatter. Every problem is reported at the line of the YAML
 * node it concerns. Returns undefined when the frontmatter cannot be used.
 */
export function readFrontmatter(
  file: VFile,
  node: Yaml | undefined,
  /** The file's text: to tell a frontmatter never closed from one never opened. */
  text = '',
  /** Parties the document seems to have (`{ id: …, name: … }`), to offer when it has no frontmatter. */
  candidates: readonly string[] = [],
): Frontmatter | undefined {
  if (!node && /^---[ \t]*\r?\n/.test(text)) {
    report(
      file,
      'frontmatter-unclosed',
      'Unexpected frontmatter that is never closed, expected a line `---` after its YAML (it is opened on line 1)',
      { line: 1, column: 1 },
    );
    return undefined;
  }
  if (!node) {
    report(
      file,
      'frontmatter-missing',
      `Unexpected missing frontmatter, expected \`---\` on the first line, then YAML with \`title\` and \`parties\`${candidates.length > 0 ? `: from the matrix, perhaps \`parties: [${candidates.join(', ')}]\`` : ''}`,
      { line: 1, column: 1 },
    );
    return undefined;
  }

  const fenceLine = node.position?.start.line ?? 1;
  const lineCounter = new LineCounter();
  // The failsafe schema keeps every scalar as the text the author wrote: `version: 1.10` stays "1.10".
  // yaml's own duplicate-key check compares every key with every other: quadratic, so keys
  // are checked here, in one pass.
  const doc = parseDocument(node.value, {
    schema: 'failsafe',
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
  });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: fenceLine + line, column: col };
  };

  const syntaxError = doc.errors[0];
  if (syntaxError) {
    report(
      file,
      'frontmatter-yaml',
      `Unexpected YAML syntax in frontmatter (${syntaxError.message}), expected valid YAML`,
      at(syntaxError.pos[0]),
    );
    return undefined;
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate !== undefined) {
    report(
      file,
      'frontmatter-yaml',
      'Unexpected YAML syntax in frontmatter (Map keys must be unique), expected valid YAML',
      at(duplicate),
    );
    return undefined;
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report(
      file,
      'frontmatter-yaml',
      `Unexpected YAML in frontmatter (${(error as Error).message}), expected plain YAML`,
      { line: fenceLine + 1, column: 1 },
    );
    return undefined;
  }

  const nodeStart = (path: readonly PropertyKey[]): Position => {
    for (let depth = path.length; depth > 0; depth--) {
      const found = doc.getIn(path.slice(0, depth) as (string | number)[], true);
      if (isNode(found) && found.range) return at(found.range[0]);
    }
    return { line: fenceLine, column: 1 };
  };

  // Unknown keys first: `partys` explains the missing `parties` below it.
  const misspelt = warnUnknownKeys(file, doc, at);
  const parsed = FrontmatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.length === 1 ? String(issue.path[0]) : undefined;
      const typo = key === undefined ? undefined : misspelt.get(key);
      const message = typo
        ? `${issue.message}: \`${typo.key}\` on line ${typo.position.line} may be it`
        : issue.message;
      report(file, ruleFor(issue, data), message, typo?.position ?? nodeStart(issue.path));
    }
    return undefined;
  }

  const parties = parsed.data.parties.map((party, index) => ({
    ...party,
    position: nodeStart(['parties', index]),
  }));
  const levels = parsed.data.levels?.map(toLevel) ?? defaultLevels();
  const contexts = parsed.data.contexts ?? [];
  const unique = [
    checkUniquePartyIds(file, parties, nodeStart),
    checkUniqueIds(file, levels, 'level', (index) => nodeStart(['levels', index])),
    checkUniqueIds(file, contexts, 'context', (index) => nodeStart(['contexts', index])),
    checkLevelNames(file, levels, parties, contexts, (index) => nodeStart(['levels', index])),
    checkContextNames(file, contexts, parties, (index) => nodeStart(['contexts', index])),
  ];
  if (unique.includes(false)) return undefined;

  const { title, description, version, publisher, source, reviewed } = parsed.data;
  return {
    ...(title !== undefined && { title }),
    ...(description !== undefined && { description }),
    ...(version !== undefined && { version }),
    ...(publisher !== undefined && { publisher }),
    ...(source !== undefined && { sourceUrl: source }),
    ...(reviewed !== undefined && { reviewed }),
    levels,
    contexts,
    parties,
  };
}

/** The offset of the first key that repeats one before it in its mapping, if any. */
function firstDuplicateKey(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          found = isNode(pair.key) && pair.key.range ? pair.key.range[0] : map.range?.[0];
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

function ruleFor(issue: z.core.$ZodIssue, data: unknown): RuleId {
  const [key, index, field] = issue.path;
  if (key !== 'parties') return 'frontmatter-invalid';
  if (index === undefined) {
    if (issue.code === 'too_small') return 'parties-empty';
    const parties = (data as { parties?: unknown } | null)?.parties;
    return parties === undefined ? 'parties-missing' : 'parties-not-list';
  }
  return field === 'id' && issue.code !== 'invalid_type' ? 'party-id-invalid' : 'party-invalid';
}

/**
 * Party headings name a party by id, name or short name: two parties may not share any of
 * them (compared as headings are, ignoring case and spacing), or a heading would be ambiguous.
 */
function checkUniquePartyIds(
  file: VFile,
  parties: FrontmatterParty[],
  nodeStart: (path: readonly PropertyKey[]) => Position,
): boolean {
  const seen = new Map<string, { index: number; field: 'id' | 'name' | 'short' }>();
  let unique = true;
  parties.forEach((party, index) => {
    for (const field of ['id', 'name', 'short'] as const) {
      const label = party[field];
      if (label === undefined) continue;
      const first = seen.get(foldTitle(label));
      if (first === undefined) {
        seen.set(foldTitle(label), { index, field });
        continue;
      }
      if (first.index === index) continue;
      unique = false;
      const firstParty = parties[first.index]!;
      const what = field === 'short' ? 'short name' : field;
      report(
        file,
        field === 'id' && first.field === 'id' ? 'party-id-duplicate' : 'party-name-duplicate',
        field === 'id' && first.field === 'id'
          ? `Unexpected duplicate party id \`${party.id}\`, expected each party to have its own id`
          : `Unexpected party ${what} \`${label}\`, which party \`${firstParty.id}\` already has, expected each party's id, name and short name to tell it apart`,
        nodeStart(['parties', index, field]),
        {
          reason: `Party \`${firstParty.id}\` first declared here`,
          place: nodeStart(['parties', first.index, first.field]),
        },
      );
    }
  });
  return unique;
}

/**
 * Warn at every key Onus does not know, suggesting the closest known one. Returns the
 * top-level keys that look like a misspelt known key, by the key they look like.
 */
function warnUnknownKeys(
  file: VFile,
  doc: Document,
  at: (offset: number) => Position,
): Map<string, { key: string; position: Position }> {
  const misspelt = new Map<string, { key: string; position: Position }>();
  const check = (map: unknown, known: string[], where: string) => {
    if (!isMap(map)) return;
    const names = map.items.map((pair) =>
      isNode(pair.key) ? String(pair.key.toJSON()) : String(pair.key),
    );
    // A typo is meant as a key the map lacks: compared with those only, once per map.
    const present = new Set(names);
    const missing = known.filter((name) => !present.has(name));
    map.items.forEach((pair, index) => {
      const key = names[index]!;
      if (known.includes(key)) return;
      const offset = isNode(pair.key) && pair.key.range ? pair.key.range[0] : 0;
      const closest = closestLabel(key.toLowerCase(), missing);
      if (closest && map === doc.contents) misspelt.set(closest, { key, position: at(offset) });
      report(
        file,
        'frontmatter-unknown-key',
        closest
          ? `Unexpected key \`${key}\` ${where}, did you mean \`${closest}\`?`
          : `Unexpected key \`${key}\` ${where}, expected one of ${known.map((name) => `\`${name}\``).join(', ')}`,
        at(offset),
      );
    });
  };
  check(doc.contents, FRONTMATTER_KEYS, 'in frontmatter');
  const lists: Array<[string, string[], string]> = [
    ['parties', PARTY_KEYS, 'on a party'],
    ['levels', LEVEL_KEYS, 'on a level'],
    ['contexts', CONTEXT_KEYS, 'on a context'],
  ];
  for (const [key, known, where] of lists) {
    const list = doc.get(key, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      // `- IaaS: Infrastructure as a Service`: a context's name and what it means, not a key.
      if (key === 'contexts' && isMap(item) && item.items.length === 1) {
        const only = item.items[0]!.key;
        if (!CONTEXT_KEYS.includes(String(isScalar(only) ? only.value : only))) continue;
      }
      check(item, known, where);
    }
  }
  return misspelt;
}
