import type { BrowserContext } from '@playwright/test';

/** Answers https://app.circleci.com/** and https://circleci.com/gh|bb/** from this folder. */
export function serveCircleCI(context: BrowserContext): Promise<void>;
