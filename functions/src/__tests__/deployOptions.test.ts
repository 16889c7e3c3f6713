// What `firebase deploy` reads from each exported function: its region, retries and warm instances.
import { describe, expect, it } from 'vitest';
import * as deployed from '../index';
import { MIN_INSTANCES, REGION } from '../params';

// Every export is a deployable function, and each carries the manifest entry `firebase deploy` reads.
const endpoints = Object.entries(deployed).map(([name, fn]) => ({ name, endpoint: fn.__endpoint }));
/** The functions a new request passes through before staff are pushed. */
const ON_A_NEW_REQUESTS_PATH = ['onSosRequestCreated', 'onSosRequestUpdated'];

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
});
