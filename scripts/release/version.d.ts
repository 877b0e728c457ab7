export function versionProblem(current: string, next: string): string | undefined;
export interface VersionedFiles {
  packageJson: string;
  packageLock: string;
  manifest: string;
}
export function bumped(files: VersionedFiles, version: string): VersionedFiles;
