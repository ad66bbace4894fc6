import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/tmp', 'bench/node_modules', 'test-results'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      // Who may import whom (docs/package-layout.md explains why).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:react', onlyDependOnLibsWithTags: ['scope:core', 'scope:testing'] },
            { sourceTag: 'scope:angular', onlyDependOnLibsWithTags: ['scope:core', 'scope:testing'] },
            // The samples' private kit: apps may use it, no published library may (none lists it).
            { sourceTag: 'scope:samples', onlyDependOnLibsWithTags: ['scope:core', 'scope:react'] },
            {
              sourceTag: 'scope:app',
              onlyDependOnLibsWithTags: ['scope:core', 'scope:react', 'scope:angular', 'scope:server', 'scope:testing', 'scope:samples'],
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and their support code may use the emulator; it never reaches a built package.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test-support/**/*.{ts,tsx}', '**/src/test/**/*.ts', '**/src/emulator/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@tiledesk-auth/testing', '@tiledesk-auth/testing/client'],
          depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.mjs', '**/*.cjs', '**/*.js'],
    rules: {
      // `==` coerces; every comparison in this codebase means `===`.
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
