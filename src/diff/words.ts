import type { Change, Release } from './changes.ts';

/** A change in words: what it is about, and what it says of it; old and new texts apart. */
export interface ChangeWords {
  about: string;
  says: string;
  /** Texts too long for a line (a note, a description): shown before and after. */
  before?: string;
  after?: string;
}

const list = (value: Change['from']) =>
  value === undefined ? '' : typeof value === 'string' ? value : value.join(', ');
const path = (value: Change['from']) =>
  value === undefined || value.length === 0
    ? 'the top'
    : typeof value === 'string'
      ? value
      : value.join(' › ');

/** Kinds whose old and new texts are long Markdown, shown apart rather than on the line. */
const TEXTS = new Set<Change['kind']>(['note', 'condition', 'footnotes', 'description', 'fields']);

/**
 * A change in words; seen from one party's side, an activity added or removed says how that
 * party holds it, else how each party does.
 */
export function changeWords(change: Change, view: WordsView): ChangeWords {
  const about = change.activity
    ? `${change.activity.title} [${change.activity.id}]`
    : change.subject
      ? `${change.subject.title} [${change.subject.id}]`
      : '';
  if (TEXTS.has(change.kind)) {
    const which =
      change.from === undefined ? 'added' : change.to === undefined ? 'removed' : 'changed';
    return {
      about,
      says: `${change.kind} ${which}`,
      ...(change.from !== undefined && { before: list(change.from) }),
      ...(change.to !== undefined && { after: list(change.to) }),
    };
  }
  return { about, says: says(change, view) };
}

/** Whose side a change is told from, and the parties' names. */
export interface WordsView {
  party?: string;
  names: ReadonlyMap<string, string>;
}

function holdingsText(change: Change, view: WordsView): string {
  return (change.holdings ?? [])
    .filter((holding) => !view.party || holding.party === view.party)
    .map((holding) =>
      view.party
        ? holding.holds
        : `${view.names.get(holding.party) ?? holding.party} ${holding.holds}`,
    )
    .join('; ');
}

function says(change: Change, view: WordsView): string {
  const where = change.contexts ? ` in ${change.contexts.join(', ')}` : '';
  switch (change.kind) {
    case 'added':
      return `new${change.to ? ` in ${path(change.to)}` : ''}, held: ${holdingsText(change, view)}`;
    case 'removed':
      return `gone${change.from ? ` from ${path(change.from)}` : ''}, was held: ${holdingsText(change, view)}${change.hint ? `; ${change.hint}` : ''}`;
    case 'renamed':
      return `renamed from “${list(change.from)}”`;
    case 'id-changed':
      return `new id, was \`${list(change.from)}\` (its links still lead here)`;
    case 'moved':
      return `moved from ${path(change.from)} to ${path(change.to)}`;
    case 'activity-contexts':
      return `exists in ${list(change.to) || 'every context'}, was ${list(change.from) || 'every context'}`;
    case 'references':
      return `references now ${list(change.to) || 'none'}, were ${list(change.from) || 'none'}`;
    case 'gained':
      return `now held: ${list(change.to)}`;
    case 'lost':
      return `no longer held, was ${list(change.from)}`;
    case 'level':
      return `${list(change.from)} → ${list(change.to)}${where}`;
    case 'contexts':
      return `held in ${list(change.to) || 'every context'}, was ${list(change.from) || 'every context'}`;
    case 'metadata':
      return `${change.field}: ${change.from ?? '(none)'} → ${change.to ?? '(none)'}`;
    case 'model-added':
    case 'area-added':
    case 'party-added':
    case 'level-added':
    case 'context-added':
      return `new ${change.kind.slice(0, change.kind.indexOf('-'))}`;
    case 'model-removed':
    case 'area-removed':
    case 'party-removed':
    case 'level-removed':
    case 'context-removed':
      return `${change.kind.slice(0, change.kind.indexOf('-'))} gone`;
    case 'area-renamed':
    case 'party-renamed':
    case 'context-renamed':
      return `${change.kind.slice(0, change.kind.indexOf('-'))} renamed from “${list(change.from)}”`;
    case 'level-changed':
      return `level, was “${list(change.from)}”`;
    default:
      return `${list(change.from)} → ${list(change.to)}`;
  }
}

/** `1.0 (reviewed 2025-01-10)`, or what stands for a release without a version. */
export function releaseName(release: Release | null): string {
  if (!release) return 'none';
  const version = release.version ?? 'no version';
  return release.reviewed ? `${version} (reviewed ${release.reviewed})` : version;
}

/**
 * The changes that concern a party: what it gained, lost or holds otherwise, and the
 * activities added or removed that it holds.
 */
export function changesFor(changes: readonly Change[], party: string): Change[] {
  return changes.filter(
    (change) =>
      change.party?.id === party ||
      change.holdings?.some((holding) => holding.party === party) ||
      (change.kind.startsWith('party-') && change.subject?.id === party),
  );
}

const MODEL_KINDS = new Set<Change['kind']>(['metadata', 'model-added', 'model-removed']);

/** A heading's changes: for one party, or the activities', or the model's. */
export interface ChangeGroup {
  heading: string;
  /** The party whose side the changes are told from. */
  party?: { id: string; title: string };
  changes: Change[];
}

/**
 * The changes grouped as a reader asks for them: what changed for each party first ("what
 * changed for the customer"), then the activities themselves, then the model around them.
 * Empty groups are left out.
 */
export function groupChanges(
  changes: readonly Change[],
  parties: ReadonlyArray<{ id: string; title: string }>,
): ChangeGroup[] {
  const groups: ChangeGroup[] = [
    ...parties.map((party) => ({
      heading: `For ${party.title}`,
      party,
      changes: changesFor(changes, party.id),
    })),
    {
      heading: 'Activities',
      changes: changes.filter((change) => change.activity && !change.party),
    },
    {
      heading: 'The model',
      changes: changes.filter(
        (change) => !change.activity && (MODEL_KINDS.has(change.kind) || change.subject),
      ),
    },
  ];
  return groups.filter((group) => group.changes.length > 0);
}
