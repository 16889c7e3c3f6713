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

/** The ids of an object and everything below it (cycle-safe). */
export function subtreeIds(objects: readonly ObjectWithId[], objectId: string): Set<string> {
  const ids = new Set<string>([objectId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const object of objects) {
      if (object.parentId && ids.has(object.parentId) && !ids.has(object.id)) {
        ids.add(object.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Where an object may be moved: anywhere but itself and its own subtree (no cycles). */
export function parentCandidates(objects: readonly ObjectWithId[], objectId: string | null): ObjectWithId[] {
  const excluded = objectId ? subtreeIds(objects, objectId) : new Set<string>();
  return objects.filter((object) => !excluded.has(object.id));
}

export interface TreeRow {
  object: ObjectWithId;
  depth: number;
}

/** The tree flattened depth-first, children by name; objects whose parent is missing show at the top. */
export function objectTreeRows(objects: readonly ObjectWithId[]): TreeRow[] {
  const ids = new Set(objects.map((object) => object.id));
  const children = new Map<string | null, ObjectWithId[]>();
  for (const object of objects) {
    const parent = object.parentId && ids.has(object.parentId) ? object.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), object]);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null, depth: number) => {
    const list = [...(children.get(parentId) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    for (const object of list) {
      if (seen.has(object.id)) continue;
      seen.add(object.id);
      rows.push({ object, depth });
      visit(object.id, depth + 1);
    }
  };
  visit(null, 0);
  // A cycle has no root: show its members at the top rather than lose them.
  for (const object of objects) {
    if (seen.has(object.id)) continue;
    seen.add(object.id);
    rows.push({ object, depth: 0 });
    visit(object.id, 1);
  }
  return rows;
}
