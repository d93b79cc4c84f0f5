import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import type { ActivityDraft, AreaDraft, ItemDraft, Located } from './drafts.ts';
import { deriveId } from './ids.ts';

/**
 * Give every area and activity its id — explicit, or derived from its parent's id and its
 * title — and check that ids and former ids name one item each: a permalink cannot lead to
 * two places. Areas come before their activities and parents before children, so a parent's
 * id is known when a child's is derived.
 */
export function assignIds(
  file: VFile,
  areas: readonly AreaDraft[],
  activities: readonly ActivityDraft[],
): void {
  const owners = new Map<
    string,
    { draft: ItemDraft; at: Located['position']; explicit: boolean }
  >();
  for (const draft of [...areas, ...activities]) {
    const parent = draft.kind === 'area' ? draft.parent : draft.area;
    draft.id = draft.explicitId?.id ?? deriveId(parent?.id ?? null, draft.title);
    const at = draft.explicitId?.position ?? draft.position;
    const owner = owners.get(draft.id);
    if (!owner) {
      owners.set(draft.id, { draft, at, explicit: draft.explicitId !== undefined });
      continue;
    }
    const related = {
      reason: `\`${draft.id}\` is first the id of \`${owner.draft.title}\``,
      place: owner.at,
    };
    if (draft.explicitId && owner.explicit) {
      report(
        file,
        'id-duplicate',
        `Unexpected duplicate id \`{#${draft.id}}\` on \`${draft.title}\`, expected each id on one item only`,
        at,
        related,
      );
    } else {
      report(
        file,
        'id-collision',
        `Unexpected id \`${draft.id}\` for \`${draft.title}\`, which another item already has, expected unique ids: give one of them an explicit \`{#id}\``,
        at,
        related,
      );
    }
  }

  const formerOwners = new Map<string, { draft: ItemDraft; at: Located['position'] }>();
  for (const draft of [...areas, ...activities]) {
    for (const former of draft.formerIds) {
      const current = owners.get(former.id);
      const earlier = formerOwners.get(former.id);
      if (current) {
        report(
          file,
          'id-duplicate',
          `Unexpected former id \`${former.id}\` on \`${draft.title}\`, which is the id of \`${current.draft.title}\`: its link cannot lead to both`,
          former.position,
          { reason: `\`${former.id}\` is the id of \`${current.draft.title}\``, place: current.at },
        );
      } else if (earlier && earlier.draft !== draft) {
        report(
          file,
          'id-duplicate',
          `Unexpected former id \`${former.id}\` on \`${draft.title}\`, which is already a former id of \`${earlier.draft.title}\``,
          former.position,
          { reason: `\`${former.id}\` first given here`, place: earlier.at },
        );
      } else {
        formerOwners.set(former.id, { draft, at: former.position });
      }
    }
  }
}
