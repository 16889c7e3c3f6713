// Issue 22 "Shifts", the staff side: Иван's duty follows a shift written for him (not his own switch), on the
// location's clock («Вы на смене до 08:00»); «Закончить смену» ends it early (`offUntil` on his roster entry),
// «Заступить на смену» brings him back to it; «Мои смены» lists it, and his latest notices about duty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FieldValue, getFirestore, Timestamp } from 'firebase-admin/firestore';
import { paths, reachPaths, shiftPaths, type IsoWeekday, type Notice, type Shift } from '@sos/model';
import { DEMO_ACCOUNTS, DEMO_LOCATIONS, DEMO_SHIFTS } from '../../scripts/demo-data';
import { restoreDemoShifts, useEmulators } from '../../scripts/seed';
import { dutyMoment } from '../../web/src/components/staff/dutyTime';
import { appUrl, expectNoPageErrors, launchBrowser, openPhone, screenshot, signIn, type PhonePage } from './browser';
import { t } from './messages';

const LOCATION_ID = 'demo-bc';
const TIMEZONE = DEMO_LOCATIONS[LOCATION_ID]?.timezone ?? 'UTC';
const STAFF = DEMO_ACCOUNTS.staff;
const SHIFT_ID = 'e2e-shifts-staff';
const SHIFT_MINUTES = 180;
const MINUTE = 60_000;
const NARROW = { width: 360, height: 640 };
/** The seed's shifts of Ivan here: cleared while the test's own shift is the only one, so his duty ends with it. */
const SEEDED_SHIFT_IDS = DEMO_SHIFTS.filter((shift) => shift.locationId === LOCATION_ID).map((shift) => shift.id);
/** What the duty watch records when it reminds him of a shift (the push, and its Telegram copy), and a code's notice, which he may not read. */
const REMINDER_ID = 'e2e-shifts-staff-reminder-push';
const REMINDER_COPY_ID = 'e2e-shifts-staff-reminder-telegram';
const CODE_ID = 'e2e-shifts-staff-code';
const NOTICE_IDS = [REMINDER_ID, REMINDER_COPY_ID, CODE_ID];
const notice = (type: Notice['type'], title: string, channel: Notice['channel'] = 'push'): Notice<Timestamp> => ({
  type,
  at: Timestamp.fromMillis(Date.now() - MINUTE),
  title,
  body: `${title}: ${LOCATION_ID}`,
  channel,
  status: 'emulated',
  locationId: LOCATION_ID,
});

/** The local date, `HH:MM` and ISO weekday of an instant in the location's zone. */
function localWall(instant: number): { time: string; weekday: IsoWeekday } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TIMEZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    instant,
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((one) => one.type === type)?.value ?? '';
  const weekday = (['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1) as IsoWeekday;
  return { time: `${part('hour')}:${part('minute')}`, weekday };
}

/** «08:00» or «завтра 08:00», as the staff screen says the end of duty. */
function untilText(endMillis: number): string {
  const moment = dutyMoment(endMillis, Date.now(), TIMEZONE, 'ru');
  return t('duty.onUntil', { when: t(`duty.when.${moment.day}` as 'duty.when.today', { ...moment }) });
}

describe('staff duty by shifts', () => {
  let browser: Browser;
  let staff: PhonePage;
  const roster = () => getFirestore().doc(paths.staffMember(LOCATION_ID, STAFF.uid));
  /** The shift started an hour ago (to the minute) on the location's clock and runs 3 hours. */
  const shiftStart = Math.floor((Date.now() - 60 * MINUTE) / MINUTE) * MINUTE;
  const shiftEnd = shiftStart + SHIFT_MINUTES * MINUTE;

  beforeAll(async () => {
    useEmulators();
    const start = localWall(shiftStart);
    const shift: Shift = { uid: STAFF.uid, tier: 1, days: [start.weekday], start: start.time, minutes: SHIFT_MINUTES };
    await Promise.all(SEEDED_SHIFT_IDS.map((id) => getFirestore().doc(shiftPaths.shift(LOCATION_ID, id)).delete()));
    await getFirestore().doc(shiftPaths.shift(LOCATION_ID, SHIFT_ID)).set(shift);
    await getFirestore().doc(reachPaths.notice(STAFF.uid, REMINDER_ID)).set(notice('shift_reminder', 'Смена через 15 минут'));
    await getFirestore()
      .doc(reachPaths.notice(STAFF.uid, REMINDER_COPY_ID))
      .set(notice('shift_reminder', 'Смена через 15 минут', 'telegram'));
    await getFirestore().doc(reachPaths.notice(STAFF.uid, CODE_ID)).set(notice('contact_code', 'Код подтверждения'));
    // No manual start: the shift alone puts him on duty.
    await roster().update({ onDuty: false, onDutySince: FieldValue.delete(), offUntil: FieldValue.delete() });
    browser = await launchBrowser();
    staff = await openPhone(browser, { viewport: NARROW });
  });

  afterAll(async () => {
    await browser?.close();
    await getFirestore().doc(shiftPaths.shift(LOCATION_ID, SHIFT_ID)).delete();
    await restoreDemoShifts(LOCATION_ID);
    await Promise.all(NOTICE_IDS.map((id) => getFirestore().doc(reachPaths.notice(STAFF.uid, id)).delete()));
    // As seeded: on duty by his own switch, for the files after this one.
    await roster().update({ onDuty: true, onDutySince: FieldValue.delete(), offUntil: FieldValue.delete() });
  });

  it('the staff screen says until when the shift runs; «Закончить смену» ends it early, «Заступить на смену» resumes it', async () => {
    await signIn(staff.page, STAFF.email, /\/staff$/);
    const state = staff.page.getByTestId('duty-state');
    await expect.poll(() => state.innerText().catch(() => ''), { timeout: 15_000 }).toBe(untilText(shiftEnd));
    await screenshot(staff.page, 'shifts-staff-01-on-shift');

    await staff.page.getByRole('button', { name: t('duty.end') }).click();
    await expect.poll(() => state.innerText()).toBe(t('duty.off'));
    await expect.poll(async () => ((await roster().get()).get('offUntil') as FirebaseFirestore.Timestamp | undefined)?.toMillis()).toBe(shiftEnd);
    expect((await roster().get()).get('onDuty')).toBe(false);
    // Next week's shift is the next one.
    expect(await staff.page.getByTestId('duty-next').innerText()).toContain(t('duty.next', { when: '' }).trim());
    await screenshot(staff.page, 'shifts-staff-02-ended-early');

    const start = staff.page.getByRole('button', { name: t('duty.start') });
    await start.click();
    await expect.poll(() => state.innerText()).toBe(untilText(shiftEnd));
    // Back to the shift, not a 12-hour manual start.
    await expect.poll(async () => (await roster().get()).get('offUntil') as unknown).toBeUndefined();
    expect((await roster().get()).get('onDuty')).toBe(false);
    // The one button keeps the focus as it turns into the other.
    expect(await staff.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('duty-toggle');
    expectNoPageErrors(staff);
  });

  it('«Мои смены» lists the shift with its start and end on the location clock, and his shift notices', async () => {
    await staff.page.getByRole('link', { name: t('duty.myShifts') }).click();
    await staff.page.waitForURL(/\/staff\/shifts$/);
    const first = staff.page.getByTestId('my-shift').first();
    await first.waitFor({ timeout: 15_000 });
    const text = await first.innerText();
    expect(text).toContain(localWall(shiftStart).time);
    expect(text).toContain(localWall(shiftEnd).time);
    expect(await first.locator('time').first().getAttribute('datetime')).toBe(new Date(shiftStart).toISOString());
    await staff.page.getByTestId('my-overrides-none').waitFor();
    // The list asks only for the shift types' pushes, so the rules let him read it; a code's notice is never among them.
    const reminder = staff.page.getByTestId('my-notice').filter({ hasText: 'Смена через 15 минут' });
    await reminder.waitFor({ timeout: 15_000 });
    expect(await reminder.getAttribute('data-type')).toBe('shift_reminder');
    // One line per message: its Telegram copy is not listed again.
    expect(await reminder.count()).toBe(1);
    expect(await staff.page.locator('[data-testid="my-notice"][data-type="contact_code"]').count()).toBe(0);
    await screenshot(staff.page, 'shifts-staff-03-my-shifts');
    await staff.page.goto(appUrl('/staff'));
    expectNoPageErrors(staff);
  });
});
