import { configProblem } from './config-problem';

describe('configProblem', () => {
  it('finds nothing wrong with a project id alone, and getToken with or without autoSignIn', () => {
    expect(configProblem({ projectId: 'p' })).toBeUndefined();
    expect(configProblem({ projectId: 'p', getToken: () => 'JWT x', autoSignIn: false })).toBeUndefined();
    expect(configProblem({ projectId: 'p', getToken: () => 'JWT x', autoSignIn: true })).toBeUndefined();
  });

  it('leaves projectId and getToken to the core (one rule, on the server too)', () => {
    expect(configProblem({})).toBeUndefined();
    expect(configProblem({ projectId: 'abc', getToken: 'JWT abc' })).toBeUndefined();
  });

  it('names a missing config', () => {
    const error = configProblem(undefined);
    expect(error?.code).toBe('invalid-options');
    expect(error?.message).toBe('provideTiledesk(): config must be an object, got undefined.');
  });

  it('names a non-boolean autoSignIn and autoSignIn without getToken', () => {
    expect(configProblem({ projectId: 'p', getToken: () => 't', autoSignIn: 'yes' })?.message).toContain(
      'autoSignIn must be a boolean, got "yes"',
    );
    expect(configProblem({ projectId: 'p', autoSignIn: true })?.message).toContain('autoSignIn needs getToken');
  });

  it('finds the same problems in a production build (ngDevMode false), the message then being the code alone', () => {
    const scope = globalThis as { ngDevMode?: unknown };
    const before = scope.ngDevMode;
    scope.ngDevMode = false;
    try {
      expect(configProblem({ projectId: 'p' })).toBeUndefined();
      for (const config of [undefined, { projectId: 'p', autoSignIn: 'yes' }, { projectId: 'p', autoSignIn: true }]) {
        expect(configProblem(config)).toMatchObject({ code: 'invalid-options', message: 'invalid-options' });
      }
    } finally {
      scope.ngDevMode = before;
    }
  });
});
