// `npm run migrate`'s roster step against the real emulators: an admin made before admins were put on the roster gets
// an entry, off duty, under the name the location knows; a second run changes nothing.
import './setup';
import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { peopleRefs, refs } from '../../functions/src/firestore';
import { ensureAdminsOnRoster } from '../../functions/src/people/adminRoster';

describe('putting earlier admins on the roster', () => {
  it('adds the missing entry off duty under the membership name, and never changes an existing one', { timeout: 60_000 }, async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const locationId = `${prefix}-site`;
    const [oldAdmin, rosteredAdmin] = [`${prefix}-old-admin`, `${prefix}-rostered-admin`];
    await refs.location(locationId).set({
      name: `Площадка ${prefix}`,
      staffPhone: '+73420000000',
      responseMinutes: 10,
      ackSeconds: 60,
      timezone: 'Asia/Yekaterinburg',
      admins: [oldAdmin, rosteredAdmin],
    });
    await Promise.all([
      peopleRefs.member(locationId, oldAdmin).set({ name: 'Ольга Давняя', phone: '+79001230000', role: 'admin', joinedAt: Timestamp.now() }),
      refs.staffMember(locationId, rosteredAdmin).set({ name: 'Имя От Админа', phone: '', onDuty: true, tier: 2 }),
    ]);

    await ensureAdminsOnRoster();
    expect((await refs.staffMember(locationId, oldAdmin).get()).data()).toEqual({ name: 'Ольга Давняя', phone: '+79001230000', onDuty: false, tier: 1 });
    const kept = await refs.staffMember(locationId, rosteredAdmin).get();
    expect(kept.data()).toEqual({ name: 'Имя От Админа', phone: '', onDuty: true, tier: 2 });

    const added = await refs.staffMember(locationId, oldAdmin).get();
    await ensureAdminsOnRoster();
    expect((await refs.staffMember(locationId, oldAdmin).get()).updateTime?.toMillis()).toBe(added.updateTime?.toMillis());
    expect((await refs.staffMember(locationId, rosteredAdmin).get()).updateTime?.toMillis()).toBe(kept.updateTime?.toMillis());
  });
});
