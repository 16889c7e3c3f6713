// What kind of help a request asks for, and how urgent that is (PRODUCT.md "Contract additions → Kinds"): one table
// that the rules, the trigger, the staff queue, the dashboard, the pushes and the statistics all read.
import type { SosSource } from './contract';

export const SOS_KINDS = ['emergency', 'medical', 'fire', 'security', 'lift', 'leak', 'other'] as const;
export type SosKind = (typeof SOS_KINDS)[number];

/** The kinds the form and the QR screen offer; `emergency` is the one-tap call, always there besides them. */
export const FORM_KINDS = ['medical', 'fire', 'security', 'lift', 'leak', 'other'] as const satisfies readonly SosKind[];
export type FormKind = (typeof FORM_KINDS)[number];

/** Most urgent first: the staff queue and the dashboard sort by this order, then by time. */
export const PRIORITIES = ['urgent', 'high', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const KIND_PRIORITY: Readonly<Record<SosKind, Priority>> = {
  fire: 'urgent',
  medical: 'urgent',
  security: 'urgent',
  emergency: 'urgent',
  lift: 'high',
  leak: 'high',
  other: 'normal',
};

/** The location's emergency services number when it sets none. */
export const DEFAULT_EMERGENCY_NUMBER = '112';
export const MAX_EMERGENCY_NUMBER_LENGTH = 15;
/** Digits, optionally a leading +: what a `tel:` link dials. */
export const EMERGENCY_NUMBER_PATTERN = /^\+?[0-9]{2,15}$/;

/** How long the SOS button is held for a silent call (with a visible fill, so it is never sent by accident). */
export const SILENT_HOLD_MS = 2_000;

export const isSosKind = (value: unknown): value is SosKind => (SOS_KINDS as readonly unknown[]).includes(value);
export const isFormKind = (value: unknown): value is FormKind => (FORM_KINDS as readonly unknown[]).includes(value);

/** The request's kind; a request stored without one (made before kinds) reads as `emergency` (one-tap) or `other`. */
export function kindOf(request: { kind?: unknown; source: SosSource | string }): SosKind {
  if (isSosKind(request.kind)) return request.kind;
  return request.source === 'emergency' ? 'emergency' : 'other';
}

export const priorityOf = (kind: SosKind): Priority => KIND_PRIORITY[kind];
export const isUrgent = (kind: SosKind): boolean => KIND_PRIORITY[kind] === 'urgent';
/** 0 for the most urgent: for sorting. */
export const priorityRank = (kind: SosKind): number => PRIORITIES.indexOf(KIND_PRIORITY[kind]);

/** Whether a kind may be written with a source: `emergency` with the one-tap source only, the others with the form and QR. */
export function kindFitsSource(kind: SosKind, source: SosSource): boolean {
  return source === 'emergency' ? kind === 'emergency' : kind !== 'emergency';
}

/** The form and QR kinds a location offers, in its order (every kind, in the table's order, when it sets none). */
export function offeredKinds(location: { kinds?: readonly unknown[] | null } | null | undefined): FormKind[] {
  const chosen = location?.kinds;
  if (!Array.isArray(chosen)) return [...FORM_KINDS];
  return chosen.filter((kind, index): kind is FormKind => isFormKind(kind) && chosen.indexOf(kind) === index);
}

export const emergencyNumberOf = (location: { emergencyNumber?: string | null } | null | undefined): string =>
  location?.emergencyNumber || DEFAULT_EMERGENCY_NUMBER;

export type KindsSettingError = 'empty' | 'unknown-kind' | 'repeated-kind';
export type EmergencyNumberError = 'not-a-number';

/** An admin's choice of offered kinds: at least one, each a form kind, none twice. */
export function validateOfferedKinds(kinds: readonly unknown[]): KindsSettingError | null {
  if (kinds.length === 0) return 'empty';
  if (!kinds.every(isFormKind)) return 'unknown-kind';
  if (new Set(kinds).size !== kinds.length) return 'repeated-kind';
  return null;
}

export function validateEmergencyNumber(value: string): EmergencyNumberError | null {
  return EMERGENCY_NUMBER_PATTERN.test(value) ? null : 'not-a-number';
}

/** Most urgent first, then oldest first. */
export function byPriorityThenTime<T extends { kind?: unknown; source: SosSource | string; createdAt: { toMillis(): number } }>(a: T, b: T): number {
  return priorityRank(kindOf(a)) - priorityRank(kindOf(b)) || a.createdAt.toMillis() - b.createdAt.toMillis();
}
