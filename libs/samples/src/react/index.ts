// The samples' React page (private, never published): see ../../README.md.
export { SupportPage } from './support-page';
