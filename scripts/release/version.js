// What a release version may be, and the files that carry it. Both stores read the manifest's
// version, which Chrome limits to dot-separated integers (at most 65535 each): so plain MAJOR.MINOR.PATCH,
// no pre-release suffix.

const VERSION = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/;

/** @param {string} version */
function parts(version) {
  const match = VERSION.exec(version);
  if (!match || match.slice(1).some((part) => Number(part) > 65535)) return undefined;
  return match.slice(1).map(Number);
}

/**
 * Why `next` cannot follow `current`, or undefined when it can.
 * @param {string} current
 * @param {string} next
 */
export function versionProblem(current, next) {
  const [from, to] = [parts(current), parts(next)];
  if (!to) return `${next} is not a version: use MAJOR.MINOR.PATCH, e.g. 1.2.0 (numbers up to 65535).`;
  if (!from) return `package.json's version ${current} is not MAJOR.MINOR.PATCH.`;
  const order = to.map((part, index) => part - (from[index] ?? 0)).find((difference) => difference !== 0) ?? 0;
  return order > 0 ? undefined : `${next} is not after the current version ${current}.`;
}

/**
 * package.json, package-lock.json and manifest.json with the new version. The JSON files npm writes
 * are rewritten as npm writes them; manifest.json, formatted by hand, has its one version line replaced.
 * @param {{ packageJson: string, packageLock: string, manifest: string }} files
 * @param {string} version
 */
export function bumped({ packageJson, packageLock, manifest }, version) {
  const npmJson = (value) => `${JSON.stringify(value, null, 2)}\n`;
  const pkg = JSON.parse(packageJson);
  const lock = JSON.parse(packageLock);
  const versionLine = /^(\s*"version":\s*)"[^"]*"/m;
  if ((manifest.match(new RegExp(versionLine.source, 'gm')) ?? []).length !== 1) {
    throw new Error('manifest.json must have exactly one "version" line');
  }
  return {
    packageJson: npmJson({ ...pkg, version }),
    packageLock: npmJson({ ...lock, version, packages: { ...lock.packages, '': { ...lock.packages[''], version } } }),
    manifest: manifest.replace(versionLine, `$1"${version}"`),
  };
}
