// The dispatch document follows the roster, the location's admins and the devices of the people it lists, and a new
// request pushes whom it has on duty: against the real emulators (triggers on the Admin SDK's writes). Shifts and
// overrides: shiftsDuty.test.ts.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timestamp } from 'firebase-admin/firestore';
import type { Dispatch } from '@sos/model';
import { refs } from '../../functions/src/firestore';
import { createRequest, signIn, type ClientSession } from './clients';
import { waitForDoc } from './admin';
import { createResponseSite, deliveriesOf, SITE_PASSWORD, type ResponseSite } from './fixtures';

let site: ResponseSite;
let resident: ClientSession;

beforeAll(async () => {
  site = await createResponseSite(3600);
  resident = await signIn(site.resident.email, SITE_PASSWORD);
});

afterAll(async () => {
  await resident.close();
});

const waitForDispatch = (check: (dispatch: Dispatch<Timestamp> | undefined) => boolean, what: string) =>
  waitForDoc(refs.dispatch(site.locationId), check, what, 30_000);

describe('the dispatch document of a location', () => {
  it('lists the roster with tier and devices and the admins, and follows roster and device changes', async () => {
    const first = await waitForDispatch((d) => d?.recipients[site.tier2.uid]?.devices.d1 !== undefined, 'staff with devices');
    expect(first?.recipients[site.tier1.uid]).toMatchObject({ tier: 1, admin: false, devices: { ok: `token-${site.tier1.uid}` } });
    // Nobody here chose a language: Russian.
    expect(first?.recipients[site.tier2.uid]).toEqual({ tier: 2, admin: false, devices: { d1: `token-${site.tier2.uid}` }, locale: 'ru', contacts: [] });
    expect(first?.recipients[site.admin.uid]).toEqual({ tier: null, admin: true, devices: { d1: `token-${site.admin.uid}` }, locale: 'ru', contacts: [] });
    // Staff switched off are listed too (a shift may put them on duty); other locations' staff and residents are not,
    // nor is their push token anywhere in it.
    expect(first?.recipients[site.tier1OffDuty.uid]).toMatchObject({ tier: 1, admin: false, devices: { d1: `token-${site.tier1OffDuty.uid}` } });
    expect(Object.keys(first?.recipients ?? {}).sort()).toEqual([site.admin.uid, site.tier1.uid, site.tier1OffDuty.uid, site.tier2.uid].sort());
    expect(first?.duty).toEqual({
      shifts: [],
      overrides: [],
      roster: {
        [site.tier1.uid]: { tier: 1, onDuty: true },
        [site.tier1OffDuty.uid]: { tier: 1, onDuty: false },
        [site.tier2.uid]: { tier: 2, onDuty: true },
      },
    });
    expect(first?.location).toMatchObject({ name: expect.stringContaining('Площадка'), ackSeconds: 3600 });

    // tier 2 goes off duty, the off-duty tier-1 member comes on duty, tier 1 registers another phone.
    await refs.staff(site.locationId).doc(site.tier2.uid).update({ onDuty: false });
    await refs.staff(site.locationId).doc(site.tier1OffDuty.uid).update({ onDuty: true });
    const now = Timestamp.now();
    await refs.device(site.tier1.uid, 'second').set({ token: `token-2-${site.tier1.uid}`, createdAt: now, lastSeenAt: now });
    const changed = await waitForDispatch(
      (d) =>
        d !== undefined &&
        d.duty?.roster[site.tier2.uid]?.onDuty === false &&
        d.duty.roster[site.tier1OffDuty.uid]?.onDuty === true &&
        d.recipients[site.tier1.uid]?.devices.second !== undefined,
      'roster and device changes',
    );
    expect(changed?.recipientUids).toEqual([site.admin.uid, site.tier1.uid, site.tier1OffDuty.uid, site.tier2.uid].sort());

    // A new request pushes every device the dispatch document lists for tier 1 on duty, nobody else.
    const requestId = await createRequest(resident, { locationId: site.locationId });
    await waitForDoc(refs.event(requestId, 'notified-open'), (e) => e !== undefined, 'open push batch recorded');
    expect(await deliveriesOf(requestId, 'open')).toEqual({
      [`${site.tier1.uid}/ok`]: 'emulated',
      [`${site.tier1.uid}/dead`]: 'token_removed',
      [`${site.tier1.uid}/second`]: 'emulated',
      [`${site.tier1OffDuty.uid}/d1`]: 'emulated',
    });
    // The dead token's device is removed, and so is the token from the dispatch document.
    await waitForDispatch((d) => d !== undefined && d.recipients[site.tier1.uid]?.devices.dead === undefined, 'dead token dropped');
  });
});
