// The words for what can go wrong with a key path or a save, shared by the popup and the options page.

import type { KeyPathProblem } from '../command/key-path';
import type { MessageKey } from '../shared/i18n';
import type { SaveProblem } from '../shared/messages';

export const KEY_PROBLEMS: Record<KeyPathProblem, MessageKey> = {
  'control-character': 'problemControlCharacter',
  'invisible-character': 'problemInvisibleCharacter',
  'ssh-expansion': 'problemSshExpansion',
  'cmd-special-character': 'problemCmdSpecialCharacter',
  'too-long': 'problemTooLong',
};

export const SAVE_PROBLEMS: Record<SaveProblem, MessageKey> = {
  invalid: 'problemInvalid',
  'too-large': 'problemTooLarge',
  'rate-limited': 'problemRateLimited',
  storage: 'problemStorage',
};
