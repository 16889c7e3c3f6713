import { describe, expect, it } from 'vitest';
import type { SosRequest, TimestampLike } from '@sos/model';
import { decideNewRequest, requesterFromMember, type NewRequestContext } from '../decideNewRequest';
import { cameBefore } from '../visitorFlood';

const ts = (millis: number): TimestampLike => ({ toMillis: () => millis });
const request: SosRequest = {
  uid: 'visitor-1',
  locationId: 'loc',
  objectId: 'room',
  source: 'qr',
  description: null,
  repeatOf: null,
  qrToken: 'qr-1',
  contactPhone: '+7 900 000-00-00',
  status: 'new',
  createdAt: ts(1_000),
};
const context = (overrides: Partial<NewRequestContext> = {}): NewRequestContext => ({
  requestId: 'r',
  request,
  location: { name: 'БЦ', staffPhone: '+7', responseMinutes: 10, ackSeconds: 60, timezone: 'UTC' },
  requester: null,
  repeated: null,
  object: { name: 'Кафе', kind: 'room', parentId: null, qrToken: 'qr-1', selectable: true },
  parent: null,
  qrCode: { locationId: 'loc', objectId: 'room', active: true },
  earlierVisitorRequests: 0,
  groupLeaderId: null,
  ...overrides,
});

describe('a visitor request', () => {
  it('opens for an active, matching code as «Посетитель» with the contact phone', () => {
    expect(decideNewRequest(context())).toMatchObject({
      status: 'open',
      requester: { name: 'Посетитель', phone: '+7 900 000-00-00', visitor: true },
      grouped: false,
    });
  });
  it('is refused for a revoked, unknown or mismatched code', () => {
    for (const qrCode of [
      { locationId: 'loc', objectId: 'room', active: false },
      null,
      { locationId: 'other', objectId: 'room', active: true },
      { locationId: 'loc', objectId: 'hall', active: true },
    ]) {
      expect(decideNewRequest(context({ qrCode }))).toEqual({ status: 'rejected', rejectReason: 'qr-revoked' });
    }
  });
  it('joins the first visitor request at the code while it is still active', () => {
    expect(decideNewRequest(context({ earlierVisitorRequests: 0 }))).toMatchObject({ status: 'open', grouped: false, groupOf: null });
    expect(decideNewRequest(context({ earlierVisitorRequests: 1, groupLeaderId: 'first' }))).toMatchObject({ status: 'open', grouped: true, groupOf: 'first' });
  });
  it('only a qr request may come without a profile', () => {
    expect(decideNewRequest(context({ request: { ...request, source: 'emergency', objectId: null, qrToken: null } }))).toEqual({
      status: 'rejected',
      rejectReason: 'not-a-member',
    });
  });
  it("a resident's request is never grouped, whatever the count", () => {
    const requester = requesterFromMember({ name: 'Анна', phone: '+7' });
    expect(decideNewRequest(context({ requester, earlierVisitorRequests: 9 }))).toMatchObject({ status: 'open', grouped: false, requester: { name: 'Анна' } });
  });
  it('orders requests of the same server time by id', () => {
    expect(cameBefore({ id: 'a', createdAtMillis: 5 }, { id: 'b', createdAtMillis: 5 })).toBe(true);
    expect(cameBefore({ id: 'c', createdAtMillis: 5 }, { id: 'b', createdAtMillis: 5 })).toBe(false);
    expect(cameBefore({ id: 'z', createdAtMillis: 4 }, { id: 'b', createdAtMillis: 5 })).toBe(true);
  });
});
