// locations/{id}.alertSteps: the location's admins write them, within the bounds of validateAlertSteps.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';
import { DEFAULT_ALERT_STEPS, MAX_ALERT_STEPS } from '@sos/model';
import { ELSEWHERE, HOME, actorCases, startRulesHarness, type ActorName, type RulesHarness } from '../helpers/rulesEnv';

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness('demo-sos-rules-alert-steps');
});
afterAll(() => h.cleanup());

const LOCATION_PATH = `locations/${HOME}`;
const location = { name: 'Business centre', staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'Asia/Yekaterinburg' };

beforeEach(async () => {
  await h.clear();
  await h.seed({ [LOCATION_PATH]: location, [`locations/${ELSEWHERE}`]: { ...location, name: 'Park' } });
});

const setSteps = (actor: ActorName, alertSteps: unknown) => updateDoc(doc(h.db(actor), LOCATION_PATH), { alertSteps });
const eightSteps = Array.from({ length: MAX_ALERT_STEPS }, (_, i) => ({ channel: i % 2 ? 'sms' : 'voice', afterSeconds: i * 450 }));

describe('alert steps of a location', () => {
  it('the admin sets the default steps, then 8 steps with delays 0 and 3600, then none', async () => {
    await assertSucceeds(setSteps('admin', DEFAULT_ALERT_STEPS));
    await assertSucceeds(setSteps('admin', [...eightSteps.slice(0, 7), { channel: 'telegram', afterSeconds: 3600 }]));
    await assertSucceeds(setSteps('admin', []));
  });

  it('the admin changes the steps together with the other settings', async () => {
    await assertSucceeds(updateDoc(doc(h.db('admin'), LOCATION_PATH), { ackSeconds: 90, alertSteps: [{ channel: 'push', afterSeconds: 0 }] }));
  });

  it.each(actorCases(['resident', 'staff', 'foreignStaff', 'foreignAdmin', 'anonymous']))('%s cannot set the alert steps', async (_label, actor) => {
    await assertFails(setSteps(actor, DEFAULT_ALERT_STEPS));
  });

  it.each([
    ['more than 8 steps', [...eightSteps, { channel: 'sms', afterSeconds: 0 }]],
    ['an unknown channel', [{ channel: 'pigeon', afterSeconds: 0 }]],
    ['an unknown channel in the eighth step', [...eightSteps.slice(0, 7), { channel: 'email', afterSeconds: 0 }]],
    ['a delay below 0', [{ channel: 'sms', afterSeconds: -1 }]],
    ['a delay above 3600', [{ channel: 'voice', afterSeconds: 3601 }]],
    ['a fractional delay', [{ channel: 'sms', afterSeconds: 1.5 }]],
    ['a delay as text', [{ channel: 'sms', afterSeconds: '60' }]],
    ['an extra key', [{ channel: 'sms', afterSeconds: 60, to: '+79120000000' }]],
    ['a missing delay', [{ channel: 'sms' }]],
    ['a step that is not a map', ['sms']],
    ['a map instead of a list', { channel: 'sms', afterSeconds: 0 }],
  ])('the admin cannot set steps with %s', async (_label, steps) => {
    await assertFails(setSteps('admin', steps));
  });
});

describe('alert rate limits', () => {
  it.each(actorCases(['staff', 'admin', 'resident', 'anonymous']))(
    "%s can neither read nor write a person's SMS and call limits (functions only)",
    async (_label, actor) => {
      await h.seed({ 'alertLimits/staff-1': { sms: { sentAt: [1], held: 0, heldLocationName: null } } });
      await assertFails(getDoc(doc(h.db(actor), 'alertLimits/staff-1')));
      await assertFails(setDoc(doc(h.db(actor), 'alertLimits/staff-1'), { sms: { sentAt: [], held: 0, heldLocationName: null } }));
    },
  );
});
