import { refreshDelay, retryDelay } from './token-refresh.js';

describe('refreshDelay', () => {
  const now = 1_700_000_000_000;
  it('refreshes the margin before exp', () => {
    expect(refreshDelay(now / 1000 + 3600, 60, now)).toBe(3_540_000);
  });
  it('never waits less than half the remaining life, so a long margin cannot loop', () => {
    expect(refreshDelay(now / 1000 + 30, 60, now)).toBe(15_000);
  });
  it('refreshes at once when exp has passed, and caps at the setTimeout limit', () => {
    expect(refreshDelay(now / 1000 - 10, 60, now)).toBe(0);
    expect(refreshDelay(now / 1000 + 10 ** 9, 60, now)).toBe(2 ** 31 - 1);
  });
});

describe('retryDelay', () => {
  it('backs off exponentially up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
