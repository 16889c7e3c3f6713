import { describe, expect, it } from 'vitest';
import { responseTo } from '../respondToTransition';

describe('reactions to a status change', () => {
  it('start the loop on open, tell the resident on acknowledgement, nothing else', () => {
    expect(responseTo('new', 'open')).toBe('start-response-loop');
    expect(responseTo('open', 'acknowledged')).toBe('notify-requester');
    expect(responseTo('new', 'rejected')).toBeNull();
    expect(responseTo('open', 'open')).toBeNull();
    expect(responseTo('acknowledged', 'on_site')).toBeNull();
    expect(responseTo('open', 'cancelled')).toBeNull();
  });
});
