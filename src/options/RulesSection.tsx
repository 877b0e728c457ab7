import { useRef, useState } from 'preact/hooks';
import { LIMITS, type Prefs } from '../settings/prefs';
import { describePattern, parseRulePattern } from '../settings/project-rules';
import { t } from '../shared/i18n';
import { removeRule, setRule } from './edits';
import { Field } from './Field';
import type { PrefsStore } from './use-prefs';

/** What is wrong with the pattern typed, if anything; the normalised pattern otherwise. */
function checkPattern(input: string, prefs: Prefs): { pattern?: string; problem?: string } {
  const pattern = parseRulePattern(input);
  if (pattern === undefined) return { problem: t('rulePatternProblem') };
  if (prefs.rules.some((rule) => rule.pattern === pattern))
    return { problem: t('ruleExists', describePattern(pattern)) };
  return { pattern };
}

export function RulesSection({ store: { prefs, save } }: { readonly store: PrefsStore }) {
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState('');
  const [tried, setTried] = useState(false);
  const patternRef = useRef<HTMLInputElement>(null);
  // The picked profile, or the first one when none was picked yet or the picked one is gone.
  const profileId = prefs.profiles.some((profile) => profile.id === chosen) ? chosen : (prefs.profiles[0]?.id ?? '');
  const check = checkPattern(input, prefs);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    const { pattern } = check;
    if (pattern === undefined) {
      patternRef.current?.focus();
      return;
    }
    if (await save((latest) => setRule(latest, pattern, profileId))) {
      setInput('');
      setTried(false);
    }
  };

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('rulesHeading')}</h2>
      <p class="intro">{t('rulesIntro')}</p>
      {prefs.rules.length === 0 ? (
        <p class="empty">{t('rulesEmpty')}</p>
      ) : (
        <table class="rules">
          <thead>
            <tr>
              <th scope="col">{t('rulePattern')}</th>
              <th scope="col">{t('ruleProfile')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {prefs.rules.map((rule) => (
              <tr key={rule.pattern}>
                <th scope="row">
                  <code>{describePattern(rule.pattern)}</code>
                </th>
                <td>
                  <select
                    aria-label={t('ruleProfileLabel', describePattern(rule.pattern))}
                    value={rule.profileId}
                    onChange={(event) => {
                      const id = event.currentTarget.value;
                      void save((latest) => setRule(latest, rule.pattern, id));
                    }}
                  >
                    {prefs.profiles.map((profile) => (
                      <option key={profile.id} value={profile.id}>
                        {profile.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t('removeRuleLabel', describePattern(rule.pattern))}
                    onClick={() => {
                      void save((latest) => removeRule(latest, rule.pattern));
                      patternRef.current?.focus();
                    }}
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {prefs.profiles.length === 0 ? (
        <p class="hint">{t('rulesNeedProfile')}</p>
      ) : prefs.rules.length >= LIMITS.rules ? (
        <p class="hint">{t('ruleLimit', String(LIMITS.rules))}</p>
      ) : (
        <form class="add" aria-labelledby="add-rule-heading" onSubmit={(event) => void submit(event)}>
          <h3 id="add-rule-heading">{t('addRuleHeading')}</h3>
          <div class="rule-fields">
            <Field
              label={t('rulePattern')}
              value={input}
              placeholder="github/acme"
              hint={t('rulePatternHint')}
              error={tried ? check.problem : undefined}
              inputRef={patternRef}
              onInput={setInput}
            />
            <div class="field">
              <label for="rule-profile">{t('ruleProfile')}</label>
              <select id="rule-profile" value={profileId} onChange={(event) => setChosen(event.currentTarget.value)}>
                {prefs.profiles.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {profile.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit">{t('addRule')}</button>
        </form>
      )}
    </section>
  );
}
