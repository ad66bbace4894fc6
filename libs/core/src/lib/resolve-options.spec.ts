import { CLOUD_WIDGET_URL, resolveOptions } from './resolve-options.js';
import type { TiledeskOptions } from './options.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const PID = '65f0c0ffee0123456789abcd';

describe('resolveOptions', () => {
  it('fills in the defaults and forces autoStart off', () => {
    const o = resolveOptions({ projectId: PID, settings: { lang: 'it', autoStart: true, projectid: 'x' } });
    expect(o).toMatchObject({
      projectId: PID,
      widgetUrl: CLOUD_WIDGET_URL,
      refreshMarginSeconds: 60,
      bootImmediately: true,
      loadTimeoutMs: 15000,
      showWhen: 'signed-in',
    });
    expect(o.settings).toEqual({ lang: 'it', autoStart: false, projectid: PID });
    expect(() => o.logger.warn('silent')).not.toThrow();
  });

  it("adds no startHidden of its own (it would swallow the next show()) and passes the host's on", () => {
    expect(resolveOptions({ projectId: PID }).settings).not.toHaveProperty('startHidden');
    expect(resolveOptions({ projectId: PID, showWhen: 'always' }).settings).not.toHaveProperty('startHidden');
    expect(resolveOptions({ projectId: PID, settings: { startHidden: true } }).settings['startHidden']).toBe(true);
  });

  it('warns that settings.apiUrl has no effect (the widget URL picks the deployment)', () => {
    const warn = jest.fn();
    resolveOptions({ projectId: PID, settings: { apiUrl: 'https://api.example/' }, logger: { warn, error: jest.fn() } });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/settings\.apiUrl has no effect.*widgetUrl/));
    warn.mockClear();
    resolveOptions({ projectId: PID, settings: { lang: 'it' }, logger: { warn, error: jest.fn() } });
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['no options', undefined, 'options'],
    ['a short projectId', { projectId: 'abc' }, 'projectId'],
    ['a non-hex projectId', { projectId: 'z'.repeat(24) }, 'projectId'],
    ['a widgetUrl with a query', { projectId: PID, widgetUrl: 'https://w.example/v6/launch.js?v=1' }, 'widgetUrl'],
    ['a widgetUrl not ending in launch.js', { projectId: PID, widgetUrl: 'https://w.example/v6/' }, 'widgetUrl'],
    ['settings that are an array', { projectId: PID, settings: [] }, 'settings'],
    ['getToken that is a string', { projectId: PID, getToken: 'JWT x' }, 'getToken'],
    ['a negative refresh margin', { projectId: PID, refreshMarginSeconds: -1 }, 'refreshMarginSeconds'],
    ['bootImmediately as a string', { projectId: PID, bootImmediately: 'yes' }, 'bootImmediately'],
    ['a zero load timeout', { projectId: PID, loadTimeoutMs: 0 }, 'loadTimeoutMs'],
    ['an infinite load timeout', { projectId: PID, loadTimeoutMs: Infinity }, 'loadTimeoutMs'],
    ['an unknown showWhen', { projectId: PID, showWhen: 'sometimes' }, 'showWhen'],
    ['a logger without error()', { projectId: PID, logger: { warn: () => undefined } }, 'logger'],
  ])('rejects %s with invalid-options naming it', (_, options, name) => {
    let error: unknown;
    try {
      resolveOptions(options as unknown as TiledeskOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect((error as TiledeskAuthError).code).toBe('invalid-options');
    expect((error as TiledeskAuthError).message).toContain(name);
  });

  it('accepts root-relative and self-hosted widget URLs', () => {
    expect(resolveOptions({ projectId: PID, widgetUrl: '/v6/launch.js' }).widgetUrl).toBe('/v6/launch.js');
    expect(resolveOptions({ projectId: PID, widgetUrl: 'http://127.0.0.1:9/p/launch.js' }).widgetUrl).toBe(
      'http://127.0.0.1:9/p/launch.js',
    );
  });
});
