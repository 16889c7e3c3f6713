import type { LocationObject } from './contract';

export type ObjectWithId = LocationObject & { id: string };

/** "Корпус А / 2 этаж / Переговорная 204": the object's path from the top of the tree. Cycle-safe. */
export function objectPathLabel(objects: ReadonlyMap<string, LocationObject>, objectId: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let current: string | null = objectId;
  while (current && !seen.has(current)) {
    seen.add(current);
    const object = objects.get(current);
    if (!object) break;
    names.unshift(object.name);
    current = object.parentId;
  }
  return names.join(' / ');
}

/** The objects a resident can pick in the form, labelled by path and sorted by it. */
export function selectableObjectOptions(objects: readonly ObjectWithId[]): { id: string; label: string }[] {
  const byId = new Map<string, LocationObject>(objects.map((object) => [object.id, object]));
  return objects
    .filter((object) => object.selectable)
    .map((object) => ({ id: object.id, label: objectPathLabel(byId, object.id) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ru'));
}
