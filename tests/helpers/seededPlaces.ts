// After `seed()`: the wall codes' places, which functions project anew (the seed's `set` leaves a code without one).
import { FieldPath, getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import { DEMO_OBJECTS } from '../../scripts/demo-data';
import { useEmulators } from '../../scripts/seed';
import { waitFor } from './emulators';

/**
 * Resolves once every demo code has its place again: the wall screen and its first paint show it, and a browser test
 * or a Lighthouse run that visits a code right after the seed would otherwise race the triggers, which take seconds to
 * start on a fresh Functions emulator.
 */
export async function seededPlacesProjected(timeoutMs = 60_000): Promise<void> {
  useEmulators();
  const tokens = DEMO_OBJECTS.flatMap((object) => (object.qrToken ? [object.qrToken] : []));
  const codes = getFirestore().collection(paths.qrCodes()).where(FieldPath.documentId(), 'in', tokens);
  await waitFor(
    (next, fail) => codes.onSnapshot((snapshot) => next(snapshot.docs.filter((code) => code.get('place') !== undefined).length), fail),
    (projected) => projected === tokens.length,
    timeoutMs,
    `the places of the ${tokens.length} demo codes`,
  );
}
