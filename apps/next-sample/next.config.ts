import { dirname, resolve } from 'node:path';
import type { NextConfig } from 'next';

// The libraries are built from their sources in the workspace (tsconfig paths), as in the other samples.
const workspaceRoot = resolve(dirname(__filename), '../..');
// The samples' one stylesheet lives in the React sample; the layout imports it by this alias
// because the workspace's module boundaries forbid a relative import of another project's file.
const SAMPLE_PAGE_CSS = resolve(workspaceRoot, 'apps/react-sample/src/styles.css');
// The API answers and test hooks are JSON: they run and load nothing and nobody frames them. (Here
// and not in server/: Next.js loads this file on its own, without the workspace's TypeScript.)
const API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The Next.js configuration: the workspace root for the bundler and for tracing, and security
 * headers on every answer (the pages' Content-Security-Policy, which carries a nonce per
 * response, comes from proxy.ts).
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
  webpack: (config: { resolve: { alias: Record<string, string> } }) => {
    config.resolve.alias = { ...config.resolve.alias, '@samples/page.css': SAMPLE_PAGE_CSS };
    return config;
  },
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
    ...['/api/:path*', '/__test/:path*'].map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: API_POLICY }] })),
  ],
};

export default nextConfig;
