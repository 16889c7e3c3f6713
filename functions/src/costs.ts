// Counts the Firestore reads and writes the backend makes, by kind, for `npm run bench`.
const reads = new Map<string, number>();
const writes = new Map<string, number>();

export function countRead(...kinds: string[]): void {
  for (const kind of kinds) reads.set(kind, (reads.get(kind) ?? 0) + 1);
}

export function countWrite(...kinds: string[]): void {
  for (const kind of kinds) writes.set(kind, (writes.get(kind) ?? 0) + 1);
}

/** A query is billed one read per document returned, and one when it returns none. */
export function countQuery(kind: string, size: number): void {
  for (let i = 0; i < Math.max(1, size); i++) countRead(kind);
}

export function costReport(): { reads: Record<string, number>; writes: Record<string, number> } {
  return { reads: Object.fromEntries(reads), writes: Object.fromEntries(writes) };
}

export function resetCosts(): void {
  reads.clear();
  writes.clear();
}
