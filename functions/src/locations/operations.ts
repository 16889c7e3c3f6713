// What `createLocation` does: parse, read, decide (decisions.ts), write. The caller's claims are read fresh from Auth.
import type { CreateLocationResult } from '@sos/model';
import { FieldValue, db, peopleRefs, refs } from '../firestore';
import { locationLogs } from '../logs';
import { localeOf } from '../notify/texts';
import { adminRosterEntry } from '../people/adminRoster';
import { currentClaims, writeClaims } from '../people/claims';
import { nextHomeLocation } from '../people/decisions';
import { decideCreateLocation, newLocationId, parseCreateLocation } from './decisions';

/**
 * One transaction makes the location (its creator its one admin), their membership, their roster entry (off duty) and
 * the profile's `locationIds`; then the claims, as an accepted invitation does. A replay writes only claims it lacks.
 */
export async function createLocation(callerUid: string, data: unknown): Promise<CreateLocationResult> {
  const draft = parseCreateLocation(data);
  const caller = await currentClaims(callerUid);
  const locationId = newLocationId(callerUid, draft.requestId);
  const decision = await db.runTransaction(async (tx) => {
    const locationRef = refs.location(locationId);
    const profileRef = peopleRefs.profile(callerUid);
    const [locationSnap, profileSnap] = await Promise.all([tx.get(locationRef), tx.get(profileRef)]);
    const decided = decideCreateLocation({ uid: callerUid, locationId, caller: caller.claims, existing: locationSnap.data() });
    if (decided.kind === 'replay') return decided;
    const profile = profileSnap.data();
    const name = profile?.displayName || caller.displayName;
    const phone = profile?.phone ?? caller.phone;
    const { locationIds } = decided.claims;
    tx.create(locationRef, { ...draft.settings, admins: [callerUid], createdBy: callerUid });
    tx.set(profileRef, { displayName: name, phone, locationIds, homeLocationId: nextHomeLocation(profile?.homeLocationId, locationIds) }, { merge: true });
    tx.create(peopleRefs.member(locationId, callerUid), {
      name,
      phone,
      locale: localeOf(profile?.locale),
      role: 'admin',
      joinedAt: FieldValue.serverTimestamp(),
    });
    tx.create(refs.staffMember(locationId, callerUid), adminRosterEntry(name, phone));
    return decided;
  });
  if (decision.kind === 'replay') {
    if (decision.claimsMissing) await writeClaims(callerUid, { role: 'admin', locationIds: [...caller.claims.locationIds, locationId] });
    locationLogs.locationReplayed(locationId, callerUid);
    return { locationId };
  }
  await writeClaims(callerUid, decision.claims);
  locationLogs.locationCreated(locationId, callerUid);
  return { locationId };
}
