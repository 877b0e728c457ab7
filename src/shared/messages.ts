// Messages between the popup and the background worker. Both ends validate against a closed schema:
// a message with an unknown type or an extra field is not ours.

import type { KeyPathProblem } from './key-path';
import { isShell, type Shell } from './shell-quote';

export interface SavePrefsRequest {
  readonly type: 'save-prefs';
  readonly keyPath: string;
  readonly shell: Shell;
}

export type SavePrefsResponse =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: KeyPathProblem | 'storage' };

const KEY_PATH_PROBLEMS: readonly string[] = [
  'control-character',
  'invisible-character',
  'ssh-expansion',
  'cmd-special-character',
  'too-long',
] satisfies KeyPathProblem[];

const hasExactly = (value: object, keys: string) => Object.keys(value).sort().join(',') === keys;

export function parseRequest(message: unknown): SavePrefsRequest | undefined {
  if (typeof message !== 'object' || message === null || !hasExactly(message, 'keyPath,shell,type')) return undefined;
  const { type, keyPath, shell } = message as Record<string, unknown>;
  return type === 'save-prefs' && typeof keyPath === 'string' && isShell(shell) ? { type, keyPath, shell } : undefined;
}

export function parseSavePrefsResponse(message: unknown): SavePrefsResponse {
  const response = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  if (response.ok === true) return { ok: true };
  const problem = KEY_PATH_PROBLEMS.includes(String(response.problem))
    ? (response.problem as KeyPathProblem)
    : 'storage';
  return { ok: false, problem };
}
