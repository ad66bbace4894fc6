import { EMULATED_WIDGET_EVENTS } from '@tiledesk-auth/testing/client';
import { TILEDESK_EVENT_NAMES } from './widget-events.js';

describe('TILEDESK_EVENT_NAMES', () => {
  it('names exactly the events the emulated widget fires (the independent oracle)', () => {
    expect([...TILEDESK_EVENT_NAMES].sort()).toEqual([...EMULATED_WIDGET_EVENTS].sort());
  });

  it('has no duplicates and leaves out the triggers no widget build calls', () => {
    expect(new Set(TILEDESK_EVENT_NAMES).size).toBe(TILEDESK_EVENT_NAMES.length);
    expect(TILEDESK_EVENT_NAMES).not.toContain('onLoggedIn');
    expect(TILEDESK_EVENT_NAMES).not.toContain('onLoggedOut');
  });
});
