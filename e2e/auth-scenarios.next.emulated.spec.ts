// The auth scenarios (support/auth-scenarios.ts) on the next sample with the emulated widget.
import { describeAuthScenarios } from './support/auth-scenarios';

describeAuthScenarios('next', 'emulated');
