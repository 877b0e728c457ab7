// CHANGELOG.md in the Keep a Changelog format (https://keepachangelog.com/en/1.1.0/): an
// `## [Unreleased]` section on top, then `## [1.2.0] - 2026-12-07` per release, newest first.

/** @param {string} version */
const heading = (version) =>
  new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\](?: - (\\d{4}-\\d{2}-\\d{2}))?[ \\t]*$`, 'm');

/**
 * The notes of one release: the text under its heading, up to the next release's.
 * @param {string} changelog
 * @param {string} version
 */
export function releaseNotes(changelog, version) {
  const match = heading(version).exec(changelog);
  if (!match) return undefined;
  const rest = changelog.slice(match.index + match[0].length);
  const next = rest.search(/^## /m);
  return (next < 0 ? rest : rest.slice(0, next)).trim();
}

/**
 * Why the changelog is not ready for this release, or undefined when it is.
 * @param {string} changelog
 * @param {string} version
 */
export function changelogProblem(changelog, version) {
  if (!/^## \[Unreleased\]/m.test(changelog)) return 'CHANGELOG.md has no "## [Unreleased]" section.';
  const match = heading(version).exec(changelog);
  if (!match) return `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased notes there.`;
  if (!match[1]) return `CHANGELOG.md's ${version} heading has no date: "## [${version}] - YYYY-MM-DD".`;
  if (!releaseNotes(changelog, version)) return `CHANGELOG.md's ${version} section is empty.`;
  return undefined;
}
