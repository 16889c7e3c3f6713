// What `firebase deploy` reads from each exported function: its region, retries and warm instances; and what every
// callable does before its code runs (App Check, which the deploy manifest does not carry).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import * as deployed from '../index';
import { MIN_INSTANCES, REGION } from '../params';

// Every export is a deployable function, and each carries the manifest entry `firebase deploy` reads.
const endpoints = Object.entries(deployed).map(([name, fn]) => ({ name, endpoint: fn.__endpoint }));
/** The functions a new request passes through before staff are pushed. */
const ON_A_NEW_REQUESTS_PATH = ['onSosRequestCreated', 'onSosRequestUpdated'];

/** A callable's answer to a client's POST that carries no App Check token (and no account), as Cloud Run hands it over. */
async function answerWithoutAppCheck(callable: unknown): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const request = { method: 'POST', headers, header: (name: string) => headers[name.toLowerCase()], body: { data: {} } };
  const answer = { status: 200, body: undefined as unknown };
  const response = Object.assign(new EventEmitter(), {
    setHeader: () => undefined,
    getHeader: () => undefined,
    status(code: number) {
      answer.status = code;
      return response;
    },
    send(body: unknown) {
      answer.body = body;
      response.emit('finish');
    },
  });
  await (callable as (request: unknown, response: unknown) => Promise<unknown>)(request, response);
  return answer;
}

describe('deploy options of every function', () => {
  it('every function runs in the REGION parameter', () => {
    expect(endpoints.length).toBeGreaterThan(0);
    for (const { name, endpoint } of endpoints) expect({ name, region: endpoint.region }).toEqual({ name, region: REGION });
  });

  it('every event-triggered function retries a failed event; the task queue retries per its retryConfig', () => {
    for (const { name, endpoint } of endpoints) {
      if (endpoint.eventTrigger) expect({ name, retry: endpoint.eventTrigger.retry }).toEqual({ name, retry: true });
      if (endpoint.taskQueueTrigger) expect(endpoint.taskQueueTrigger.retryConfig?.maxAttempts).toBeGreaterThan(1);
    }
  });

  it("the functions on a new request's path keep warm instances from the MIN_INSTANCES parameter", () => {
    const onPath = endpoints.filter(({ name }) => ON_A_NEW_REQUESTS_PATH.includes(name));
    expect(onPath.map(({ name }) => name).sort()).toEqual([...ON_A_NEW_REQUESTS_PATH].sort());
    for (const { name, endpoint } of onPath) expect({ name, minInstances: endpoint.minInstances }).toEqual({ name, minInstances: MIN_INSTANCES });
  });

  it("every callable refuses a call without an App Check token before its own checks run (the framework's 401, not «sign in»)", async () => {
    const callables = Object.entries(deployed).filter(([name]) => endpoints.find((entry) => entry.name === name)?.endpoint.callableTrigger);
    expect(callables.length).toBeGreaterThan(0);
    for (const [name, callable] of callables) {
      expect({ name, ...(await answerWithoutAppCheck(callable)) }).toEqual({
        name,
        status: 401,
        body: { error: { status: 'UNAUTHENTICATED', message: 'Unauthenticated' } },
      });
    }
  });
});
