import { setupZoneTestEnv } from 'jest-preset-angular/setup-env/zone';
import './test-setup-web-apis';

setupZoneTestEnv();
