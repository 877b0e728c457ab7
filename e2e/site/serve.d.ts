import type { BrowserContext } from '@playwright/test';
import type { HTTPRequest, Page } from 'puppeteer-core';

/** A file from this folder with its content type, or a plain-text 404. */
export type SiteResponse =
  | { status: 200; contentType: string; path: string }
  | { status: 404; contentType: string; body: string };

/**
 * What the fake CircleCI answers for a URL (see README.md, "URL | Served"); `null` for URLs outside
 * https://app.circleci.com/** and https://circleci.com/**.
 */
export function siteResponse(url: string): SiteResponse | null;

/** Answers https://app.circleci.com/** and https://circleci.com/** from this folder. */
export function serveCircleCI(context: BrowserContext): Promise<void>;

/**
 * Answers the same URLs for a puppeteer page (request interception); lets other requests go ahead
 * unless they would reach the network (http, https, ws, wss, ftp), which are aborted.
 */
export function servePuppeteer(page: Page): Promise<void>;

/** Answers one intercepted request as servePuppeteer does, for a test that intercepts some URLs itself. */
export function answer(request: HTTPRequest): Promise<void>;
