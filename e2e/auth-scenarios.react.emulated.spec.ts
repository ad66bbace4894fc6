// The auth scenarios (support/auth-scenarios.ts) on the react sample with the emulated widget.
import { describeAuthScenarios } from './support/auth-scenarios';

describeAuthScenarios('react', 'emulated');
