export const chromiumPath: string;
export const chromiumInUse: string;
export const offlineArgs: string[];
export function extensionArgs(extensionDir: string): string[];
