// Pushes and order titles in the recipient's language against the real emulators: each person's
// users/{uid}.locale, written by their own client, decides the text their devices get (Russian when unset).
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, updateDoc } from 'firebase/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { paths, type Dispatch, type Locale } from '@sos/model';
import { peopleRefs, refs } from '../../functions/src/firestore';
import { acknowledge, createRequest, sendMessage, signIn, type ClientSession } from './clients';
import { waitForDoc } from './admin';
import { addResident, createResponseSite, SITE_PASSWORD, type ResponseSite } from './fixtures';

let site: ResponseSite;
let resident: ClientSession;
let tier1: ClientSession;
let locationName: string;

beforeAll(async () => {
  // A long acknowledgement time: no escalation round mixes into the batches checked here.
  site = await createResponseSite(3600);
  [resident, tier1] = await Promise.all([signIn(site.resident.email, SITE_PASSWORD), signIn(site.tier1.email, SITE_PASSWORD)]);
  locationName = (await refs.location(site.locationId).get()).data()!.name;
});

afterAll(async () => {
  await Promise.all([resident.close(), tier1.close()]);
});

/** A person chooses their language in the app: their own client writes their profile, through the rules. */
const chooseLocale = (session: ClientSession, locale: Locale) => updateDoc(doc(session.db, paths.user(session.uid)), { locale });

const waitForDispatch = (check: (dispatch: Dispatch<Timestamp> | undefined) => boolean, what: string) =>
  waitForDoc(refs.dispatch(site.locationId), check, what, 30_000);

/** `uid/deviceId → { status, locale, title }` of a request's deliveries in one batch, once its `notified` event is there. */
async function sentIn(requestId: string, batch: string) {
  await waitForDoc(refs.event(requestId, `notified-${batch}`), (e) => e !== undefined, `${batch} push batch of ${requestId} recorded`);
  const snapshot = await refs.deliveries(requestId).where('batch', '==', batch).get();
  return Object.fromEntries(
    snapshot.docs.map((d) => {
      const { uid, deviceId, status, locale, title } = d.data();
      return [`${uid}/${deviceId}`, { status, locale, title }];
    }),
  );
}

const orderTitle = async (uid: string, requestId: string) =>
  (await waitForDoc(refs.order(uid, requestId), (o) => o !== undefined, `order ${requestId}`))?.title;

describe("pushes in the recipient's language", () => {
  it(
    'staff get the open push in their own language, the requester the acknowledgement and messages in theirs, and the order title follows the requester',
    { timeout: 90_000 },
    async () => {
      await Promise.all([chooseLocale(tier1, 'en'), chooseLocale(resident, 'en')]);
      // A second tier-1 member comes on duty; they never chose a language.
      await refs.staff(site.locationId).doc(site.tier1OffDuty.uid).update({ onDuty: true });
      await waitForDispatch(
        (d) => d?.recipients[site.tier1.uid]?.locale === 'en' && d.recipients[site.tier1OffDuty.uid]?.locale === 'ru',
        'tier 1 listed in English, the other on-duty member in Russian',
      );
      await waitForDoc(peopleRefs.member(site.locationId, site.resident.uid), (m) => m?.locale === 'en', "the requester's membership follows their language");

      const requestId = await createRequest(resident, { locationId: site.locationId });
      expect(await sentIn(requestId, 'open')).toEqual({
        [`${site.tier1.uid}/ok`]: { status: 'emulated', locale: 'en', title: `Emergency — ${locationName}` },
        [`${site.tier1.uid}/dead`]: { status: 'token_removed', locale: 'en', title: `Emergency — ${locationName}` },
        [`${site.tier1OffDuty.uid}/d1`]: { status: 'emulated', locale: 'ru', title: `Экстренный вызов — ${locationName}` },
      });
      expect(await orderTitle(site.resident.uid, requestId)).toBe('Staff call');

      await acknowledge(tier1, requestId, site.tier1.name);
      expect(await sentIn(requestId, 'ack')).toEqual({
        [`${site.resident.uid}/d1`]: { status: 'emulated', locale: 'en', title: 'Your call was accepted' },
      });

      // Messages both ways: the claimer and the requester are read from their profiles, not the dispatch document.
      const going = await sendMessage(tier1, requestId, 'staff', 'Иду');
      expect(await sentIn(requestId, `msg-${going}`)).toEqual({
        [`${site.resident.uid}/d1`]: { status: 'emulated', locale: 'en', title: 'Message from staff' },
      });
      const reply = await sendMessage(resident, requestId, 'requester', 'Жду');
      expect(await sentIn(requestId, `msg-${reply}`)).toEqual({
        [`${site.tier1.uid}/ok`]: { status: 'emulated', locale: 'en', title: `Message: ${site.resident.name} · ${locationName}` },
      });
    },
  );

  it('after a staff member switches language, the dispatch document and the next push follow; a requester who never chose reads Russian', async () => {
    await chooseLocale(tier1, 'ru');
    await waitForDispatch((d) => d?.recipients[site.tier1.uid]?.locale === 'ru', 'tier 1 listed in Russian again');

    // Another resident: the first one's requests throttle staff pushes about them for a minute.
    const neighbour = await addResident(site, 'neighbour', 'Соседка Тестовая');
    const session = await signIn(neighbour.email, SITE_PASSWORD);
    try {
      const requestId = await createRequest(session, { locationId: site.locationId });
      const open = await sentIn(requestId, 'open');
      expect(open[`${site.tier1.uid}/ok`]).toEqual({ status: 'emulated', locale: 'ru', title: `Экстренный вызов — ${locationName}` });
      expect(await orderTitle(neighbour.uid, requestId)).toBe('Вызов персонала');
    } finally {
      await session.close();
    }
  });
});
