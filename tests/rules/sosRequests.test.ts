// sosRequests: residents create their own, staff move them along, the requester may cancel.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  Timestamp,
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from 'firebase/firestore';
import { FORM_KINDS, SOS_SOURCES, SOS_STATUSES, type SosStatus } from '@sos/model';
import { ACTORS, ELSEWHERE, HOME, actorCases, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';
import { SERVER_FIELDS, at, emergencyPayload, formPayload, qrPayload, storedRequest } from './fixtures';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-requests');
});
afterAll(() => h.cleanup());
beforeEach(() => h.clear());

const REQUEST = 'req-1';
const requestDoc = (actor: ActorName, id = REQUEST) => doc(h.db(actor), 'sosRequests', id);
const create = (actor: ActorName, data: DocumentData, id = REQUEST) => setDoc(requestDoc(actor, id), data);
const seedRequest = (status: SosStatus, overrides: DocumentData = {}) => h.seed({ [`sosRequests/${REQUEST}`]: storedRequest(status, overrides) });

/** The names the admins gave on the location's roster: the only name a claim may carry. */
const ROSTER_NAMES: Partial<Record<ActorName, string>> = { staff: 'Ivan', admin: 'Olga' };
const rosterEntry = (name: string) => ({ name, phone: '+79120000002', onDuty: true, tier: 1 });
const ack = (actor: ActorName, overrides: DocumentData = {}) =>
  updateDoc(requestDoc(actor), {
    status: 'acknowledged',
    ackBy: actor === 'anonymous' ? 'nobody' : ACTORS[actor].uid,
    ackByName: ROSTER_NAMES[actor] ?? 'Ivan',
    ackAt: serverTimestamp(),
    ...overrides,
  });
const arrive = (actor: ActorName, overrides: DocumentData = {}) =>
  updateDoc(requestDoc(actor), {
    status: 'on_site',
    arrivedAt: serverTimestamp(),
    arrivedBy: actor === 'anonymous' ? 'nobody' : ACTORS[actor].uid,
    ...overrides,
  });
const resolve = (actor: ActorName, overrides: DocumentData = {}) =>
  updateDoc(requestDoc(actor), {
    status: 'resolved',
    resolvedBy: actor === 'anonymous' ? 'nobody' : ACTORS[actor].uid,
    resolvedAt: serverTimestamp(),
    resolution: 'Mopped up',
    ...overrides,
  });
const cancel = (actor: ActorName, overrides: DocumentData = {}) =>
  updateDoc(requestDoc(actor), { status: 'cancelled', cancelledAt: serverTimestamp(), ...overrides });
const noteCalled112 = (actor: ActorName, overrides: DocumentData = {}) => updateDoc(requestDoc(actor), { called112At: serverTimestamp(), ...overrides });
const PAYLOAD_OF_SOURCE = { emergency: emergencyPayload, form: formPayload, qr: qrPayload } as const;

const OUTSIDERS = actorCases(['otherResident', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);
const NOT_THE_LOCATIONS_SIDE = actorCases(['resident', 'otherResident', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);

describe('creating a request', () => {
  it('resident creates a one-tap emergency request for their location', async () => {
    await assertSucceeds(create('resident', emergencyPayload()));
  });

  it('resident creates a form request with an object and a description', async () => {
    await assertSucceeds(create('resident', formPayload()));
  });

  it('resident creates a qr request with the scanned token', async () => {
    await assertSucceeds(create('resident', qrPayload()));
  });

  it('resident creates a repeat linked to an earlier request', async () => {
    await assertSucceeds(create('resident', emergencyPayload({ repeatOf: 'req-0' })));
  });

  it('resident attaches geolocation', async () => {
    await assertSucceeds(create('resident', emergencyPayload({ geo: { lat: 58.01, lng: 56.25, accuracy: 12.5 } })));
  });

  it('resident may send qrToken as null on a request without a code', async () => {
    await assertSucceeds(create('resident', emergencyPayload({ qrToken: null })));
  });

  it('resident creates a description of exactly 1000 characters', async () => {
    await assertSucceeds(create('resident', formPayload({ description: 'x'.repeat(1000) })));
  });

  it('resident creates a 1000-character description in Russian (characters, not bytes, count)', async () => {
    await assertSucceeds(create('resident', formPayload({ description: 'Пожар'.repeat(200) })));
  });

  it('resident cannot send 1001 characters in Russian', async () => {
    await assertFails(create('resident', formPayload({ description: 'Пожар'.repeat(200) + '!' })));
  });

  it('staff may call for help at their own location in their own name', async () => {
    await assertSucceeds(create('staff', emergencyPayload({ uid: ACTORS.staff.uid })));
  });

  it.each(actorCases(['otherResident', 'foreignResident', 'staff', 'foreignStaff', 'admin', 'foreignAdmin', 'anonymous']))(
    "%s cannot create a request in the resident's name",
    async (_label, actor) => {
      await assertFails(create(actor, emergencyPayload()));
    },
  );

  it('resident cannot create a request for a location not in their claims', async () => {
    await assertFails(create('resident', emergencyPayload({ locationId: ELSEWHERE })));
  });

  it('an unauthenticated visitor cannot create a request', async () => {
    await assertFails(create('anonymous', emergencyPayload({ uid: 'anonymous' })));
  });

  it.each(SOS_STATUSES.filter((s) => s !== 'new'))('resident cannot set status %s on create', async (status) => {
    await assertFails(create('resident', emergencyPayload({ status })));
  });

  it.each(Object.entries(SERVER_FIELDS))('resident cannot set server field %s on create', async (field, value) => {
    await assertFails(create('resident', emergencyPayload({ [field]: value })));
  });

  it('resident cannot add a field the contract does not know', async () => {
    await assertFails(create('resident', emergencyPayload({ priority: 'high' })));
  });

  it.each([
    ['a client clock time', Timestamp.now()],
    ['a time in the past', Timestamp.fromMillis(Date.now() - 3_600_000)],
    ['a time in the future', Timestamp.fromMillis(Date.now() + 3_600_000)],
    ['a string', new Date().toISOString()],
    ['null', null],
  ])('resident cannot set createdAt to %s instead of server time', async (_label, createdAt) => {
    await assertFails(create('resident', emergencyPayload({ createdAt })));
  });

  it.each(['uid', 'locationId', 'objectId', 'source', 'description', 'repeatOf', 'status', 'createdAt'])('resident cannot leave out %s', async (field) => {
    const payload = emergencyPayload();
    delete payload[field];
    await assertFails(create('resident', payload));
  });

  it('resident cannot send a description over 1000 characters', async () => {
    await assertFails(create('resident', formPayload({ description: 'x'.repeat(1001) })));
  });

  it('resident cannot send a form without a description', async () => {
    await assertFails(create('resident', formPayload({ description: null })));
  });

  it('resident cannot send a form with a blank description', async () => {
    await assertFails(create('resident', formPayload({ description: '  \n\t ' })));
  });

  it('resident cannot send a form without an object', async () => {
    await assertFails(create('resident', formPayload({ objectId: null })));
  });

  it('resident cannot send a qr request without the token', async () => {
    const payload = qrPayload();
    delete payload.qrToken;
    await assertFails(create('resident', payload));
  });

  it('resident cannot send a qr request without an object', async () => {
    await assertFails(create('resident', qrPayload({ objectId: null })));
  });

  it('resident cannot attach a qr token to a request of another source', async () => {
    await assertFails(create('resident', formPayload({ qrToken: 'qr-room-204' })));
  });

  it('resident cannot use an unknown source', async () => {
    await assertFails(create('resident', emergencyPayload({ source: 'phone' })));
  });

  it('resident cannot mark a request as a repeat of itself', async () => {
    await assertFails(create('resident', emergencyPayload({ repeatOf: REQUEST })));
  });

  it.each([
    ['an extra key', { lat: 1, lng: 2, accuracy: 3, altitude: 4 }],
    ['a latitude out of range', { lat: 91, lng: 2, accuracy: 3 }],
    ['a missing accuracy', { lat: 1, lng: 2 }],
    ['a string coordinate', { lat: '58.0', lng: 56, accuracy: 3 }],
    ['null', null],
  ])('resident cannot attach geolocation with %s', async (_label, geo) => {
    await assertFails(create('resident', emergencyPayload({ geo })));
  });

  it('resident cannot overwrite an existing request by creating it again', async () => {
    await seedRequest('open');
    await assertFails(create('resident', emergencyPayload()));
  });
});

describe('the kind of help and a silent call', () => {
  it('resident creates a one-tap emergency of kind emergency, silent or not', async () => {
    await assertSucceeds(create('resident', emergencyPayload({ kind: 'emergency' }), 'req-loud'));
    await assertSucceeds(create('resident', emergencyPayload({ silent: true }), 'req-silent'));
    await assertSucceeds(create('resident', emergencyPayload({ silent: false }), 'req-not-silent'));
  });

  it.each(FORM_KINDS)('resident creates a form request and a qr request of kind %s', async (kind) => {
    await assertSucceeds(create('resident', formPayload({ kind }), `req-form-${kind}`));
    await assertSucceeds(create('resident', qrPayload({ kind }), `req-qr-${kind}`));
  });

  it.each(SOS_SOURCES)('an older app leaves the kind out of a %s request', async (source) => {
    const payload = PAYLOAD_OF_SOURCE[source]();
    delete payload.kind;
    await assertSucceeds(create('resident', payload));
  });

  it.each([
    ['an unknown kind on a form', formPayload({ kind: 'flood' })],
    ['an unknown kind on the one-tap call', emergencyPayload({ kind: 'flood' })],
    ['a kind spelt in capitals', formPayload({ kind: 'Fire' })],
    ['a kind that is not text', qrPayload({ kind: 1 })],
    ['a null kind', emergencyPayload({ kind: null })],
    ['the emergency kind on a form', formPayload({ kind: 'emergency' })],
    ['the emergency kind on a qr request', qrPayload({ kind: 'emergency' })],
    ['the fire kind on the one-tap call', emergencyPayload({ kind: 'fire' })],
    ['a silent form', formPayload({ silent: true })],
    ['a silent qr request', qrPayload({ silent: true })],
    ['a silent flag on a form, even false', formPayload({ silent: false })],
    ['a silent flag that is not a boolean', emergencyPayload({ silent: 'yes' })],
  ])('resident cannot create a request with %s', async (_label, payload) => {
    await assertFails(create('resident', payload));
  });
});

describe('the requester notes a call to the emergency services', () => {
  it.each(['new', 'open', 'acknowledged', 'on_site'] as const)('resident notes it on a request that is %s', async (status) => {
    await seedRequest(status);
    await assertSucceeds(noteCalled112('resident'));
  });

  it('resident notes it once; a second time is refused', async () => {
    await seedRequest('open');
    await assertSucceeds(noteCalled112('resident'));
    await assertFails(noteCalled112('resident'));
  });

  it('resident cannot overwrite a call noted earlier', async () => {
    await seedRequest('acknowledged', { called112At: at(3) });
    await assertFails(noteCalled112('resident'));
  });

  it('resident cannot remove a call noted earlier', async () => {
    await seedRequest('acknowledged', { called112At: at(3) });
    await assertFails(updateDoc(requestDoc('resident'), { called112At: deleteField() }));
  });

  it.each(['resolved', 'cancelled', 'rejected'] as const)('resident cannot note it on a request that is %s', async (status) => {
    await seedRequest(status);
    await assertFails(noteCalled112('resident'));
  });

  it.each(actorCases(['otherResident', 'foreignResident', 'staff', 'otherStaff', 'foreignStaff', 'admin', 'foreignAdmin', 'anonymous']))(
    "%s cannot note it on the resident's request",
    async (_label, actor) => {
      await seedRequest('open');
      await assertFails(noteCalled112(actor));
    },
  );

  it.each([
    ['a client clock time', Timestamp.now()],
    ['an earlier time', at(3)],
    ['a string', new Date().toISOString()],
    ['null', null],
  ])('resident cannot note it with %s instead of server time', async (_label, called112At) => {
    await seedRequest('open');
    await assertFails(noteCalled112('resident', { called112At }));
  });

  it.each([
    ['cancelling', { status: 'cancelled', cancelledAt: serverTimestamp() }],
    ['editing the description', { description: 'I called 112' }],
    ['changing the kind', { kind: 'fire' }],
    ['a server field', { escalationLevel: 2 }],
  ])('resident cannot note it together with %s', async (_label, change) => {
    await seedRequest('open');
    await assertFails(noteCalled112('resident', change));
  });
});

describe('reading requests', () => {
  beforeEach(() => seedRequest('open'));

  it.each(actorCases(['resident', 'staff', 'otherStaff', 'admin']))('%s reads the request', async (_label, actor) => {
    await assertSucceeds(getDoc(requestDoc(actor)));
  });

  it.each(OUTSIDERS)('%s cannot read the request', async (_label, actor) => {
    await assertFails(getDoc(requestDoc(actor)));
  });

  it.each(actorCases(['resident', 'otherResident', 'foreignStaff']))(
    '%s may read a request that does not exist yet (an offline listener waits for it)',
    async (_label, actor) => {
      await assertSucceeds(getDoc(requestDoc(actor, 'req-not-yet-sent')));
    },
  );

  it('an unauthenticated visitor cannot read a request that does not exist yet', async () => {
    await assertFails(getDoc(requestDoc('anonymous', 'req-not-yet-sent')));
  });

  it('resident lists their own requests', async () => {
    await assertSucceeds(getDocs(query(collection(h.db('resident'), 'sosRequests'), where('uid', '==', ACTORS.resident.uid))));
  });

  it("resident cannot list another resident's requests", async () => {
    await assertFails(getDocs(query(collection(h.db('otherResident'), 'sosRequests'), where('uid', '==', ACTORS.resident.uid))));
  });

  it('resident cannot list every request', async () => {
    await assertFails(getDocs(collection(h.db('resident'), 'sosRequests')));
  });

  it.each(actorCases(['staff', 'admin']))("%s lists the location's requests", async (_label, actor) => {
    await assertSucceeds(getDocs(query(collection(h.db(actor), 'sosRequests'), where('locationId', '==', HOME))));
  });

  it('an admin of several locations lists all their requests in one query, newest first', async () => {
    const admin = { uid: 'admin-3', role: 'admin' as const, locationIds: [HOME, ELSEWHERE] };
    await assertSucceeds(
      getDocs(query(collection(h.dbFor(admin), 'sosRequests'), where('locationId', 'in', admin.locationIds), orderBy('createdAt', 'desc'), limit(300))),
    );
  });

  it('an admin of several locations lists every still-active request, however old', async () => {
    const admin = { uid: 'admin-3', role: 'admin' as const, locationIds: [HOME, ELSEWHERE] };
    await assertSucceeds(
      getDocs(
        query(
          collection(h.dbFor(admin), 'sosRequests'),
          where('locationId', 'in', admin.locationIds),
          where('status', 'in', ['new', 'open', 'acknowledged', 'on_site']),
        ),
      ),
    );
  });

  it('staff cannot list requests of a location they do not serve among their own', async () => {
    await assertFails(getDocs(query(collection(h.db('staff'), 'sosRequests'), where('locationId', 'in', [HOME, ELSEWHERE]))));
  });

  it.each(actorCases(['resident', 'foreignStaff', 'foreignAdmin', 'anonymous']))("%s cannot list the location's requests", async (_label, actor) => {
    await assertFails(getDocs(query(collection(h.db(actor), 'sosRequests'), where('locationId', '==', HOME))));
  });
});

describe('staff acknowledge an open request', () => {
  // A claim carries the claimer's roster name, which only admins edit; the profile's name may differ.
  beforeEach(async () => {
    await seedRequest('open');
    await h.seed({
      [`locations/${HOME}/staff/${ACTORS.staff.uid}`]: rosterEntry('Ivan'),
      [`locations/${HOME}/staff/${ACTORS.admin.uid}`]: rosterEntry('Olga'),
      [`users/${ACTORS.staff.uid}`]: { displayName: 'Ivan' },
      [`users/${ACTORS.otherStaff.uid}`]: { displayName: 'Pyotr' },
    });
  });

  it.each(actorCases(['staff', 'admin']))('%s claims the request for themselves under their roster name', async (_label, actor) => {
    await assertSucceeds(ack(actor));
  });

  it.each(NOT_THE_LOCATIONS_SIDE)('%s cannot acknowledge the request', async (_label, actor) => {
    await assertFails(ack(actor));
  });

  it('staff acknowledge with a 100-character name in Russian', async () => {
    await h.seed({ [`locations/${HOME}/staff/${ACTORS.staff.uid}`]: rosterEntry('Иван'.repeat(25)) });
    await assertSucceeds(ack('staff', { ackByName: 'Иван'.repeat(25) }));
  });

  it("staff cannot claim under a colleague's name", async () => {
    await assertFails(ack('staff', { ackByName: 'Olga' }));
    await assertFails(ack('admin', { ackByName: 'Ivan' }));
  });

  it('staff cannot claim under a name other than their roster entry’s', async () => {
    await assertFails(ack('staff', { ackByName: 'Ivan the Great' }));
  });

  it('staff who renamed their profile (to a colleague’s name) still claim only under their roster name', async () => {
    await h.seed({ [`users/${ACTORS.staff.uid}`]: { displayName: 'Olga' } });
    await assertFails(ack('staff', { ackByName: 'Olga' }));
    await assertSucceeds(ack('staff', { ackByName: 'Ivan' }));
  });

  it('staff without a roster entry at the location cannot claim, not even under their profile name', async () => {
    await assertFails(ack('otherStaff', { ackByName: 'Pyotr' }));
    await h.seed({ [`locations/${ELSEWHERE}/staff/${ACTORS.otherStaff.uid}`]: rosterEntry('Pyotr') });
    await assertFails(ack('otherStaff', { ackByName: 'Pyotr' }));
  });

  it('an admin without a roster entry cannot claim', async () => {
    await h.env.withSecurityRulesDisabled((context) => context.firestore().doc(`locations/${HOME}/staff/${ACTORS.admin.uid}`).delete());
    await assertFails(ack('admin', { ackByName: 'Olga' }));
  });

  it('staff cannot acknowledge in the name of someone else', async () => {
    await assertFails(ack('staff', { ackBy: ACTORS.otherStaff.uid }));
  });

  it('staff cannot acknowledge with a client clock ackAt', async () => {
    await assertFails(ack('staff', { ackAt: Timestamp.now() }));
  });

  it('staff cannot acknowledge without their name', async () => {
    await assertFails(ack('staff', { ackByName: deleteField() }));
  });

  it.each([
    ['escalationLevel', 3],
    ['deadlineAt', at(60)],
    ['description', 'edited'],
    ['locationId', ELSEWHERE],
    ['uid', ACTORS.staff.uid],
    ['plan', deleteField()],
  ])('staff cannot touch %s while acknowledging', async (field, value) => {
    await assertFails(ack('staff', { [field]: value }));
  });

  it('staff cannot skip from open to on site', async () => {
    await assertFails(arrive('staff'));
  });

  it('staff cannot skip from open to resolved', async () => {
    await assertFails(resolve('staff'));
  });

  it.each(['open', 'rejected', 'cancelled', 'new'])('staff cannot set status %s', async (status) => {
    await assertFails(updateDoc(requestDoc('staff'), { status }));
  });

  it('staff cannot edit server fields without a transition', async () => {
    await assertFails(updateDoc(requestDoc('staff'), { escalationLevel: 2 }));
  });
});

describe('staff act on a claimed request', () => {
  // On the roster, so a refused claim is refused for the request's state alone.
  beforeEach(() =>
    h.seed({
      [`locations/${HOME}/staff/${ACTORS.staff.uid}`]: rosterEntry('Ivan'),
      [`locations/${HOME}/staff/${ACTORS.otherStaff.uid}`]: rosterEntry('Ivan'),
    }),
  );

  it('other staff cannot claim a request that is already acknowledged', async () => {
    await seedRequest('acknowledged');
    await assertFails(ack('otherStaff'));
  });

  it('the same staff cannot claim it a second time', async () => {
    await seedRequest('acknowledged');
    await assertFails(ack('staff'));
  });

  it('staff cannot hand the claim to someone else', async () => {
    await seedRequest('acknowledged');
    await assertFails(updateDoc(requestDoc('staff'), { ackBy: ACTORS.otherStaff.uid }));
  });

  it('staff cannot claim a request the functions have not validated yet', async () => {
    await seedRequest('new');
    await assertFails(ack('staff'));
  });

  it.each(actorCases(['staff', 'admin']))('%s marks an acknowledged request on site', async (_label, actor) => {
    await seedRequest('acknowledged');
    await assertSucceeds(arrive(actor));
  });

  it.each(NOT_THE_LOCATIONS_SIDE)('%s cannot mark a request on site', async (_label, actor) => {
    await seedRequest('acknowledged');
    await assertFails(arrive(actor));
  });

  it('staff cannot mark on site in the name of someone else', async () => {
    await seedRequest('acknowledged');
    await assertFails(arrive('staff', { arrivedBy: ACTORS.otherStaff.uid }));
  });

  it('staff cannot mark on site without saying who arrived', async () => {
    await seedRequest('acknowledged');
    await assertFails(updateDoc(requestDoc('staff'), { status: 'on_site', arrivedAt: serverTimestamp() }));
  });

  it('staff cannot mark on site with a client clock arrivedAt', async () => {
    await seedRequest('acknowledged');
    await assertFails(arrive('staff', { arrivedAt: Timestamp.now() }));
  });

  it('staff cannot touch other fields while marking on site', async () => {
    await seedRequest('acknowledged');
    await assertFails(arrive('staff', { ackByName: 'Someone else' }));
  });

  it.each(['acknowledged', 'on_site'] as const)('staff resolve a request that is %s', async (status) => {
    await seedRequest(status);
    await assertSucceeds(resolve('staff'));
  });

  it('admin resolves an on-site request', async () => {
    await seedRequest('on_site');
    await assertSucceeds(resolve('admin'));
  });

  it.each(NOT_THE_LOCATIONS_SIDE)('%s cannot resolve a request', async (_label, actor) => {
    await seedRequest('on_site');
    await assertFails(resolve(actor));
  });

  it('staff cannot resolve in the name of someone else', async () => {
    await seedRequest('on_site');
    await assertFails(resolve('staff', { resolvedBy: ACTORS.otherStaff.uid }));
  });

  it('staff cannot resolve with a client clock resolvedAt', async () => {
    await seedRequest('on_site');
    await assertFails(resolve('staff', { resolvedAt: Timestamp.now() }));
  });

  it('staff cannot write a resolution over 500 characters', async () => {
    await seedRequest('on_site');
    await assertFails(resolve('staff', { resolution: 'x'.repeat(501) }));
  });

  it.each(['resolved', 'cancelled', 'rejected', 'new'] as const)('staff cannot resolve a request that is %s', async (status) => {
    await seedRequest(status);
    await assertFails(resolve('staff'));
  });

  it('staff cannot reopen a resolved request', async () => {
    await seedRequest('resolved');
    await assertFails(updateDoc(requestDoc('staff'), { status: 'acknowledged' }));
  });

  it('staff cannot go back from on site to acknowledged', async () => {
    await seedRequest('on_site');
    await assertFails(updateDoc(requestDoc('staff'), { status: 'acknowledged' }));
  });
});

describe('the resident cancels a request made by mistake', () => {
  it.each(['new', 'open', 'acknowledged'] as const)('resident cancels a request that is %s', async (status) => {
    await seedRequest(status);
    await assertSucceeds(cancel('resident'));
  });

  it.each(['on_site', 'resolved', 'rejected', 'cancelled'] as const)('resident cannot cancel a request that is %s', async (status) => {
    await seedRequest(status);
    await assertFails(cancel('resident'));
  });

  it.each(actorCases(['otherResident', 'foreignResident', 'staff', 'foreignStaff', 'admin', 'foreignAdmin', 'anonymous']))(
    "%s cannot cancel the resident's request",
    async (_label, actor) => {
      await seedRequest('open');
      await assertFails(cancel(actor));
    },
  );

  it('resident cannot cancel with a client clock cancelledAt', async () => {
    await seedRequest('open');
    await assertFails(cancel('resident', { cancelledAt: Timestamp.now() }));
  });

  it('resident cannot touch other fields while cancelling', async () => {
    await seedRequest('open');
    await assertFails(cancel('resident', { description: 'never mind' }));
  });

  it('resident cannot edit their request otherwise', async () => {
    await seedRequest('new');
    await assertFails(updateDoc(requestDoc('resident'), { description: 'more detail' }));
  });

  it('resident cannot acknowledge their own request', async () => {
    await seedRequest('open');
    await assertFails(ack('resident'));
  });
});

describe('deleting a request', () => {
  it.each(actorCases(['resident', 'otherResident', 'staff', 'admin', 'foreignStaff', 'foreignAdmin', 'anonymous']))(
    '%s cannot delete a request',
    async (_label, actor) => {
      await seedRequest('open');
      await assertFails(deleteDoc(requestDoc(actor)));
    },
  );
});
