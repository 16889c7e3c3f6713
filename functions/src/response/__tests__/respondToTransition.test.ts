import { describe, expect, it } from 'vitest';
import { responseTo } from '../respondToTransition';

describe('reactions to a status change', () => {
  it('tell the resident on acknowledgement, nothing else (the open step runs at creation)', () => {
    expect(responseTo('new', 'open')).toBeNull(); // opening is handled by the create transaction
    expect(responseTo('open', 'acknowledged')).toBe('notify-requester');
    expect(responseTo('new', 'rejected')).toBeNull();
    expect(responseTo('open', 'open')).toBeNull();
    expect(responseTo('acknowledged', 'on_site')).toBeNull();
    expect(responseTo('open', 'cancelled')).toBeNull();
  });
});
