// The auth scenarios (support/auth-scenarios.ts) on the react sample, each widget in a describe of its own.
import { describeAuthScenarios } from './support/auth-scenarios';

describeAuthScenarios('react');
