// The one builder of a new request's document, used by the web client, the functions tests and the bench.
import type { Geo, SosRequestCreate, SosSource } from './contract';
import type { SosKind } from './kinds';

export interface SosRequestInput {
  uid: string;
  locationId: string;
  source: SosSource;
  /** Absent: `emergency` for the one-tap source, `other` for the form and QR. */
  kind?: SosKind;
  /** A silent call; written only on the one-tap source. */
  silent?: boolean;
  objectId?: string | null;
  description?: string | null;
  repeatOf?: string | null;
  /** The scanned code; written for `source: 'qr'` only, as the rules require. */
  qrToken?: string | null;
  geo?: Geo;
  /** A visitor's optional call-back phone (the rules admit it on anonymous users' qr requests only). */
  contactPhone?: string | null;
}

/** Exactly the fields the rules accept at create, with the SDK's server-time sentinel as `createdAt`. */
export function sosRequestCreate<ServerTime>(input: SosRequestInput, createdAt: ServerTime): SosRequestCreate<ServerTime> {
  return {
    uid: input.uid,
    locationId: input.locationId,
    objectId: input.objectId ?? null,
    source: input.source,
    kind: input.kind ?? (input.source === 'emergency' ? 'emergency' : 'other'),
    ...(input.source === 'emergency' && input.silent ? { silent: true } : {}),
    description: input.description ?? null,
    repeatOf: input.repeatOf ?? null,
    ...(input.source === 'qr' ? { qrToken: input.qrToken ?? null } : {}),
    ...(input.geo ? { geo: input.geo } : {}),
    ...(input.source === 'qr' && input.contactPhone ? { contactPhone: input.contactPhone } : {}),
    status: 'new',
    createdAt,
  };
}
