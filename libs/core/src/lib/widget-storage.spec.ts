import { mintToken } from '../test/mint-token';
import { clearWidgetStorage, dropExpiredToken, storedTokens } from './widget-storage';

const PID = '65f0c0ffee0123456789abcd';
const OTHER = '65f0c0ffee0123456789abce';
const now = () => Date.now() / 1000;

beforeEach(() => localStorage.clear());

describe('widget storage', () => {
  it('clears every widget_sv<digits>_<projectid>_ key and nothing else', () => {
    for (const k of ['widget_sv5_' + PID + '_tiledeskToken', 'widget_sv6_' + PID + '_currentUser', 'widget_sv12_' + PID + '_isOpen'])
      localStorage.setItem(k, 'x');
    localStorage.setItem('widget_sv6_' + OTHER + '_tiledeskToken', 'keep');
    localStorage.setItem('widget_svX_' + PID + '_tiledeskToken', 'keep');
    localStorage.setItem('app_token', 'keep');
    clearWidgetStorage(PID);
    expect(Object.keys({ ...localStorage }).sort()).toEqual(['app_token', 'widget_svX_' + PID + '_tiledeskToken', 'widget_sv6_' + OTHER + '_tiledeskToken'].sort());
  });

  it('drops an expired or unreadable stored token before boot, keeps a valid one', async () => {
    localStorage.setItem('widget_sv6_' + PID + '_tiledeskToken', await mintToken(PID, 's', { expiresIn: -5 }));
    localStorage.setItem('widget_sv5_' + PID + '_tiledeskToken', 'garbage');
    const valid = await mintToken(PID, 's', { expiresIn: 600 });
    localStorage.setItem('widget_sv7_' + PID + '_tiledeskToken', valid);
    localStorage.setItem('widget_sv6_' + PID + '_currentUser', '{}');
    dropExpiredToken(PID, now());
    expect(localStorage.getItem('widget_sv6_' + PID + '_tiledeskToken')).toBeNull();
    expect(localStorage.getItem('widget_sv5_' + PID + '_tiledeskToken')).toBeNull();
    expect(localStorage.getItem('widget_sv7_' + PID + '_tiledeskToken')).toBe(valid);
    expect(localStorage.getItem('widget_sv6_' + PID + '_currentUser')).toBe('{}');
    expect(storedTokens(PID).map(([, p]) => p?.['_id'])).toEqual([PID + '_ada']);
  });

  it('keeps a stored token without exp (it never expires)', async () => {
    const token = await mintToken(PID, 's');
    localStorage.setItem('widget_sv6_' + PID + '_tiledeskToken', token);
    dropExpiredToken(PID, now());
    expect(localStorage.getItem('widget_sv6_' + PID + '_tiledeskToken')).toBe(token);
  });
});
