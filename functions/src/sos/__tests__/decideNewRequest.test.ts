import { describe, expect, it } from 'vitest';
import { REJECT_REASONS, type LocationObject, type RejectReason, type SosRequest, type TimestampLike } from '@sos/model';
import { decideNewRequest, requesterFromMember, requesterFromProfile, type NewRequestContext } from '../decideNewRequest';

const CREATED = Date.UTC(2026, 10, 27, 9, 0, 0);
const ts = (millis: number): TimestampLike => ({ toMillis: () => millis });

const floor: LocationObject = {
  name: '2 этаж',
  kind: 'floor',
  parentId: null,
  plan: { url: '/plans/floor-2.svg', width: 1000, height: 600 },
  selectable: false,
};
const room: LocationObject = {
  name: 'Переговорная 204',
  kind: 'room',
  parentId: 'floor-2',
  position: { x: 0.2, y: 0.25 },
  qrToken: 'qr-204',
  selectable: true,
};

const request = (fields: Partial<SosRequest<TimestampLike>> = {}): SosRequest<TimestampLike> => ({
  uid: 'resident',
  locationId: 'bc',
  objectId: null,
  source: 'emergency',
  description: null,
  repeatOf: null,
  status: 'new',
  createdAt: ts(CREATED),
  ...fields,
});

const context = (fields: Partial<NewRequestContext> = {}): NewRequestContext => ({
  requestId: 'r1',
  request: request(),
  location: { name: 'БЦ', staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'Asia/Yekaterinburg' },
  requester: { name: 'Анна', phone: '+79990000000', member: true, locale: 'ru' },
  repeated: null,
  object: null,
  parent: null,
  qrCode: null,
  earlierVisitorRequests: 0,
  groupLeaderId: null,
  ...fields,
});

const rejectedFor: Record<RejectReason, NewRequestContext> = {
  'invalid-request': context({ request: request({ source: 'form', objectId: 'room-204', description: '   ' }) }),
  'location-not-found': context({ location: null }),
  'not-a-member': context({ requester: requesterFromProfile({ displayName: 'Анна', phone: '+7', locationIds: ['park'], homeLocationId: 'park' }, 'bc') }),
  'repeat-of-foreign': context({ request: request({ repeatOf: 'r0' }), repeated: { uid: 'someone-else' } }),
  'object-not-found': context({ request: request({ source: 'form', objectId: 'room-404', description: 'Пожар' }) }),
  'qr-revoked': context({
    request: request({ source: 'qr', objectId: 'room-204', qrToken: 'qr-204-old' }),
    object: room,
    parent: floor,
  }),
  'kind-not-offered': context({
    request: request({ source: 'qr', objectId: 'room-204', qrToken: 'qr-204', kind: 'lift' }),
    location: { name: 'БЦ', staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'Asia/Yekaterinburg', kinds: ['fire', 'medical'] },
    object: room,
    parent: floor,
  }),
};

describe('decideNewRequest', () => {
  it('opens a valid emergency with both deadlines from creation and the requester from the profile', () => {
    expect(decideNewRequest(context())).toEqual({
      status: 'open',
      deadlineAtMillis: CREATED + 10 * 60_000,
      ackDeadlineAtMillis: CREATED + 60_000,
      locationName: 'БЦ',
      objectName: null,
      requester: { name: 'Анна', phone: '+79990000000' },
      plan: null,
      grouped: false,
      groupOf: null,
      abuseSuspected: false,
      visitorRequestsAtCode: 0,
    });
  });

  it('opens a QR request with the current code, its object named and marked on the parent plan', () => {
    const decision = decideNewRequest(context({ request: request({ source: 'qr', objectId: 'room-204', qrToken: 'qr-204' }), object: room, parent: floor }));
    expect(decision).toMatchObject({
      status: 'open',
      objectName: 'Переговорная 204',
      plan: { url: '/plans/floor-2.svg', width: 1000, height: 600, marker: { x: 0.2, y: 0.25 } },
    });
  });

  it.each(REJECT_REASONS)('rejects with %s', (reason) => {
    expect(decideNewRequest(rejectedFor[reason])).toEqual({ status: 'rejected', rejectReason: reason });
  });

  it('opens a kind the location offers, every kind where it chose none, and the one-tap call wherever it chose', () => {
    const qr = (kind: SosRequest['kind']) => request({ source: 'qr', objectId: 'room-204', qrToken: 'qr-204', kind });
    const offering = (kinds: NonNullable<NewRequestContext['location']>['kinds']) => ({ ...context().location!, kinds });
    expect(decideNewRequest(context({ request: qr('fire'), object: room, parent: floor, location: offering(['fire']) }))).toMatchObject({ status: 'open' });
    expect(decideNewRequest(context({ request: qr('leak'), object: room, parent: floor }))).toMatchObject({ status: 'open' });
    expect(decideNewRequest(context({ request: request({ kind: 'emergency' }), location: offering(['fire']) }))).toMatchObject({ status: 'open' });
    // The wall's «Нужна помощь» (`other`, or a QR request stored before kinds) opens even where `other` is not offered:
    // the first-paint shell offers it before the app knows the kinds.
    expect(decideNewRequest(context({ request: qr(undefined), object: room, parent: floor, location: offering(['fire']) }))).toMatchObject({ status: 'open' });
    expect(decideNewRequest(context({ request: qr('other'), object: room, parent: floor, location: offering(['fire']) }))).toMatchObject({ status: 'open' });
    // A form's «Другое» is still refused there.
    const form = request({ source: 'form', objectId: 'room-204', description: 'Что-то', kind: 'other' });
    expect(decideNewRequest(context({ request: form, object: room, parent: floor, location: offering(['fire']) }))).toEqual({
      status: 'rejected',
      rejectReason: 'kind-not-offered',
    });
  });

  it('settles who may call before the kind: a non-member asking for a kind not offered is refused as a non-member', () => {
    const outsider = requesterFromProfile({ displayName: 'Анна', phone: '+7', locationIds: ['park'], homeLocationId: 'park' }, 'bc');
    const lift = request({ source: 'form', objectId: 'room-204', description: 'Застряла', kind: 'lift' });
    const location = { ...context().location!, kinds: ['fire' as const] };
    expect(decideNewRequest(context({ request: lift, object: room, location, requester: outsider }))).toEqual({
      status: 'rejected',
      rejectReason: 'not-a-member',
    });
  });

  it('rejects a kind that does not fit the source, and a silent call that is not a one-tap call, as invalid', () => {
    const invalid = { status: 'rejected', rejectReason: 'invalid-request' };
    expect(decideNewRequest(context({ request: request({ kind: 'fire' }) }))).toEqual(invalid);
    expect(
      decideNewRequest(context({ request: request({ source: 'form', objectId: 'room-204', description: 'Дым', kind: 'emergency' }), object: room })),
    ).toEqual(invalid);
    expect(decideNewRequest(context({ request: request({ source: 'form', objectId: 'room-204', description: 'Дым', silent: true }), object: room }))).toEqual(
      invalid,
    );
    expect(decideNewRequest(context({ request: request({ silent: true }) }))).toMatchObject({ status: 'open' });
  });

  it('rejects a source outside the contract as an invalid request', () => {
    const stray = request({ source: 'telepathy' as SosRequest['source'] });
    expect(decideNewRequest(context({ request: stray }))).toEqual({ status: 'rejected', rejectReason: 'invalid-request' });
  });

  it('takes a member from the membership document, and a profile without one by its locationIds', () => {
    expect(decideNewRequest(context({ requester: requesterFromMember({ name: 'Анна Н.', phone: '+79990000001' }) }))).toMatchObject({
      status: 'open',
      requester: { name: 'Анна Н.', phone: '+79990000001' },
    });
    const profile = { displayName: 'Анна', phone: '+7', locationIds: ['bc'], homeLocationId: 'bc' };
    expect(decideNewRequest(context({ requester: requesterFromProfile(profile, 'bc') }))).toMatchObject({ status: 'open' });
    expect(decideNewRequest(context({ requester: requesterFromProfile(profile, 'park') }))).toEqual({ status: 'rejected', rejectReason: 'not-a-member' });
  });

  it('rejects a user without a profile as not a member', () => {
    expect(decideNewRequest(context({ requester: null }))).toEqual({ status: 'rejected', rejectReason: 'not-a-member' });
  });

  it('rejects a repeat of a request that does not exist', () => {
    expect(decideNewRequest(context({ request: request({ repeatOf: 'gone' }), repeated: null }))).toEqual({
      status: 'rejected',
      rejectReason: 'repeat-of-foreign',
    });
  });

  it('accepts a repeat of the own earlier request', () => {
    expect(decideNewRequest(context({ request: request({ repeatOf: 'r0' }), repeated: { uid: 'resident' } })).status).toBe('open');
  });

  it('rejects a QR request without a token', () => {
    const decision = decideNewRequest(context({ request: request({ source: 'qr', objectId: 'room-204', qrToken: null }), object: room, parent: floor }));
    expect(decision).toEqual({ status: 'rejected', rejectReason: 'qr-revoked' });
  });
});

describe('a guest at the wall (a profile, not a member of the location)', () => {
  const guest = requesterFromProfile({ displayName: 'Борис', phone: '+79990000002', locationIds: ['park'], homeLocationId: 'park' }, 'bc');
  const code = { locationId: 'bc', objectId: 'room-204', active: true };
  const atTheWall = (fields: Partial<NewRequestContext> = {}) =>
    context({
      request: request({ uid: 'guest', source: 'qr', objectId: 'room-204', qrToken: 'qr-204' }),
      requester: guest,
      object: room,
      parent: floor,
      qrCode: code,
      ...fields,
    });

  it('opens a qr request at an active, matching code with their own name and phone, marked a guest', () => {
    expect(decideNewRequest(atTheWall())).toMatchObject({
      status: 'open',
      requester: { name: 'Борис', phone: '+79990000002', guest: true },
      grouped: false,
    });
    expect(decideNewRequest(atTheWall())).not.toHaveProperty('requester.visitor');
  });

  it('opens for a new sign-up with no location at all', () => {
    const newcomer = requesterFromProfile({ displayName: 'Вера', phone: '+79990000003', locationIds: [], homeLocationId: null }, 'bc');
    expect(decideNewRequest(atTheWall({ requester: newcomer }))).toMatchObject({ status: 'open', requester: { name: 'Вера', guest: true } });
  });

  it('is refused for a revoked, unknown or mismatched code', () => {
    for (const qrCode of [{ ...code, active: false }, null, { ...code, locationId: 'park' }, { ...code, objectId: 'room-205' }]) {
      expect(decideNewRequest(atTheWall({ qrCode }))).toEqual({ status: 'rejected', rejectReason: 'qr-revoked' });
    }
  });

  it('opens grouped with the first request at the code still active, like a visitor', () => {
    expect(decideNewRequest(atTheWall({ earlierVisitorRequests: 0, groupLeaderId: null }))).toMatchObject({ status: 'open', grouped: false, groupOf: null });
    expect(decideNewRequest(atTheWall({ earlierVisitorRequests: 1, groupLeaderId: 'first' }))).toMatchObject({
      status: 'open',
      grouped: true,
      groupOf: 'first',
    });
  });

  it('leads a response of its own when no earlier request there is still active', () => {
    expect(decideNewRequest(atTheWall({ earlierVisitorRequests: 7, groupLeaderId: null }))).toMatchObject({ status: 'open', grouped: false, groupOf: null });
  });

  it('suspects abuse beyond 30 at the code, once per flood window', () => {
    const at = (earlierVisitorRequests: number, alertedAgoMs?: number) =>
      decideNewRequest(
        atTheWall({
          earlierVisitorRequests,
          groupLeaderId: 'first',
          qrCode: alertedAgoMs === undefined ? code : { ...code, abuseAlertedAt: ts(CREATED - alertedAgoMs) },
        }),
      );
    expect(at(29)).toMatchObject({ abuseSuspected: false, visitorRequestsAtCode: 30 });
    expect(at(30)).toMatchObject({ abuseSuspected: true, visitorRequestsAtCode: 31 });
    expect(at(31, 60_000)).toMatchObject({ abuseSuspected: false, visitorRequestsAtCode: 32 });
    expect(at(31, 10 * 60_000)).toMatchObject({ abuseSuspected: true });
  });

  it('is still not a member for an emergency or form request', () => {
    expect(decideNewRequest(context({ requester: guest }))).toEqual({ status: 'rejected', rejectReason: 'not-a-member' });
    const form = request({ source: 'form', objectId: 'room-204', description: 'Пожар' });
    expect(decideNewRequest(context({ request: form, requester: guest, object: room }))).toEqual({ status: 'rejected', rejectReason: 'not-a-member' });
  });

  it("a member's qr request is not marked a guest and never grouped", () => {
    const member = requesterFromProfile({ displayName: 'Анна', phone: '+7', locationIds: ['bc'], homeLocationId: 'bc' }, 'bc');
    const decision = decideNewRequest(atTheWall({ requester: member, earlierVisitorRequests: 40, groupLeaderId: 'first' }));
    expect(decision).toMatchObject({
      status: 'open',
      grouped: false,
      groupOf: null,
      abuseSuspected: false,
      visitorRequestsAtCode: 0,
      requester: { name: 'Анна' },
    });
    expect(decision).not.toHaveProperty('requester.guest');
  });
});
