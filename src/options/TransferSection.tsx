import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../shared/i18n';
import {
  type ImportResult,
  readSettingsFile,
  SETTINGS_FILE_NAME,
  type SettingsPart,
  settingsFile,
} from './settings-file';
import type { PrefsStore } from './use-prefs';

const PART_NAMES: Record<SettingsPart, MessageKey> = {
  shell: 'partShell',
  profiles: 'partProfiles',
  defaultProfileId: 'partDefaultProfile',
  rules: 'partRules',
  options: 'partOptions',
  servers: 'partServers',
  sessionRoute: 'partSessionRoute',
  alerts: 'partAlerts',
};

type FileProblem = Exclude<ImportResult, { ok: true } | { problem: 'invalid' }>['problem'];

const FILE_PROBLEMS: Record<FileProblem, MessageKey> = {
  'not-json': 'importNotJson',
  'not-settings': 'importNotSettings',
  'newer-version': 'importNewerVersion',
};

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = SETTINGS_FILE_NAME;
  link.click();
  // The download reads the blob after this task; Firefox cancels it if the URL is already gone.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function TransferSection({ store: { save, settled } }: { readonly store: PrefsStore }) {
  const [problem, setProblem] = useState<string>();

  const importFrom = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (!file) return;
    const result = await readSettingsFile(file);
    if (result.ok) {
      setProblem(undefined);
      await save(() => result.prefs, 'imported');
    } else if (result.problem === 'invalid') {
      const parts = new Intl.ListFormat(document.documentElement.lang, { type: 'conjunction' });
      setProblem(t('importInvalid', parts.format(result.parts.map((part) => t(PART_NAMES[part])))));
    } else {
      setProblem(t(FILE_PROBLEMS[result.problem]));
    }
  };

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('transferHeading')}</h2>
      <p class="intro">{t('transferIntro')}</p>
      <div class="transfer">
        {/* Waits for saves still under way, such as a field saved as the click left it. */}
        <button type="button" onClick={() => void settled().then((prefs) => download(settingsFile(prefs)))}>
          {t('exportSettings')}
        </button>
        <div class="field">
          <label for="import-file">{t('importSettings')}</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            aria-invalid={problem !== undefined}
            aria-describedby={problem === undefined ? 'import-hint' : 'import-hint import-error'}
            onChange={(event) => void importFrom(event.currentTarget)}
          />
          <p id="import-hint" class="hint">
            {t('importHint')}
          </p>
          {problem !== undefined && (
            <p id="import-error" class="error" role="alert">
              {problem}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
