import {
  ACCEPTED_ALGORITHMS,
  DEFAULT_EXPIRES_IN_SECONDS,
  MAX_EXPIRES_IN_SECONDS,
  PROJECT_ID_PATTERN,
  RESERVED_CLAIMS,
  TILEDESK_AUDIENCE_PREFIX,
  TILEDESK_TOKEN_SCHEME,
  TILEDESK_VISITOR_SUBJECT,
} from './tiledesk-token-format.js';

// These values are duplicated from docs/widget-protocol.md (the visitor token) instead of imported from core;
// this test is what keeps the copy honest.
describe('Tiledesk token format constants', () => {
  it('match what the Tiledesk server accepts (docs/widget-protocol.md)', () => {
    expect(TILEDESK_TOKEN_SCHEME).toBe('JWT');
    expect(TILEDESK_VISITOR_SUBJECT).toBe('userexternal');
    expect(TILEDESK_AUDIENCE_PREFIX).toBe('https://tiledesk.com/projects/');
    expect([...ACCEPTED_ALGORITHMS]).toEqual(['HS256', 'HS384', 'HS512']);
    expect([...RESERVED_CLAIMS].sort()).toEqual(['_id', 'aud', 'exp', 'iat', 'nbf', 'role', 'sub']);
    expect(DEFAULT_EXPIRES_IN_SECONDS).toBe(600);
    expect(MAX_EXPIRES_IN_SECONDS).toBe(24 * 60 * 60);
  });

  it('recognise a project id as 24 hexadecimal characters', () => {
    expect(PROJECT_ID_PATTERN.test('65f0c0ffee0123456789abcd')).toBe(true);
    expect(PROJECT_ID_PATTERN.test('65f0c0ffee0123456789abc')).toBe(false);
    expect(PROJECT_ID_PATTERN.test('65f0c0ffee0123456789abcg')).toBe(false);
  });
});
