import base from '../../eslint.config.mjs';

export default [
  ...base,
  {
    // Core compares only with === / !==: a loose comparison hides what a value may be.
    files: ['**/*.ts'],
    rules: { eqeqeq: ['error', 'always'] },
  },
];
