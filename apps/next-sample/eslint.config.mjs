import reactHooks from 'eslint-plugin-react-hooks';
import base from '../../eslint.config.mjs';

export default [
  ...base,
  // Written by `next build`.
  { ignores: ['.next/**', 'next-env.d.ts'] },
  { files: ['**/*.ts', '**/*.tsx'], ...reactHooks.configs.flat['recommended-latest'] },
];
