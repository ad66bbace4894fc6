import type { TiledeskAuthError } from '@tiledesk-auth/react';

interface ErrorViewProps {
  readonly error: TiledeskAuthError;
  readonly onRetry: () => void;
  readonly disabled: boolean;
}

/**
 * What went wrong, in words and as the stable code (the e2e tests read the code).
 *
 * @example
 * ```tsx
 * {error && <ErrorView error={error} onRetry={retry} disabled={working} />}
 * ```
 */
export function ErrorView({ error, onRetry, disabled }: ErrorViewProps) {
  return (
    <div className="error-view" role="alert">
      <p>
        <strong>Could not connect the chat</strong> <code data-testid="error">{error.code}</code>
      </p>
      <p className="muted">
        {error.message}
        {error.cause instanceof Error && ` (${error.cause.message})`}
      </p>
      <button type="button" className="button" data-testid="retry" onClick={onRetry} disabled={disabled}>
        Retry
      </button>
    </div>
  );
}
