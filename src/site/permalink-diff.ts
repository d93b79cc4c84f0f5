import type { Model, Position } from '../model/index.ts';
import { permalinksOf, type Permalink, type PermalinkFile } from './permalinks.ts';

export interface PermalinkProblem {
  ruleId: 'permalink-removed' | 'permalink-changed' | 'permalink-retitled';
  severity: 'error' | 'info';
  reason: string;
  place?: Position;
}

const NOUN = { activity: 'activity', area: 'area', party: 'party' } as const;

/**
 * What an older site promised (its permalinks.json) that the model no longer keeps: a
 * permalink gone (neither an id nor a former id any more) or now naming another kind of
 * thing. A retitled item whose link still works is only mentioned.
 */
/**
 * Whether `old` is the permalinks.json of another model: a different model id, and fewer
 * than half of its ids known here (a renamed file keeps its ids). Then comparing would
 * report every permalink removed; the message says what happened instead.
 */
export function otherModel(old: PermalinkFile, model: Model): string | undefined {
  if (old.model === model.id) return undefined;
  const known = new Set(
    permalinksOf(model, undefined, '/').permalinks.flatMap((permalink) => [
      permalink.id,
      ...(permalink.formerIds ?? []),
    ]),
  );
  const found = old.permalinks.filter((permalink) => known.has(permalink.id)).length;
  if (found * 2 >= old.permalinks.length) return undefined;
  return `Unexpected permalinks of another model, \`${old.model}\` (${found} of its ${old.permalinks.length} ids are in this one), expected the permalinks.json of an earlier build of \`${model.id}\``;
}

export function comparePermalinks(old: PermalinkFile, model: Model): PermalinkProblem[] {
  const current = permalinksOf(model, undefined, '/').permalinks;
  const byId = new Map(current.map((permalink) => [permalink.id, permalink]));
  const formerly = new Map(
    current.flatMap((permalink) =>
      (permalink.formerIds ?? []).map((id) => [id, permalink] as const),
    ),
  );
  const oldIds = new Set(old.permalinks.map((permalink) => permalink.id));
  const positions = positionsOf(model);

  const problems: PermalinkProblem[] = [];
  for (const before of old.permalinks) {
    const what = `${NOUN[before.kind]} \`${before.title}\` (\`${before.id}\`)`;
    const missing = [before.id, ...(before.formerIds ?? [])].filter(
      (id) => !byId.has(id) && !formerly.has(id),
    );
    const now = byId.get(before.id) ?? formerly.get(before.id);
    if (!now) {
      const successor = likelySuccessor(before, current, oldIds);
      const former = `former=${missing.join(',')}`;
      const advice =
        before.kind === 'party'
          ? 'expected every published party id to stay'
          : successor
            ? `expected it to stay: if \`${successor.title}\` replaces it, write \`{#${successor.id} ${former}}\` on it`
            : `expected it to stay: write \`${former}\` in the \`{#id …}\` of the item that replaces it`;
      problems.push({
        ruleId: 'permalink-removed',
        severity: 'error',
        reason: `Unexpected removal of the permalink of ${what}, ${advice}`,
        ...placed(positions.get(successor?.id ?? before.area ?? '')),
      });
    } else if (missing.length > 0) {
      problems.push({
        ruleId: 'permalink-removed',
        severity: 'error',
        reason: `Unexpected removal of the former ${missing.length === 1 ? 'id' : 'ids'} ${missing.map((id) => `\`${id}\``).join(', ')} of ${what}, expected links to them to keep leading there: keep \`former=${missing.join(',')}\``,
        ...placed(positions.get(now.id)),
      });
    } else if (now.kind !== before.kind) {
      problems.push({
        ruleId: 'permalink-changed',
        severity: 'error',
        reason: `Unexpected ${NOUN[now.kind]} at the permalink of ${what}, expected an ${NOUN[before.kind]}: links to it now lead elsewhere`,
        ...placed(positions.get(now.id)),
      });
    } else if (now.title !== before.title && now.id === before.id) {
      problems.push({
        ruleId: 'permalink-retitled',
        severity: 'info',
        reason: `The ${NOUN[before.kind]} \`${before.id}\` was \`${before.title}\` and is now \`${now.title}\`; its link still works`,
        ...placed(positions.get(now.id)),
      });
    }
  }
  return problems;
}

/** A new item of the same kind in the same area is the likely rename, when it is the only one. */
function likelySuccessor(
  before: Permalink,
  current: readonly Permalink[],
  oldIds: ReadonlySet<string>,
): Permalink | undefined {
  const candidates = current.filter(
    (permalink) =>
      permalink.kind === before.kind && permalink.area === before.area && !oldIds.has(permalink.id),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

function positionsOf(model: Model): Map<string, Position> {
  return new Map(
    [...model.areas, ...model.activities, ...model.parties].map((item) => [item.id, item.position]),
  );
}

function placed(position: Position | undefined): { place?: Position } {
  return position ? { place: position } : {};
}
