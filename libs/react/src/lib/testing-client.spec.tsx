import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen } from '@testing-library/react';
import { TiledeskTestingClient } from '@tiledesk-auth/core/testing';
import { TiledeskProvider } from './tiledesk-provider.js';
import { useTiledeskAuth } from './use-tiledesk-auth.js';

// README example: begin
function Greeting() {
  const { status, user, signIn } = useTiledeskAuth();
  if (status === 'signed-in') return <p>Hello {user?.email}</p>;
  return <button onClick={() => void signIn()}>Chat with us</button>;
}

it('greets the visitor once signed in, with no widget and no network', async () => {
  const fake = new TiledeskTestingClient(); // signed out until the app signs in
  fake.signInUser = { id: 'p_ada', email: 'ada@example.com' };
  render(
    <TiledeskProvider client={fake}>
      <Greeting />
    </TiledeskProvider>,
  );

  await act(async () => screen.getByRole('button', { name: 'Chat with us' }).click());

  expect(screen.getByText('Hello ada@example.com')).toBeTruthy();
  expect(fake.calls.filter((call) => call.method === 'signIn')).toHaveLength(1);
  act(() => fake.setState({ status: 'signed-out', user: null }));
  expect(screen.getByRole('button', { name: 'Chat with us' })).toBeTruthy();
});
// README example: end

it('is the example libs/react/README.md shows', () => {
  const own = readFileSync(__filename, 'utf8');
  const example = own.slice(
    own.indexOf('// README example: begin\n') + '// README example: begin\n'.length,
    own.indexOf('// README example: end'),
  );
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  expect(example.length).toBeGreaterThan(200);
  expect(readme).toContain(example);
});
