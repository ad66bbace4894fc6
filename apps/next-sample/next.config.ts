import { dirname, resolve } from 'node:path';
import type { NextConfig } from 'next';

// The libraries are built from their sources in the workspace (tsconfig paths), as in the other samples.
const workspaceRoot = resolve(dirname(__filename), '../..');

/**
 * The Next.js configuration: the workspace root for the bundler and for tracing, and security
 * headers on every answer.
 *
 * @example
 * ```ts
 * // next.config.ts is read by `next build` and by main.ts.
 * ```
 */
const nextConfig: NextConfig = {
  // The libraries' sources import each other as `./x.js` (what their compiled packages contain);
  // webpack maps that to the `.ts` file, which Turbopack cannot, so `next build --webpack`.
  experimental: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
  outputFileTracingRoot: workspaceRoot,
  poweredByHeader: false,
  // A sample is read in a browser, not debugged in one: no source maps for the world.
  productionBrowserSourceMaps: false,
  headers: async () => [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ],
    },
  ],
};

export default nextConfig;
