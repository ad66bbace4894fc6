// The auth scenarios (support/auth-scenarios.ts) on the angular sample with the emulated widget.
import { describeAuthScenarios } from './support/auth-scenarios';

describeAuthScenarios('angular', 'emulated');
