import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { ALERT_SOUNDS, arrivalSound, useNewRequestAlert, type AlertedRequest } from '../useNewRequestAlert';

describe('the sound of an arrival', () => {
  it('is urgent when any arrived request is of an urgent kind', () => {
    expect(arrivalSound([{ kind: 'fire', source: 'form' }])).toBe('urgent');
    expect(
      arrivalSound([
        { kind: 'other', source: 'form' },
        { kind: 'medical', source: 'qr' },
      ]),
    ).toBe('urgent');
    expect(arrivalSound([{ kind: 'emergency', source: 'emergency' }])).toBe('urgent');
  });

  it('is normal for high and normal kinds', () => {
    expect(
      arrivalSound([
        { kind: 'lift', source: 'form' },
        { kind: 'other', source: 'qr' },
      ]),
    ).toBe('normal');
  });

  it('reads a request made before kinds by its source', () => {
    expect(arrivalSound([{ source: 'emergency' }])).toBe('urgent');
    expect(arrivalSound([{ source: 'form' }])).toBe('normal');
  });

  it('is none when nothing arrived', () => {
    expect(arrivalSound([])).toBeNull();
  });

  it('makes the urgent sound longer, louder and two-toned', () => {
    const length = (tones: readonly { at: number; seconds: number }[]) => Math.max(...tones.map((tone) => tone.at + tone.seconds));
    expect(length(ALERT_SOUNDS.urgent.tones)).toBeGreaterThan(length(ALERT_SOUNDS.normal.tones));
    expect(ALERT_SOUNDS.urgent.gain).toBeGreaterThan(ALERT_SOUNDS.normal.gain);
    expect(new Set(ALERT_SOUNDS.urgent.tones.map((tone) => tone.hertz)).size).toBe(2);
  });
});

describe('the new request alert', () => {
  const played: number[] = [];

  class FakeAudioContext {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume = () => Promise.resolve();
    createGain = () => ({ gain: { value: 0 }, connect: (next: unknown) => next });
    createOscillator = () => {
      const oscillator = {
        type: '',
        frequency: { value: 0 },
        connect: (next: unknown) => next,
        start: () => played.push(oscillator.frequency.value),
        stop: () => {},
      };
      return oscillator;
    };
  }

  beforeEach(() => {
    played.length = 0;
    vi.stubGlobal('AudioContext', FakeAudioContext);
    vi.stubGlobal('window', { addEventListener: () => {}, removeEventListener: () => {} });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sounds nothing for the first load, then the urgent sound for an urgent arrival and the normal one for another', async () => {
    const waiting = ref<AlertedRequest[]>([{ id: 'old', kind: 'fire', source: 'form' }]);
    const loaded = ref(true);
    const scope = effectScope();
    scope.run(() => useNewRequestAlert(waiting, loaded));
    expect(played).toEqual([]);

    waiting.value = [...waiting.value, { id: 'a', kind: 'medical', source: 'form' }];
    await nextTick();
    expect(played).toEqual(ALERT_SOUNDS.urgent.tones.map((tone) => tone.hertz));

    played.length = 0;
    waiting.value = [...waiting.value, { id: 'b', kind: 'leak', source: 'form' }];
    await nextTick();
    expect(played).toEqual(ALERT_SOUNDS.normal.tones.map((tone) => tone.hertz));

    played.length = 0;
    waiting.value = waiting.value.filter((request) => request.id !== 'a');
    await nextTick();
    expect(played).toEqual([]);
    scope.stop();
  });
});
