import reactHooks from 'eslint-plugin-react-hooks';
import base from '../../eslint.config.mjs';

export default [...base, { files: ['**/*.ts', '**/*.tsx'], ...reactHooks.configs.flat['recommended-latest'] }];
