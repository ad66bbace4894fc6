import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import './test-setup-web-apis';

setupZonelessTestEnv();
