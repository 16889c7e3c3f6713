// App Check on the callables, against the emulators: a signed-in person's call without the app's App Check token is
// refused before the callable runs, and the same call with the token the web app sends on the emulators runs.
import './setup';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { emulatorAppCheckToken } from '../../web/src/firebase/emulatorAppCheck';
import { postToCallable, signIn, type ClientSession } from './clients';

const PASSWORD = 'sos-app-check-1';
let person: ClientSession;

beforeAll(async () => {
  const email = `a-${randomUUID()}@app-check.test`;
  await getAdminAuth().createUser({ email, password: PASSWORD, displayName: 'Анна Смирнова' });
  person = await signIn(email, PASSWORD);
});

afterAll(async () => {
  await person.close();
});

describe('App Check on the callables', () => {
  it('a signed-in call without an App Check token is refused before the callable runs', async () => {
    const answer = await postToCallable('linkTelegram', null, { Authorization: `Bearer ${await person.idToken()}` });
    // The framework's refusal: the callable's own would name a reason, and its result would be a link.
    expect(answer).toEqual({ status: 401, body: { error: { status: 'UNAUTHENTICATED', message: 'Unauthenticated' } } });
  });

  it('the same call with the emulators’ App Check token runs and answers a link', async () => {
    const answer = await postToCallable('linkTelegram', null, {
      Authorization: `Bearer ${await person.idToken()}`,
      'X-Firebase-AppCheck': emulatorAppCheckToken().token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toMatchObject({ url: expect.stringMatching(/^https:\/\/t\.me\/\w+\?start=/) });
  });

  it('the web SDK session, with the app’s App Check provider, is accepted', async () => {
    expect(await person.call<{ url: string }>('linkTelegram')).toMatchObject({ url: expect.stringMatching(/^https:\/\/t\.me\//) });
  });
});
