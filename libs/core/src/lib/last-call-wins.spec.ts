import { lastCallWins } from './last-call-wins.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const never = new Promise<never>(() => undefined);
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: TiledeskAuthError) => e.code,
  );

describe('lastCallWins', () => {
  it('rejects the running operation with superseded when a new one begins', async () => {
    const ops = lastCallWins(10000);
    const [liveA, guardA, endA] = ops.begin();
    const a = codeOf(guardA(never));
    const [liveB, guardB, endB] = ops.begin();
    expect(await a).toBe('superseded');
    expect(liveA()).toBe(false);
    expect(liveB()).toBe(true);
    await expect(guardB(Promise.resolve(7))).resolves.toBe(7);
    endA();
    expect(ops.busy()).toBe(true);
    endB();
    expect(ops.busy()).toBe(false);
  });

  it('gives up a step that settled just before a new operation began, so the old one cannot resume and commit', async () => {
    const ops = lastCallWins(10000);
    const [, guardA, endA] = ops.begin();
    let settleStep!: (value: number) => void;
    const a = codeOf(guardA(new Promise<number>((resolve) => (settleStep = resolve))));
    settleStep(7);
    // In the same task: the step settled first, but operation A has not resumed yet.
    const [, , endB] = ops.begin();
    expect(await a).toBe('superseded');
    endA();
    endB();
  });

  it('times an operation out', async () => {
    const ops = lastCallWins(20);
    const [live, guard, end] = ops.begin();
    const error = await guard(never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect((error as TiledeskAuthError).code).toBe('timeout');
    expect(live()).toBe(true);
    end();
  });

  it('cancels with the given error and ends live()', async () => {
    const ops = lastCallWins(10000);
    const [live, guard, end] = ops.begin();
    const pending = codeOf(guard(never));
    ops.cancel(new TiledeskAuthError('destroyed', 'gone'));
    expect(await pending).toBe('destroyed');
    expect(live()).toBe(false);
    expect(ops.busy()).toBe(false);
    end();
  });
});
