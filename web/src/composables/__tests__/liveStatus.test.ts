import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { liveStatus, type LiveSource } from '../liveStatus';

function source(state: { loaded?: boolean; fromCache?: boolean; error?: string | null; stalled?: boolean } = {}) {
  const retried = ref(0);
  const live: LiveSource = {
    loaded: ref(state.loaded ?? false),
    fromCache: ref(state.fromCache ?? true),
    error: ref(state.error ? { message: state.error } : null),
    stalled: ref(state.stalled ?? false),
    retry: () => retried.value++,
  };
  return { live, retried };
}

describe('one status for a screen', () => {
  it('is synced only when every listener has the server answer', () => {
    const a = source({ loaded: true, fromCache: false });
    const b = source({ loaded: true, fromCache: true });
    const status = liveStatus([a.live, b.live]);
    expect(status.value).toMatchObject({ loaded: true, synced: false, error: null, stalled: false });
    b.live.fromCache.value = false;
    expect(status.value.synced).toBe(true);
  });

  it('fails when any listener fails or stalls, and its retry listens again to all', () => {
    const a = source({ loaded: true, fromCache: false });
    const b = source({ error: 'permission-denied' });
    const status = liveStatus(() => [a.live, b.live]);
    expect(status.value.error?.message).toBe('permission-denied');
    b.live.error.value = null;
    a.live.stalled.value = true;
    expect(status.value).toMatchObject({ error: null, stalled: true });
    status.value.retry();
    expect([a.retried.value, b.retried.value]).toEqual([1, 1]);
  });

  it('nests: a status made of statuses', () => {
    const inner = source({ loaded: true, fromCache: false });
    const outer = source({ loaded: false });
    const status = liveStatus(() => [liveStatus([inner.live]).value, outer.live]);
    expect(status.value).toMatchObject({ loaded: false, synced: false });
    outer.live.loaded.value = true;
    outer.live.fromCache.value = false;
    expect(status.value).toMatchObject({ loaded: true, synced: true });
    status.value.retry();
    expect([inner.retried.value, outer.retried.value]).toEqual([1, 1]);
  });

  it('has nothing to wait for with no listeners', () => {
    expect(liveStatus([]).value).toMatchObject({ loaded: true, synced: true, error: null, stalled: false });
  });
});
