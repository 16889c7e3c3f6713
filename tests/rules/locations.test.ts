// locations with their object tree and duty roster: members read, the location's admins write.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, deleteField, doc, getDoc, getDocs, setDoc, updateDoc, type DocumentData, type Firestore } from 'firebase/firestore';
import { ACK_SECONDS, FORM_KINDS, LOCATION_NAME_MAX_LENGTH, RESPONSE_MINUTES, TIME_ZONE_MAX_LENGTH } from '@sos/model';
import { ELSEWHERE, HOME, actorCases, modularFirestore, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';

let h: RulesHarness;
/** Signed in anonymously at a QR code: no claims. */
let visitor: Firestore;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-locations');
  visitor = modularFirestore(h.env.authenticatedContext('visitor-1', { firebase: { sign_in_provider: 'anonymous', identities: {} } }));
});
afterAll(() => h.cleanup());

const LOCATION_PATH = `locations/${HOME}`;
const OBJECT_PATH = `${LOCATION_PATH}/objects/room-204`;
const ROSTER_PATH = `${LOCATION_PATH}/staff/staff-1`;
const COLLEAGUE_ROSTER_PATH = `${LOCATION_PATH}/staff/staff-2`;

const location = {
  name: 'Business centre',
  staffPhone: '+73422580078',
  responseMinutes: 10,
  ackSeconds: 60,
  timezone: 'Asia/Yekaterinburg',
};
const room = (overrides: DocumentData = {}): DocumentData => ({
  name: 'Room 204',
  kind: 'room',
  parentId: 'floor-2',
  plan: null,
  position: { x: 0.2, y: 0.25 },
  qrToken: 'qr-room-204',
  selectable: true,
  ...overrides,
});
const rosterEntry = (overrides: DocumentData = {}): DocumentData => ({
  name: 'Ivan',
  phone: '+79120000002',
  onDuty: true,
  tier: 1,
  ...overrides,
});

beforeEach(async () => {
  await h.clear();
  await h.seed({
    [LOCATION_PATH]: location,
    [`locations/${ELSEWHERE}`]: { ...location, name: 'Park' },
    [OBJECT_PATH]: room(),
    [ROSTER_PATH]: rosterEntry(),
    [COLLEAGUE_ROSTER_PATH]: rosterEntry({ name: 'Pyotr', phone: '+79120000005' }),
  });
});

const ref = (actor: ActorName, path: string) => doc(h.db(actor), path);
const MEMBERS = actorCases(['resident', 'staff', 'admin']);
const NON_MEMBERS = actorCases(['foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);
/** Signed in with an account elsewhere: a guest here, who reads what a QR code's screen shows from the code alone. */
const GUESTS = actorCases(['foreignResident', 'foreignStaff', 'foreignAdmin']);
const NOT_ITS_ADMIN = actorCases(['resident', 'staff', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']);
const EVERYONE = actorCases(['resident', 'staff', 'admin', 'foreignStaff', 'foreignAdmin', 'anonymous']);

describe('a location', () => {
  it.each(MEMBERS)('%s reads their location', async (_label, actor) => {
    await assertSucceeds(getDoc(ref(actor, LOCATION_PATH)));
  });

  it.each(GUESTS)('%s cannot read the location by id, even as a guest at its QR code', async (_label, actor) => {
    await assertFails(getDoc(ref(actor, LOCATION_PATH)));
  });

  it('an unauthenticated visitor cannot read the location', async () => {
    await assertFails(getDoc(ref('anonymous', LOCATION_PATH)));
  });

  it('the admin edits the location settings', async () => {
    await assertSucceeds(updateDoc(ref('admin', LOCATION_PATH), { staffPhone: '+73422580079', responseMinutes: 15, ackSeconds: 90 }));
  });

  it('the admin changes the timezone', async () => {
    await assertSucceeds(updateDoc(ref('admin', LOCATION_PATH), { timezone: 'Europe/Moscow' }));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot edit the location settings', async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, LOCATION_PATH), { responseMinutes: 15 }));
  });

  it.each([
    ['a staff phone that is not E.164', { staffPhone: '8 342 258 00 78' }],
    ['a response time of zero', { responseMinutes: 0 }],
    ['a fractional response time', { responseMinutes: 2.5 }],
    ['an escalation timer under 10 s', { ackSeconds: 5 }],
    ['an empty name', { name: '' }],
    ['an empty timezone', { timezone: '' }],
    ['a field the contract does not know', { secret: true }],
  ])('the admin cannot save %s', async (_label, change) => {
    await assertFails(updateDoc(ref('admin', LOCATION_PATH), change));
  });

  it('the admin cannot create a location', async () => {
    await assertFails(setDoc(ref('admin', 'locations/loc-new'), location));
  });

  it('nobody lists every location', async () => {
    await assertFails(getDocs(collection(h.db('admin'), 'locations')));
  });

  it.each(EVERYONE)('%s cannot delete a location', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, LOCATION_PATH)));
  });
});

describe('the settings form (validateLocationSettings in @sos/model)', () => {
  const save = (actor: ActorName, change: DocumentData) => updateDoc(ref(actor, LOCATION_PATH), change);

  it.each([
    ['name', 'Бизнес-центр «Север»'],
    ['name', 'Я'.repeat(LOCATION_NAME_MAX_LENGTH)],
    ['staffPhone', '+73422580079'],
    ['responseMinutes', RESPONSE_MINUTES.min],
    ['responseMinutes', RESPONSE_MINUTES.max],
    ['ackSeconds', ACK_SECONDS.min],
    ['ackSeconds', ACK_SECONDS.max],
    ['timezone', 'UTC'],
    ['timezone', 'America/Argentina/Buenos_Aires'],
    ['timezone', 'America/Port-au-Prince'],
    ['timezone', 'Etc/GMT+5'],
  ])('the admin sets %s to %s', async (field, value) => {
    await assertSucceeds(save('admin', { [field]: value }));
  });

  it('the admin saves the whole form in one update', async () => {
    await assertSucceeds(save('admin', { name: 'Север', staffPhone: '+73422580000', responseMinutes: 20, ackSeconds: 120, timezone: 'Europe/Moscow' }));
  });

  it.each([
    ['a name over 200 characters', { name: 'Я'.repeat(LOCATION_NAME_MAX_LENGTH + 1) }],
    ['a name with spaces around it', { name: ' Север ' }],
    ['a name of spaces', { name: '   ' }],
    ['a name that is not text', { name: 42 }],
    ['a staff phone with spaces', { staffPhone: '+7 342 258 00 78' }],
    ['no staff phone', { staffPhone: null }],
    ['a response time over 240 minutes', { responseMinutes: RESPONSE_MINUTES.max + 1 }],
    ['a response time as text', { responseMinutes: '15' }],
    ['an escalation timer over an hour', { ackSeconds: ACK_SECONDS.max + 1 }],
    ['an escalation timer of 9.5 s', { ackSeconds: 9.5 }],
    ['a time zone with a space', { timezone: 'Europe Moscow' }],
    ['a time zone as an offset', { timezone: '+05:00' }],
    ['a time zone ending in a slash', { timezone: 'Europe/' }],
    ['a time zone with a path step', { timezone: 'Europe/../Moscow' }],
    ['a time zone over 64 characters', { timezone: `Europe/${'x'.repeat(TIME_ZONE_MAX_LENGTH)}` }],
    ['the admins', { admins: ['admin-1', 'resident-1'] }],
    ['who created it', { createdBy: 'admin-1' }],
    ['a key the form does not have', { wifiPassword: 'secret' }],
  ])('the admin cannot save %s', async (_label, change) => {
    await assertFails(save('admin', change));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot save the settings form', async (_label, actor) => {
    await assertFails(save(actor, { name: 'Север', staffPhone: '+73422580000', responseMinutes: 20, ackSeconds: 120, timezone: 'Europe/Moscow' }));
  });

  it('a visitor at a QR code cannot change a setting', async () => {
    await assertFails(updateDoc(doc(visitor, LOCATION_PATH), { staffPhone: '+73422580000' }));
  });

  it('a name or zone stored before these checks blocks no other change, but is not written again', async () => {
    await h.seed({ [LOCATION_PATH]: { ...location, name: ' Business centre ', timezone: 'Yekaterinburg time' } });
    await assertSucceeds(save('admin', { responseMinutes: 15 }));
    await assertFails(save('admin', { name: ' Business centre 2 ' }));
    await assertFails(save('admin', { timezone: 'Yekaterinburg summer time' }));
  });
});

describe('new locations (only the createLocation callable makes one)', () => {
  const NEW_PATH = 'locations/loc-new';

  it.each(EVERYONE)('%s cannot create a location, even naming themselves its admin', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, NEW_PATH), { ...location, admins: ['admin-1'] }));
  });

  it('a visitor at a QR code cannot create a location', async () => {
    await assertFails(setDoc(doc(visitor, NEW_PATH), location));
  });

  it('the admin whose refreshed claims name the new location edits it; before the refresh they cannot', async () => {
    await h.seed({ [NEW_PATH]: { ...location, name: 'Second building', admins: ['admin-1'], createdBy: 'admin-1' } });
    await assertFails(updateDoc(ref('admin', NEW_PATH), { staffPhone: '+73422580001' }));
    const refreshed = h.dbFor({ uid: 'admin-1', role: 'admin', locationIds: [HOME, 'loc-new'] });
    await assertSucceeds(getDoc(doc(refreshed, NEW_PATH)));
    await assertSucceeds(updateDoc(doc(refreshed, NEW_PATH), { staffPhone: '+73422580001', responseMinutes: 5, ackSeconds: 30 }));
  });
});

describe('the kinds a location offers and its emergency number', () => {
  const offerKinds = (actor: ActorName, kinds: unknown) => updateDoc(ref(actor, LOCATION_PATH), { kinds });
  const setEmergencyNumber = (actor: ActorName, emergencyNumber: unknown) => updateDoc(ref(actor, LOCATION_PATH), { emergencyNumber });

  it('the admin offers one kind, then all six in an order of their own, then every kind again (the default)', async () => {
    await assertSucceeds(offerKinds('admin', ['fire']));
    await assertSucceeds(offerKinds('admin', [...FORM_KINDS].reverse()));
    await assertSucceeds(offerKinds('admin', deleteField()));
  });

  it('the admin sets a short, a long and an international emergency number, then 112 again (the default)', async () => {
    await assertSucceeds(setEmergencyNumber('admin', '01'));
    await assertSucceeds(setEmergencyNumber('admin', '123456789012345'));
    await assertSucceeds(setEmergencyNumber('admin', '+74951234567'));
    await assertSucceeds(setEmergencyNumber('admin', deleteField()));
  });

  it('the admin changes both together with the other settings', async () => {
    await assertSucceeds(updateDoc(ref('admin', LOCATION_PATH), { kinds: ['medical', 'fire'], emergencyNumber: '103', responseMinutes: 12 }));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot choose the kinds offered', async (_label, actor) => {
    await assertFails(offerKinds(actor, ['fire']));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot set the emergency number', async (_label, actor) => {
    await assertFails(setEmergencyNumber(actor, '101'));
  });

  it.each([
    ['no kind at all', []],
    ['a kind twice', ['fire', 'medical', 'fire']],
    ['the one-tap emergency kind', ['emergency']],
    ['the one-tap emergency kind among form kinds', ['fire', 'emergency']],
    ['an unknown kind', ['fire', 'flood']],
    ['a kind that is not text', [1]],
    ['one kind instead of a list', 'fire'],
    ['null', null],
  ])('the admin cannot offer %s', async (_label, kinds) => {
    await assertFails(offerKinds('admin', kinds));
  });

  it.each([
    ['a single digit', '1'],
    ['16 digits', '1234567890123456'],
    ['spaces', '+7 495 123 45 67'],
    ['a dash', '01-02'],
    ['letters', 'police'],
    ['a plus alone', '+'],
    ['a plus after the first digit', '1+12'],
    ['nothing', ''],
    ['a number instead of text', 112],
    ['null', null],
  ])('the admin cannot set an emergency number of %s', async (_label, emergencyNumber) => {
    await assertFails(setEmergencyNumber('admin', emergencyNumber));
  });
});

describe('location objects', () => {
  it.each(MEMBERS)("%s reads the location's objects", async (_label, actor) => {
    await assertSucceeds(getDocs(collection(h.db(actor), `${LOCATION_PATH}/objects`)));
  });

  it.each(MEMBERS)('%s reads an object by id', async (_label, actor) => {
    await assertSucceeds(getDoc(ref(actor, OBJECT_PATH)));
  });

  it.each(GUESTS)('%s cannot read an object by id, even as a guest at its QR code', async (_label, actor) => {
    await assertFails(getDoc(ref(actor, OBJECT_PATH)));
  });

  it.each(NON_MEMBERS)("%s cannot list the location's objects", async (_label, actor) => {
    await assertFails(getDocs(collection(h.db(actor), `${LOCATION_PATH}/objects`)));
  });

  it('an unauthenticated visitor cannot read an object', async () => {
    await assertFails(getDoc(ref('anonymous', OBJECT_PATH)));
  });

  it('the admin adds a floor with a plan', async () => {
    await assertSucceeds(
      setDoc(ref('admin', `${LOCATION_PATH}/objects/floor-3`), {
        name: 'Floor 3',
        kind: 'floor',
        parentId: 'building-a',
        plan: { url: '/plans/floor-3.svg', width: 1000, height: 600 },
        selectable: false,
      }),
    );
  });

  it('the admin moves a room on its plan', async () => {
    await assertSucceeds(updateDoc(ref('admin', OBJECT_PATH), { position: { x: 0.5, y: 0.5 } }));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot add an object', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, `${LOCATION_PATH}/objects/room-205`), room({ name: 'Room 205' })));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot edit an object', async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, OBJECT_PATH), { name: 'Renamed' }));
  });

  it.each([
    ['a position outside the plan', { position: { x: 1.5, y: 0.2 } }],
    ['a plan without a size', { plan: { url: '/plans/x.svg' } }],
    ['itself as the parent', { parentId: 'room-204' }],
    ['a non-boolean selectable', { selectable: 'yes' }],
    ['an empty name', { name: '' }],
    ['a field the contract does not know', { secret: true }],
  ])('the admin cannot save an object with %s', async (_label, change) => {
    await assertFails(setDoc(ref('admin', OBJECT_PATH), room(change)));
  });

  it.each(EVERYONE)('%s cannot delete an object', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, OBJECT_PATH)));
  });
});

describe('the duty roster', () => {
  it.each(actorCases(['staff', 'otherStaff', 'admin']))('%s reads the roster', async (_label, actor) => {
    await assertSucceeds(getDocs(collection(h.db(actor), `${LOCATION_PATH}/staff`)));
  });

  it.each(actorCases(['resident', 'foreignResident', 'foreignStaff', 'foreignAdmin', 'anonymous']))('%s cannot read the roster', async (_label, actor) => {
    await assertFails(getDoc(ref(actor, ROSTER_PATH)));
  });

  it('the admin puts staff on the roster', async () => {
    await assertSucceeds(setDoc(ref('admin', `${LOCATION_PATH}/staff/staff-2`), rosterEntry({ name: 'Pyotr', tier: 2 })));
  });

  it('the admin takes staff off duty', async () => {
    await assertSucceeds(updateDoc(ref('admin', ROSTER_PATH), { onDuty: false }));
  });

  it('the admin puts staff on the roster under a Cyrillic name and renames an entry', async () => {
    await assertSucceeds(setDoc(ref('admin', `${LOCATION_PATH}/staff/staff-2`), rosterEntry({ name: 'Пётр Сидоров' })));
    await assertSucceeds(updateDoc(ref('admin', ROSTER_PATH), { name: 'Иван Петров' }));
  });

  const BAD_NAMES = [
    ['an empty name', ''],
    ['a name of spaces', '   '],
    ['a name without a letter', '!!!'],
    ['a name with leading or trailing spaces', ' Ivan '],
    ['a name over 100 characters', 'I'.repeat(101)],
  ];

  it.each(BAD_NAMES)('the admin cannot put staff on the roster with %s', async (_label, name) => {
    await assertFails(setDoc(ref('admin', `${LOCATION_PATH}/staff/staff-2`), rosterEntry({ name })));
  });

  it.each(BAD_NAMES)('the admin cannot rename a roster entry to %s', async (_label, name) => {
    await assertFails(updateDoc(ref('admin', ROSTER_PATH), { name }));
  });

  it('the admin cannot put staff on the roster without a name', async () => {
    const nameless = rosterEntry();
    delete nameless.name;
    await assertFails(setDoc(ref('admin', `${LOCATION_PATH}/staff/staff-2`), nameless));
  });

  it('a name stored before the name check does not stop the admin switching duty', async () => {
    await h.seed({ [ROSTER_PATH]: rosterEntry({ name: ' Ivan ' }) });
    await assertSucceeds(updateDoc(ref('admin', ROSTER_PATH), { onDuty: false }));
  });

  it.each(NOT_ITS_ADMIN)("%s cannot change someone else's roster entry", async (_label, actor) => {
    await assertFails(updateDoc(ref(actor, COLLEAGUE_ROSTER_PATH), { onDuty: false }));
  });

  it('staff go off and back on duty themselves', async () => {
    await assertSucceeds(updateDoc(ref('staff', ROSTER_PATH), { onDuty: false }));
    await assertSucceeds(updateDoc(ref('staff', ROSTER_PATH), { onDuty: true }));
  });

  it.each([
    ['their name', { name: 'Ivan the Great' }],
    ['their phone', { phone: '+79120000099' }],
    ['duty and name at once', { onDuty: false, name: 'Ivan' + '!' }],
    ['onDuty to a non-boolean', { onDuty: 'no' }],
  ])('staff cannot change %s on their own entry', async (_label, change) => {
    await assertFails(updateDoc(ref('staff', ROSTER_PATH), change));
  });

  it('staff cannot create their own roster entry', async () => {
    await assertFails(setDoc(ref('staff', `${LOCATION_PATH}/staff/staff-1-new`), rosterEntry()));
  });

  it('a removed staff member (claims without the location) cannot switch their old entry', async () => {
    const removed = h.dbFor({ uid: 'staff-1', role: 'resident', locationIds: [] });
    await assertFails(updateDoc(doc(removed, ROSTER_PATH), { onDuty: false }));
  });

  it('the admin saves an entry with no phone (the person gave none)', async () => {
    await assertSucceeds(setDoc(ref('admin', COLLEAGUE_ROSTER_PATH), rosterEntry({ phone: '' })));
  });

  it('staff cannot change their own tier', async () => {
    await assertFails(updateDoc(ref('staff', ROSTER_PATH), { tier: 2 }));
  });

  it.each([
    ['a tier other than 1 or 2', { tier: 3 }],
    ['a non-boolean onDuty', { onDuty: 'yes' }],
    ['a field the contract does not know', { salary: 1 }],
    ['a phone that is not E.164', { phone: '8 912 000 00 02' }],
    ['a phone over 20 characters', { phone: '+7912000000212345678901' }],
    ['a phone that is not a string', { phone: 79120000002 }],
  ])('the admin cannot save a roster entry with %s', async (_label, change) => {
    await assertFails(setDoc(ref('admin', ROSTER_PATH), rosterEntry(change)));
  });

  it.each(EVERYONE)('%s cannot delete a roster entry', async (_label, actor) => {
    await assertFails(deleteDoc(ref(actor, ROSTER_PATH)));
  });
});

describe("the location's members (written by functions)", () => {
  const MEMBER_PATH = `${LOCATION_PATH}/members/resident-1`;
  beforeEach(() => h.seed({ [MEMBER_PATH]: { name: 'Anna', phone: '+79120000001', role: 'resident', joinedAt: new Date(0) } }));

  it('the admin lists everyone of the location', async () => {
    await assertSucceeds(getDocs(collection(h.db('admin'), `${LOCATION_PATH}/members`)));
  });

  it.each(NOT_ITS_ADMIN)('%s cannot read the members', async (_label, actor) => {
    await assertFails(getDocs(collection(h.db(actor), `${LOCATION_PATH}/members`)));
    await assertFails(getDoc(ref(actor, MEMBER_PATH)));
  });

  it.each(EVERYONE)('%s cannot write a member', async (_label, actor) => {
    await assertFails(setDoc(ref(actor, `${LOCATION_PATH}/members/resident-2`), { name: 'X', phone: '', role: 'admin', joinedAt: new Date(0) }));
    await assertFails(updateDoc(ref(actor, MEMBER_PATH), { role: 'admin' }));
    await assertFails(deleteDoc(ref(actor, MEMBER_PATH)));
  });
});
