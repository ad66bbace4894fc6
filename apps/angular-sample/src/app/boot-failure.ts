/**
 * Shown when the token server cannot be reached before Angular starts; plain DOM because there is
 * no app to render it yet.
 *
 * @example
 * ```ts
 * loadBootData().catch(showBootFailure);
 * ```
 */
export function showBootFailure(error: unknown): void {
  const root = document.querySelector('app-root');
  if (!root) return;
  const box = document.createElement('div');
  box.className = 'page-message';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = `The support page could not reach its server: ${error instanceof Error ? error.message : String(error)}`;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'button';
  retry.textContent = 'Try again';
  retry.addEventListener('click', () => location.reload());
  box.append(text, retry);
  root.replaceChildren(box);
}
