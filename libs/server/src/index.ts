export { mintTiledeskToken, mintTiledeskTokenSync } from './lib/mint-tiledesk-token.js';
export type { MintTiledeskTokenOptions, MintedTiledeskToken } from './lib/mint-tiledesk-token.js';
export { explainTiledeskToken } from './lib/explain-tiledesk-token.js';
export type {
  ExplainTiledeskTokenOptions,
  TiledeskTokenExplanation,
  TiledeskTokenProblem,
  TiledeskTokenProblemCode,
} from './lib/explain-tiledesk-token.js';
export { createTokenHandler } from './lib/fetch-token-handler.js';
export { createNodeTokenHandler } from './lib/node-token-handler.js';
export { assertTokenHandlerOptions } from './lib/assert-token-handler-options.js';
export type { TokenHandlerOptions, TokenHandlerOptionsSource, TokenRequestErrorCode, TokenResponseBody } from './lib/token-request.js';
export type { TokenHandlerLogger } from './lib/token-logger.js';
export { TiledeskTokenError, type TiledeskTokenErrorCode } from './lib/tiledesk-token-error.js';
export type { JsonValue, TiledeskVisitor, TiledeskVisitorClaims } from './lib/visitor.js';
export type { TiledeskUserIdKind } from './lib/visitor-id.js';
export {
  DEFAULT_EXPIRES_IN_SECONDS,
  MAX_EXPIRES_IN_SECONDS,
  TILEDESK_AUDIENCE_PREFIX,
  TILEDESK_TOKEN_SCHEME,
  TILEDESK_VISITOR_SUBJECT,
} from './lib/tiledesk-token-format.js';
