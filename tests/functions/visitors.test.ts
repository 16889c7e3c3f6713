// Visitors at a QR code against the real emulators: anonymous sign-in, the trigger's code check, flood grouping.
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import { doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { refs } from '../../functions/src/firestore';
import { newRequestId, signInAsVisitor, type ClientSession } from './clients';
import { waitForDoc, waitProcessed } from './admin';
import { createResponseSite, deliveriesOf, type ResponseSite } from './fixtures';

const OBJECT = 'lobby';
let site: ResponseSite;
let token: string;
const visitors: ClientSession[] = [];

async function askForHelp(visitor: ClientSession, contactPhone?: string): Promise<string> {
  const requestId = newRequestId();
  await setDoc(doc(visitor.db, 'sosRequests', requestId), {
    uid: visitor.uid,
    locationId: site.locationId,
    objectId: OBJECT,
    source: 'qr',
    description: null,
    repeatOf: null,
    qrToken: token,
    ...(contactPhone ? { contactPhone } : {}),
    status: 'new',
    createdAt: serverTimestamp(),
  });
  return requestId;
}

beforeAll(async () => {
  site = await createResponseSite(2);
  token = `qr-${randomUUID()}`;
  await Promise.all([
    refs.object(site.locationId, OBJECT).set({ name: 'Холл', kind: 'zone', parentId: null, qrToken: token, selectable: true }),
    refs.qrCode(token).set({ locationId: site.locationId, objectId: OBJECT, active: true }),
  ]);
  visitors.push(...(await Promise.all(Array.from({ length: 6 }, () => signInAsVisitor()))));
});

afterAll(async () => {
  await Promise.all(visitors.map((v) => v.close()));
});

describe('visitors at a QR code', () => {
  it(
    'ask for help without an account: staff see «Посетитель» with the phone; later ones at the code within 10 minutes join the first',
    { timeout: 120_000 },
    async () => {
      const first = await askForHelp(visitors[0]!, '+7 912 345-67-89');
      const opened = await waitProcessed(first);
      expect(opened).toMatchObject({ status: 'open', objectName: 'Холл', requester: { name: 'Посетитель', phone: '+7 912 345-67-89', visitor: true } });
      expect(opened.grouped).toBeUndefined();
      expect((await refs.order(visitors[0]!.uid, first).get()).data()).toMatchObject({ status: 'open', objectName: 'Холл' });
      await waitForDoc(refs.event(first, 'notified-open'), (e) => e !== undefined, 'first open push');
      expect(await deliveriesOf(first, 'open')).toMatchObject({ [`${site.tier1.uid}/ok`]: 'emulated' });

      // Five more at once: each joins the first one's response (grouped: no push or escalation of its own).
      const rest = await Promise.all(visitors.slice(1).map((v) => askForHelp(v)));
      const processed = await Promise.all(rest.map((id) => waitProcessed(id, 60_000)));
      expect(processed.map((r) => r.status)).toEqual(Array<string>(5).fill('open'));
      expect(processed.map((r) => [r.grouped, r.groupOf])).toEqual(Array(5).fill([true, first]));
      const all = [first, ...rest];
      const byTime = (await Promise.all(all.map(async (id) => ({ id, r: (await refs.sosRequest(id).get()).data()! })))).sort(
        (a, b) => a.r.createdAt.toMillis() - b.r.createdAt.toMillis() || a.id.localeCompare(b.id),
      );
      await waitForDoc(refs.event(first, 'escalated-1'), (e) => e !== undefined, 'escalation of the first', 60_000);
      for (const id of rest) {
        expect((await refs.event(id, 'notified-open').get()).exists).toBe(false);
        expect((await refs.event(id, 'escalated-1').get()).exists).toBe(false);
        expect(await deliveriesOf(id, 'open')).toEqual({});
      }

      await Promise.all(
        byTime.map(({ id, r }) =>
          updateDoc(doc(visitors.find((v) => v.uid === r.uid)!.db, 'sosRequests', id), { status: 'cancelled', cancelledAt: serverTimestamp() }),
        ),
      );
    },
  );

  it('a request whose code was revoked or does not match by the time the trigger runs is rejected', { timeout: 60_000 }, async () => {
    // Written with the Admin SDK as the rules would have admitted it a moment before the code changed.
    const revoked = `qr-${randomUUID()}`;
    await refs.qrCode(revoked).set({ locationId: site.locationId, objectId: OBJECT, active: false });
    const base = {
      uid: `visitor-${randomUUID()}`,
      locationId: site.locationId,
      objectId: OBJECT,
      source: 'qr' as const,
      description: null,
      repeatOf: null,
      status: 'new' as const,
      createdAt: Timestamp.now(),
    };
    const revokedId = newRequestId();
    const mismatchedId = newRequestId();
    await Promise.all([
      refs.sosRequest(revokedId).set({ ...base, qrToken: revoked }),
      refs.sosRequest(mismatchedId).set({ ...base, objectId: 'elsewhere', qrToken: token }),
    ]);
    expect(await waitProcessed(revokedId)).toMatchObject({ status: 'rejected', rejectReason: 'qr-revoked' });
    expect((await waitProcessed(mismatchedId)).status).toBe('rejected');
  });
});
