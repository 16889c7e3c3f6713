// The demo data of PRODUCT.md: used by `npm run seed`, the tests and the bench.
import { telegramContactId, type ContactKind, type Location, type LocationObject, type Shift, type StaffMember, type Role } from '@sos/model';

export const DEMO_PASSWORD = 'sos-demo-1';

export const DEMO_LOCATIONS: Record<string, Location> = {
  'demo-bc': {
    name: 'Бизнес-центр «Демо»',
    staffPhone: '+73422580078',
    responseMinutes: 10,
    ackSeconds: 60,
    timezone: 'Asia/Yekaterinburg',
  },
  'demo-park': {
    name: 'ЖК «Парковый»',
    staffPhone: '+73422000000',
    responseMinutes: 15,
    ackSeconds: 90,
    timezone: 'Asia/Yekaterinburg',
  },
};

export interface DemoObject extends LocationObject {
  id: string;
  locationId: string;
}

const PLAN = { width: 1000, height: 600 };
const room = (id: string, parentId: string, name: string, x: number, y: number, kind = 'room'): DemoObject => ({
  id,
  locationId: 'demo-bc',
  name,
  kind,
  parentId,
  plan: null,
  position: { x, y },
  qrToken: `qr-${id}`,
  selectable: true,
});

export const DEMO_OBJECTS: DemoObject[] = [
  { id: 'bc-a', locationId: 'demo-bc', name: 'Корпус А', kind: 'building', parentId: null, plan: null, position: null, qrToken: null, selectable: false },
  {
    id: 'bc-a-1',
    locationId: 'demo-bc',
    name: '1 этаж',
    kind: 'floor',
    parentId: 'bc-a',
    plan: { url: '/plans/demo-bc-floor-1.svg', ...PLAN },
    position: null,
    qrToken: null,
    selectable: false,
  },
  {
    id: 'bc-a-2',
    locationId: 'demo-bc',
    name: '2 этаж',
    kind: 'floor',
    parentId: 'bc-a',
    plan: { url: '/plans/demo-bc-floor-2.svg', ...PLAN },
    position: null,
    qrToken: null,
    selectable: false,
  },
  room('bc-a-1-lobby', 'bc-a-1', 'Холл и ресепшен', 0.2, 0.5, 'zone'),
  room('bc-a-1-cafe', 'bc-a-1', 'Кафе', 0.55, 0.25),
  room('bc-a-1-entrance', 'bc-a-1', 'Главный вход', 0.5, 0.92, 'entrance'),
  room('bc-a-2-204', 'bc-a-2', 'Переговорная 204', 0.2, 0.25),
  room('bc-a-2-210', 'bc-a-2', 'Офис 210', 0.75, 0.25),
  room('bc-a-2-hall', 'bc-a-2', 'Коридор', 0.5, 0.7, 'zone'),
  {
    id: 'park-1',
    locationId: 'demo-park',
    name: 'Подъезд 1',
    kind: 'entrance',
    parentId: null,
    plan: null,
    position: null,
    qrToken: 'qr-park-1',
    selectable: true,
  },
];

export interface DemoAccount {
  uid: string;
  email: string;
  displayName: string;
  phone: string;
  role: Role;
  locationIds: string[];
  homeLocationId: string | null;
  /** The roster entry: `onDuty: true` without `onDutySince` is a manual start with no end (on duty at every hour). */
  staff?: Pick<StaffMember, 'onDuty' | 'tier'>;
  /** Verified contact methods (Reach), by contact id, so that the demo's alert steps have someone to reach. */
  contacts?: Record<string, { kind: ContactKind; address: string }>;
}

export const DEMO_ACCOUNTS = {
  resident: {
    uid: 'demo-resident',
    email: 'resident@demo.test',
    displayName: 'Анна Смирнова',
    phone: '+79120000001',
    role: 'resident',
    locationIds: ['demo-bc'],
    homeLocationId: 'demo-bc',
  },
  staff: {
    uid: 'demo-staff',
    email: 'staff@demo.test',
    displayName: 'Иван Петров',
    phone: '+79120000002',
    role: 'staff',
    locationIds: ['demo-bc'],
    homeLocationId: 'demo-bc',
    staff: { onDuty: true, tier: 1 },
    contacts: {
      [telegramContactId('700000002')]: { kind: 'telegram', address: '700000002' },
      'demo-sms': { kind: 'sms', address: '+79120000002' },
      'demo-voice': { kind: 'voice', address: '+79120000002' },
    },
  },
  admin: {
    uid: 'demo-admin',
    email: 'admin@demo.test',
    displayName: 'Ольга Админова',
    phone: '+79120000003',
    role: 'admin',
    locationIds: ['demo-bc'],
    homeLocationId: 'demo-bc',
    // On the roster off duty, as every admin is: a claim carries the roster name.
    staff: { onDuty: false, tier: 1 },
  },
  staff2: {
    uid: 'demo-staff2',
    email: 'staff2@demo.test',
    displayName: 'Пётр Сидоров',
    phone: '+79120000004',
    role: 'staff',
    locationIds: ['demo-park'],
    homeLocationId: 'demo-park',
    // On duty by the timetable alone (DEMO_SHIFTS).
    staff: { onDuty: false, tier: 1 },
  },
} satisfies Record<string, DemoAccount>;

export interface DemoShift extends Shift {
  id: string;
  locationId: string;
}

/**
 * A week of shifts. At «Бизнес-центр «Демо»» only Иван has one, to be seen in the grid: his open manual start keeps him
 * on duty at every hour anyway (the tests rely on it), and nobody else is put on duty there. At «ЖК «Парковый»» Пётр
 * works 24 hours from 08:00, Monday to Saturday: from Sunday 08:00 to Monday 08:00 nobody is on duty, the gap the
 * coverage view shows in red.
 */
export const DEMO_SHIFTS: DemoShift[] = [
  { id: 'demo-staff-weekdays', locationId: 'demo-bc', uid: DEMO_ACCOUNTS.staff.uid, tier: 1, days: [1, 2, 3, 4, 5], start: '08:00', minutes: 720 },
  { id: 'demo-staff2-days', locationId: 'demo-park', uid: DEMO_ACCOUNTS.staff2.uid, tier: 1, days: [1, 2, 3, 4, 5, 6], start: '08:00', minutes: 1440 },
];
