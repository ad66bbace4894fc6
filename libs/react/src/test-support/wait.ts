import { screen, waitFor } from '@testing-library/react';

/** The widget loads for real from the emulator, so allow more than Testing Library's 1 s. */
export const WIDGET_TIMEOUT = { timeout: 15000 };

/** Waits until the `status` test id shows `status`. */
export async function waitForStatus(status: string): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('status').textContent).toBe(status), WIDGET_TIMEOUT);
}
