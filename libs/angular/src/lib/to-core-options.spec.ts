import { Injectable, Injector, inject } from '@angular/core';
import { EMPTY, of, throwError } from 'rxjs';
import { toCoreOptions } from './to-core-options';

@Injectable()
class TokenApi {
  calls = 0;
  next(): string {
    this.calls += 1;
    return `JWT token-${this.calls}`;
  }
}

describe('toCoreOptions', () => {
  const injector = Injector.create({ providers: [TokenApi] });

  it('passes the core options through and drops autoSignIn', () => {
    const options = toCoreOptions({ projectId: 'p', showWhen: 'always', autoSignIn: false }, injector);
    expect(options).toEqual({ projectId: 'p', showWhen: 'always' });
  });

  it('runs getToken in the injection context, once per call', async () => {
    const options = toCoreOptions({ projectId: 'p', getToken: () => of(inject(TokenApi).next()) }, injector);
    await expect(options.getToken?.()).resolves.toBe('JWT token-1');
    await expect(options.getToken?.()).resolves.toBe('JWT token-2');
    expect(injector.get(TokenApi).calls).toBe(2);
  });

  it('accepts a Promise or a plain string', async () => {
    await expect(toCoreOptions({ projectId: 'p', getToken: () => Promise.resolve('a') }, injector).getToken?.()).resolves.toBe('a');
    await expect(toCoreOptions({ projectId: 'p', getToken: () => 'b' }, injector).getToken?.()).resolves.toBe('b');
  });

  it('takes only the first value of an Observable', async () => {
    const getToken = toCoreOptions({ projectId: 'p', getToken: () => of('first', 'second') }, injector).getToken;
    await expect(getToken?.()).resolves.toBe('first');
  });

  it('turns throws, errors and empty Observables into rejections', async () => {
    const boom = new Error('boom');
    const throwing = toCoreOptions(
      {
        projectId: 'p',
        getToken: () => {
          throw boom;
        },
      },
      injector,
    ).getToken;
    await expect(throwing?.()).rejects.toBe(boom);
    const failing = toCoreOptions({ projectId: 'p', getToken: () => throwError(() => boom) }, injector).getToken;
    await expect(failing?.()).rejects.toBe(boom);
    const empty = toCoreOptions({ projectId: 'p', getToken: () => EMPTY }, injector).getToken;
    await expect(empty?.()).rejects.toThrow('no elements in sequence');
  });

  it('passes null on (nobody logged in), from an Observable, a Promise or a plain value', async () => {
    await expect(toCoreOptions({ projectId: 'p', getToken: () => of(null) }, injector).getToken?.()).resolves.toBeNull();
    await expect(toCoreOptions({ projectId: 'p', getToken: () => Promise.resolve(null) }, injector).getToken?.()).resolves.toBeNull();
    await expect(toCoreOptions({ projectId: 'p', getToken: () => null }, injector).getToken?.()).resolves.toBeNull();
  });

  it('hands a getToken that is not a function to core as it is, for core to name it', () => {
    const options = toCoreOptions({ projectId: 'p', getToken: 'JWT abc' as unknown as () => string }, injector);
    expect(options.getToken).toBe('JWT abc');
  });

  it('leaves getToken out when none is given', () => {
    expect('getToken' in toCoreOptions({ projectId: 'p' }, injector)).toBe(false);
  });
});
