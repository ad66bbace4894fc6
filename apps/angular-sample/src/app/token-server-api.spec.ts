import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TokenServerApi } from './token-server-api';

describe('TokenServerApi.tiledeskToken', () => {
  const start = () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { api: TestBed.inject(TokenServerApi), http: TestBed.inject(HttpTestingController) };
  };
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('answers the token the server minted', async () => {
    const { api, http } = start();
    const token = firstValueFrom(api.tiledeskToken());
    http.expectOne('/api/tiledesk-token').flush({ token: 'JWT a.b.c' });
    await expect(token).resolves.toBe('JWT a.b.c');
  });

  it('answers null for the 401 "no session" (the chat signs out, not an error)', async () => {
    const { api, http } = start();
    const token = firstValueFrom(api.tiledeskToken());
    http.expectOne('/api/tiledesk-token').flush({ error: 'not-signed-in' }, { status: 401, statusText: 'Unauthorized' });
    await expect(token).resolves.toBeNull();
  });

  it("turns other failures into an Error in the page's words, with their status and the response as its cause", async () => {
    const { api, http } = start();
    const token = firstValueFrom(api.tiledeskToken());
    http.expectOne('/api/tiledesk-token').flush('down', { status: 503, statusText: 'Service Unavailable' });
    const error = await token.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('POST /api/tiledesk-token answered HTTP 503');
    expect((error as { status?: unknown }).status).toBe(503);
    expect((error as Error).cause).toBeInstanceOf(HttpErrorResponse);
  });
});

describe('TokenServerApi session calls', () => {
  const start = () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { api: TestBed.inject(TokenServerApi), http: TestBed.inject(HttpTestingController) };
  };
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('says which call the server refused, as the React sample does', async () => {
    const { api, http } = start();
    const login = firstValueFrom(api.logIn('ada'));
    http.expectOne('/api/session').flush('down', { status: 500, statusText: 'Internal Server Error' });
    await expect(login).rejects.toThrow('POST /api/session answered HTTP 500');

    const logout = firstValueFrom(api.logOut());
    http.expectOne('/api/session').flush('down', { status: 502, statusText: 'Bad Gateway' });
    await expect(logout).rejects.toThrow('DELETE /api/session answered HTTP 502');
  });
});
