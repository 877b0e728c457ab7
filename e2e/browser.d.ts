export const chromiumPath: string | undefined;
export function extensionArgs(extensionDir: string): string[];
