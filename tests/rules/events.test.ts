// A request's audit trail (events) and push deliveries: written only by functions.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { addDoc, collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { actorCases, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';
import { T0, storedRequest } from './fixtures';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-events');
});
afterAll(() => h.cleanup());

const REQUEST_PATH = 'sosRequests/req-1';
const EVENTS = `${REQUEST_PATH}/events`;
const DELIVERIES = `${REQUEST_PATH}/deliveries`;
const EVENT_PATH = `${EVENTS}/created`;
const DELIVERY_PATH = `${DELIVERIES}/d-1`;
const event = { type: 'created', at: T0, by: 'resident-1', detail: null };
const delivery = { uid: 'staff-1', deviceId: 'phone-1', status: 'emulated', error: null, at: T0 };

beforeEach(async () => {
  await h.clear();
  await h.seed({ [REQUEST_PATH]: storedRequest('open'), [EVENT_PATH]: event, [DELIVERY_PATH]: delivery });
});

const ref = (actor: ActorName, path: string) => doc(h.db(actor), path);
const EVERYONE = actorCases(['resident', 'otherResident', 'staff', 'admin', 'foreignStaff', 'foreignAdmin', 'anonymous']);

describe('the audit trail', () => {
  it.each(actorCases(['staff', 'admin']))("%s reads the request's events", async (_label, actor) => {
    await assertSucceeds(getDocs(collection(h.db(actor), EVENTS)));
  });

  it.each(actorCases(['resident', 'otherResident', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']))(
    "%s cannot read the request's events",
    async (_label, actor) => {
      await assertFails(getDoc(ref(actor, EVENT_PATH)));
    },
  );

  it('staff cannot read the events of a request that does not exist', async () => {
    await assertFails(getDoc(ref('staff', 'sosRequests/req-missing/events/created')));
  });

  it.each(EVERYONE)('%s cannot add an event', async (_label, actor) => {
    await assertFails(addDoc(collection(h.db(actor), EVENTS), { ...event, type: 'acknowledged' }));
  });

  it.each(EVERYONE)('%s cannot rewrite an event', async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, EVENT_PATH), { detail: 'edited' }));
  });

  it.each(EVERYONE)('%s cannot delete an event', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, EVENT_PATH)));
  });
});

describe('push deliveries', () => {
  it("the admin reads the request's deliveries", async () => {
    await assertSucceeds(getDocs(collection(h.db('admin'), DELIVERIES)));
  });

  it.each(actorCases(['resident', 'otherResident', 'staff', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']))(
    "%s cannot read the request's deliveries",
    async (_label, actor) => {
      await assertFails(getDoc(ref(actor, DELIVERY_PATH)));
    },
  );

  it.each(EVERYONE)('%s cannot record a delivery', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, `${DELIVERIES}/d-2`), delivery));
  });

  it.each(EVERYONE)('%s cannot rewrite a delivery', async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, DELIVERY_PATH), { status: 'sent' }));
  });

  it.each(EVERYONE)('%s cannot delete a delivery', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, DELIVERY_PATH)));
  });
});
