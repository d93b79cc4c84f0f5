import type { Model } from '../model/index.ts';
import type { Diff, ModelChanges } from './changes.ts';
import { compareModels, partiesOf, release } from './compare.ts';

/**
 * The changes between two releases of a library, model by model (by id), in the newer
 * release's order, then the models gone. One model on each side is the same model whatever its
 * id: a file renamed between releases is still the one model being compared.
 */
export function compareLibraries(from: readonly Model[], to: readonly Model[]): Diff {
  if (from.length === 1 && to.length === 1) {
    return { schemaVersion: 1, models: [compareModels(from[0]!, to[0]!)] };
  }
  const before = new Map(from.map((model) => [model.id, model]));
  const after = new Set(to.map((model) => model.id));
  const models: ModelChanges[] = to.map((model) => {
    const old = before.get(model.id);
    if (old) return compareModels(old, model);
    return {
      id: model.id,
      from: null,
      to: release(model),
      parties: partiesOf(null, model),
      changes: [{ kind: 'model-added', subject: { id: model.id, title: model.title } }],
    };
  });
  for (const model of from) {
    if (after.has(model.id)) continue;
    models.push({
      id: model.id,
      from: release(model),
      to: null,
      parties: partiesOf(model, null),
      changes: [{ kind: 'model-removed', subject: { id: model.id, title: model.title } }],
    });
  }
  return { schemaVersion: 1, models };
}
