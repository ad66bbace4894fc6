// The auth scenarios (support/auth-scenarios.ts) on the react sample with the real widget (nothing runs unless TILEDESK_REAL_WIDGET_DIR names a build).
import { describeAuthScenarios } from './support/auth-scenarios';

describeAuthScenarios('react', 'real');
