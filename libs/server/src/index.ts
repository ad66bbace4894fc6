export { mintTiledeskToken, mintTiledeskTokenSync } from './lib/mint-tiledesk-token';
export type { MintTiledeskTokenOptions, MintedTiledeskToken } from './lib/mint-tiledesk-token';
export { explainTiledeskToken } from './lib/explain-tiledesk-token';
export type {
  ExplainTiledeskTokenOptions,
  TiledeskTokenExplanation,
  TiledeskTokenProblem,
  TiledeskTokenProblemCode,
} from './lib/explain-tiledesk-token';
export { createTokenHandler } from './lib/fetch-token-handler';
export { createNodeTokenHandler } from './lib/node-token-handler';
export type { TokenHandlerOptions, TokenRequestErrorCode, TokenResponseBody } from './lib/token-request';
export type { TokenHandlerLogger } from './lib/token-logger';
export { TiledeskTokenError, type TiledeskTokenErrorCode } from './lib/tiledesk-token-error';
export type { JsonValue, TiledeskVisitor, TiledeskVisitorClaims } from './lib/visitor';
export {
  DEFAULT_EXPIRES_IN_SECONDS,
  MAX_EXPIRES_IN_SECONDS,
  TILEDESK_AUDIENCE_PREFIX,
  TILEDESK_TOKEN_SCHEME,
  TILEDESK_VISITOR_SUBJECT,
} from './lib/tiledesk-token-format';
