export const chromiumPath: string;
export const chromiumInUse: string;
export function extensionArgs(extensionDir: string): string[];
