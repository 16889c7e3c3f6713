// Tells the person on duty that a request arrived: a sound (WebAudio, no audio file), more insistent for an urgent
// kind, and the number of waiting requests in the tab title, "(2) Дежурство — SOS".
import { onScopeDispose, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { arrivedIds, isUrgent, kindOf, type SosSource } from '@sos/model';
import { waitingCalls } from '../shell/documentTitle';

export type AlertSound = 'urgent' | 'normal';

/** What an arriving request needs to pick its sound: its kind, read with `kindOf`. */
export type AlertedRequest = { id: string; kind?: unknown; source: SosSource | string };

/** The sound a request's arrival makes on its own: urgent for an urgent kind. */
export const soundOf = (request: Omit<AlertedRequest, 'id'>): AlertSound => (isUrgent(kindOf(request)) ? 'urgent' : 'normal');

/** The sound for requests that arrived together: urgent if any of them is of an urgent kind; none if nothing arrived. */
export function arrivalSound(arrived: readonly Omit<AlertedRequest, 'id'>[]): AlertSound | null {
  if (arrived.length === 0) return null;
  return arrived.some((request) => soundOf(request) === 'urgent') ? 'urgent' : 'normal';
}

interface Tone {
  /** Seconds from the start of the sound. */
  at: number;
  seconds: number;
  hertz: number;
}

export interface SoundShape {
  wave: OscillatorType;
  gain: number;
  tones: readonly Tone[];
}

const repeat = (count: number, every: number, tone: (index: number) => Omit<Tone, 'at'>): Tone[] =>
  Array.from({ length: count }, (_, index) => ({ at: index * every, ...tone(index) }));

/** Normal: three short high beeps. Urgent: a two-tone siren for two seconds, louder, that cannot be taken for it. */
export const ALERT_SOUNDS: Readonly<Record<AlertSound, SoundShape>> = {
  normal: { wave: 'square', gain: 0.15, tones: repeat(3, 0.25, () => ({ seconds: 0.15, hertz: 880 })) },
  urgent: { wave: 'sawtooth', gain: 0.3, tones: repeat(8, 0.25, (index) => ({ seconds: 0.22, hertz: index % 2 === 0 ? 988 : 659 })) },
};

let audio: AudioContext | null = null;

/** Plays the sound; silent (no error) where the browser has not allowed audio yet. */
export function playAlertSound(sound: AlertSound): void {
  const shape = ALERT_SOUNDS[sound];
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    for (const tone of shape.tones) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = shape.wave;
      oscillator.frequency.value = tone.hertz;
      gain.gain.value = shape.gain;
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + tone.at);
      oscillator.stop(start + tone.at + tone.seconds);
    }
  } catch (error) {
    // No AudioContext (old browser): the title and the list still show the request.
    console.warn('alert sound unavailable', error);
  }
}

/** Browsers allow audio only after a user gesture: the first tap anywhere unlocks it for later sounds. */
function unlockAudioOnFirstTap(): () => void {
  const unlock = () => {
    audio ??= new AudioContext();
    void audio.resume().catch(() => undefined);
  };
  window.addEventListener('pointerdown', unlock, { once: true });
  return () => window.removeEventListener('pointerdown', unlock);
}

/**
 * `waiting`: the requests that need someone now. The first load only sets the title; the requests that appear
 * later sound once, with the sound `arrivalSound` picks for them.
 */
export function useNewRequestAlert(waiting: MaybeRefOrGetter<readonly AlertedRequest[]>, loaded: MaybeRefOrGetter<boolean>) {
  let seen: Set<string> | null = null;
  const stopUnlock = unlockAudioOnFirstTap();

  watch(
    () => [toValue(loaded), toValue(waiting)] as const,
    ([isLoaded, items]) => {
      if (!isLoaded) return;
      if (seen) {
        const arrived = new Set(arrivedIds(seen, items));
        const sound = arrivalSound(items.filter((item) => arrived.has(item.id)));
        if (sound) playAlertSound(sound);
      }
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
