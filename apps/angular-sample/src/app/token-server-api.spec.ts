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

  it('keeps other failures as they are, with their status', async () => {
    const { api, http } = start();
    const token = firstValueFrom(api.tiledeskToken());
    http.expectOne('/api/tiledesk-token').flush('down', { status: 503, statusText: 'Service Unavailable' });
    const error = await token.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).status).toBe(503);
  });
});
