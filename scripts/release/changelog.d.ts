export function releaseNotes(changelog: string, version: string): string | undefined;
export function changelogProblem(changelog: string, version: string): string | undefined;
