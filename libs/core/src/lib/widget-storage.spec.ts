import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { clearWidgetStorage, dropStoredTokens, storedTokens } from './widget-storage.js';

const PID = '65f0c0ffee0123456789abcd';
const OTHER = '65f0c0ffee0123456789abce';

beforeEach(() => localStorage.clear());

describe('widget storage', () => {
  it('clears every widget_sv<digits>_<projectid>_ key and nothing else', () => {
    for (const k of ['widget_sv5_' + PID + '_tiledeskToken', 'widget_sv6_' + PID + '_currentUser', 'widget_sv12_' + PID + '_isOpen'])
      localStorage.setItem(k, 'x');
    localStorage.setItem('widget_sv6_' + OTHER + '_tiledeskToken', 'keep');
    localStorage.setItem('widget_svX_' + PID + '_tiledeskToken', 'keep');
    localStorage.setItem('app_token', 'keep');
    clearWidgetStorage(PID);
    expect(Object.keys({ ...localStorage }).sort()).toEqual(
      ['app_token', 'widget_svX_' + PID + '_tiledeskToken', 'widget_sv6_' + OTHER + '_tiledeskToken'].sort(),
    );
  });

  it('drops every stored token before boot (expired, unreadable, or valid by exp but maybe signed with a rotated secret)', async () => {
    localStorage.setItem('widget_sv6_' + PID + '_tiledeskToken', await mintVisitorToken(PID, 's', { userId: 'ada', expiresInSeconds: -5 }));
    localStorage.setItem('widget_sv5_' + PID + '_tiledeskToken', 'garbage');
    localStorage.setItem(
      'widget_sv7_' + PID + '_tiledeskToken',
      await mintVisitorToken(PID, 's', { userId: 'ada', expiresInSeconds: 600 }),
    );
    localStorage.setItem('widget_sv8_' + PID + '_tiledeskToken', await mintVisitorToken(PID, 's', { userId: 'ada' }));
    localStorage.setItem('widget_sv6_' + PID + '_currentUser', '{}');
    const other = await mintVisitorToken(OTHER, 's', { userId: 'ada' });
    localStorage.setItem('widget_sv6_' + OTHER + '_tiledeskToken', other);
    dropStoredTokens(PID);
    expect(storedTokens(PID)).toEqual([]);
    expect(localStorage.getItem('widget_sv6_' + PID + '_currentUser')).toBe('{}');
    expect(localStorage.getItem('widget_sv6_' + OTHER + '_tiledeskToken')).toBe(other);
  });

  it('reads the payloads of the stored tokens (undefined when unreadable)', async () => {
    localStorage.setItem(
      'widget_sv6_' + PID + '_tiledeskToken',
      await mintVisitorToken(PID, 's', { userId: 'ada', expiresInSeconds: 600 }),
    );
    localStorage.setItem('widget_sv5_' + PID + '_tiledeskToken', 'garbage');
    const ids = storedTokens(PID).map(([k, p]) => [k.slice(0, 11), p?.['_id']]);
    expect(ids.sort()).toEqual([
      ['widget_sv5_', undefined],
      ['widget_sv6_', PID + '_ada'],
    ]);
  });
});
