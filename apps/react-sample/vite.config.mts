import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';

// The token server (apps/token-server) serves the built app at /react/ and owns /api and /__test.
const tokenServer = 'http://127.0.0.1:4300';

export default defineConfig({
  root: import.meta.dirname,
  base: '/react/',
  cacheDir: '../../node_modules/.vite/apps/react-sample',
  plugins: [react(), nxViteTsPaths()],
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: { '/api': tokenServer, '/__test': tokenServer },
  },
  build: {
    outDir: '../../dist/apps/react-sample',
    emptyOutDir: true,
    reportCompressedSize: false,
  },
});
