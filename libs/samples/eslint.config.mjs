import reactHooks from 'eslint-plugin-react-hooks';
import base from '../../eslint.config.mjs';

export default [
  ...base,
  { files: ['src/react/**/*.ts', 'src/react/**/*.tsx'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // The framework-free half goes into the Angular sample's bundle and the token servers: no React there.
    files: ['src/*.ts', 'src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tiledesk-auth/react', '@angular/*'],
              message: 'The framework-free half of the kit imports no framework (React code goes in src/react/).',
            },
          ],
        },
      ],
    },
  },
];
