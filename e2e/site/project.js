// The project every fake job belongs to: github/acme/api, in one workflow.

export const ORG = 'acme';
export const REPO = 'api';
export const WORKFLOW = '5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90';
