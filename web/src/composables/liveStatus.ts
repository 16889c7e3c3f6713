// What a screen says about its live data: still loading (or only the device's copy so far), failed or
// stalled (with a retry), or there.
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

/** The part of a live listener (useLive.ts) a screen's status needs. */
export interface LiveSource {
  loaded: Ref<boolean>;
  fromCache: Ref<boolean>;
  error: Ref<{ message: string } | null>;
  stalled: Ref<boolean>;
  retry: () => void;
}

export interface LiveStatus {
  /** Something to show, maybe only the device's copy. */
  loaded: boolean;
  /** The server has confirmed what is shown. */
  synced: boolean;
  error: { message: string } | null;
  stalled: boolean;
  /** Listens again to every source. */
  retry: () => void;
}

const statusOf = (source: LiveSource | LiveStatus): LiveStatus =>
  typeof source.loaded === 'boolean'
    ? (source as LiveStatus)
    : {
        loaded: (source as LiveSource).loaded.value,
        synced: (source as LiveSource).loaded.value && !(source as LiveSource).fromCache.value,
        error: (source as LiveSource).error.value,
        stalled: (source as LiveSource).stalled.value,
        retry: source.retry,
      };

/** One status for the listeners (or statuses) a screen waits for: loaded when all are, failed when any is. */
export function liveStatus(sources: MaybeRefOrGetter<(LiveSource | LiveStatus)[]>): ComputedRef<LiveStatus> {
  return computed(() => {
    const list = toValue(sources).map(statusOf);
    return {
      loaded: list.every((status) => status.loaded),
      synced: list.every((status) => status.synced),
      error: list.find((status) => status.error)?.error ?? null,
      stalled: list.some((status) => status.stalled),
      retry: () => list.forEach((status) => status.retry()),
    };
  });
}
