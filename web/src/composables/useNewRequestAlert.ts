// Tells the person on duty that a request arrived: a short beep (WebAudio, no audio file) and the
// number of waiting requests in the tab title, "(2) Дежурство — SOS".
import { onScopeDispose, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { arrivedIds } from '@sos/model';
import { waitingCalls } from '../shell/documentTitle';

let audio: AudioContext | null = null;

/** Three short high tones; silent (no error) where the browser has not allowed audio yet. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    for (let index = 0; index < 3; index += 1) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = 880;
      gain.gain.value = 0.15;
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + index * 0.25);
      oscillator.stop(start + index * 0.25 + 0.15);
    }
  } catch (error) {
    // No AudioContext (old browser): the title and the list still show the request.
    console.warn('beep unavailable', error);
  }
}

/** Browsers allow audio only after a user gesture: the first tap anywhere unlocks it for later beeps. */
function unlockAudioOnFirstTap(): () => void {
  const unlock = () => {
    audio ??= new AudioContext();
    void audio.resume().catch(() => undefined);
  };
  window.addEventListener('pointerdown', unlock, { once: true });
  return () => window.removeEventListener('pointerdown', unlock);
}

/**
 * `waiting`: the requests that need someone now. The first load only sets the title; every id that
 * appears later beeps once.
 */
export function useNewRequestAlert(waiting: MaybeRefOrGetter<readonly { id: string }[]>, loaded: MaybeRefOrGetter<boolean>) {
  let seen: Set<string> | null = null;
  const stopUnlock = unlockAudioOnFirstTap();

  watch(
    () => [toValue(loaded), toValue(waiting)] as const,
    ([isLoaded, items]) => {
      if (!isLoaded) return;
      if (seen && arrivedIds(seen, items).length > 0) beep();
      seen = new Set([...(seen ?? []), ...items.map((item) => item.id)]);
      waitingCalls.value = items.length;
    },
    { immediate: true },
  );

  onScopeDispose(() => {
    stopUnlock();
    waitingCalls.value = 0;
  });
}
