/** A project id and secret shaped like Tiledesk's (24 hex characters, a UUID v4). Test data only. */
export const PROJECT_ID = '65f0c0ffee0123456789abcd';
export const SECRET = '5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f';
export const OTHER_PROJECT_ID = '65f0c0ffee0123456789ffff';
