// Our errors must never reach CircleCI's page or stop its scripts: every callback we run on the page
// goes through `safely`, and each distinct error is reported once in the console.

const reported = new Set<string>();

export function reportError(error: unknown): void {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  if (reported.has(text)) return;
  reported.add(text);
  console.error('CircleCI SSH Copy:', error);
}

export function safely(run: () => unknown): void {
  try {
    const result = run();
    if (result instanceof Promise) result.catch(reportError);
  } catch (error) {
    reportError(error);
  }
}
