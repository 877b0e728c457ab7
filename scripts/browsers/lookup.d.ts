export type BrowserName = 'chromium' | 'firefox';
export interface Machine {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  exists: (file: string) => boolean;
  playwrightChromium?: string | undefined;
}
export interface Found {
  browser: BrowserName;
  path: string;
  source: 'env' | 'system' | 'playwright';
}
export interface Missing {
  browser: BrowserName;
  path?: undefined;
  install: string;
  badEnv?: string;
}
export function findBrowser(browser: BrowserName, machine: Machine): Found | Missing;
export function browserLine(result: Found | Missing): string;
