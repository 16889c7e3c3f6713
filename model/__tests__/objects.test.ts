import { describe, expect, it } from 'vitest';
import { objectPathLabel, objectTreeRows, parentCandidates, selectableObjectOptions, subtreeIds, type ObjectWithId } from '../src';

const object = (id: string, name: string, parentId: string | null, selectable = true): ObjectWithId => ({
  id,
  name,
  kind: 'room',
  parentId,
  selectable,
});

const OBJECTS: ObjectWithId[] = [
  object('a', 'Корпус А', null, false),
  object('a2', '2 этаж', 'a', false),
  object('a1', '1 этаж', 'a', false),
  object('a2-204', 'Переговорная 204', 'a2'),
  object('a1-cafe', 'Кафе', 'a1'),
  object('a1-hall', 'Холл', 'a1'),
];

describe('objectPathLabel', () => {
  const byId = new Map(OBJECTS.map((item) => [item.id, item]));
  it('names an object by its path from the top', () => {
    expect(objectPathLabel(byId, 'a2-204')).toBe('Корпус А / 2 этаж / Переговорная 204');
    expect(objectPathLabel(byId, 'a')).toBe('Корпус А');
  });
  it('stops at a missing parent and survives a cycle', () => {
    const broken = new Map<string, ObjectWithId>([
      ['x', object('x', 'X', 'gone')],
      ['p', object('p', 'P', 'q')],
      ['q', object('q', 'Q', 'p')],
    ]);
    expect(objectPathLabel(broken, 'x')).toBe('X');
    expect(objectPathLabel(broken, 'p')).toBe('Q / P');
    expect(objectPathLabel(broken, 'unknown')).toBe('');
  });
});

describe('selectableObjectOptions', () => {
  it('lists only selectable objects, by path, sorted', () => {
    expect(selectableObjectOptions(OBJECTS)).toEqual([
      { id: 'a1-cafe', label: 'Корпус А / 1 этаж / Кафе' },
      { id: 'a1-hall', label: 'Корпус А / 1 этаж / Холл' },
      { id: 'a2-204', label: 'Корпус А / 2 этаж / Переговорная 204' },
    ]);
  });
});

describe('object tree for the admin', () => {
  it('flattens the tree depth-first with children sorted by name', () => {
    expect(objectTreeRows(OBJECTS).map((row) => `${row.depth}:${row.object.id}`)).toEqual(['0:a', '1:a1', '2:a1-cafe', '2:a1-hall', '1:a2', '2:a2-204']);
  });
  it('keeps orphans and members of a cycle visible', () => {
    const rows = objectTreeRows([object('x', 'X', 'gone'), object('p', 'P', 'q'), object('q', 'Q', 'p')]);
    expect(rows.map((row) => row.object.id).sort()).toEqual(['p', 'q', 'x']);
  });
  it('never offers an object or its subtree as its own new parent', () => {
    expect([...subtreeIds(OBJECTS, 'a1')].sort()).toEqual(['a1', 'a1-cafe', 'a1-hall']);
    expect(parentCandidates(OBJECTS, 'a1').map((item) => item.id)).toEqual(['a', 'a2', 'a2-204']);
    expect(parentCandidates(OBJECTS, null)).toHaveLength(OBJECTS.length);
  });
});
