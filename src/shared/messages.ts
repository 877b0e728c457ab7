// Messages between the popup and the background worker. Both ends validate against a closed schema:
// a message with an unknown type or an extra field is not ours.

import type { KeyPathProblem } from './key-path';

export interface SetKeyPathRequest {
  readonly type: 'set-key-path';
  readonly keyPath: string;
}

export type SetKeyPathResponse =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: KeyPathProblem | 'storage' };

export function parseRequest(message: unknown): SetKeyPathRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const keys = Object.keys(message).sort().join(',');
  const { type, keyPath } = message as Record<string, unknown>;
  return keys === 'keyPath,type' && type === 'set-key-path' && typeof keyPath === 'string'
    ? { type, keyPath }
    : undefined;
}

export function parseSetKeyPathResponse(message: unknown): SetKeyPathResponse {
  const response = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  if (response.ok === true) return { ok: true };
  const problems = ['control-character', 'invisible-character', 'ssh-expansion', 'too-long'];
  const problem = problems.includes(String(response.problem)) ? (response.problem as KeyPathProblem) : 'storage';
  return { ok: false, problem };
}
