import { act, renderHook, waitFor } from '@testing-library/react';
import { TiledeskAuthError } from '@tiledesk-auth/react';
import { useAction } from './use-action';

describe('useAction', () => {
  it('is busy while the action runs', async () => {
    const { result } = renderHook(() => useAction());
    let finish = () => undefined as void;
    act(() => result.current.run(() => new Promise<void>((resolve) => (finish = resolve))));
    expect(result.current.busy).toBe(true);
    await act(async () => finish());
    expect(result.current).toMatchObject({ busy: false, problem: null });
  });

  it("shows the app's own failures as the problem, and clears it on the next action", async () => {
    const { result } = renderHook(() => useAction());
    act(() => result.current.run(() => Promise.reject(new Error('Could not log out: DELETE /api/session answered HTTP 500'))));
    await waitFor(() => expect(result.current.busy).toBe(false));
    expect(result.current.problem).toBe('Could not log out: DELETE /api/session answered HTTP 500');

    act(() => result.current.run(() => Promise.resolve()));
    expect(result.current.problem).toBeNull();
    await waitFor(() => expect(result.current.busy).toBe(false));
  });

  it("leaves Tiledesk's failures to the auth state (the chat card shows them)", async () => {
    const { result } = renderHook(() => useAction());
    act(() => result.current.run(() => Promise.reject(new TiledeskAuthError('token-fetch-failed', 'getToken() failed.'))));
    await waitFor(() => expect(result.current.busy).toBe(false));
    expect(result.current.problem).toBeNull();
  });
});
