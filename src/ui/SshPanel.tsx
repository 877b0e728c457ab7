/** @jsxImportSource #dom */
// The job SSH panel: one row per parallel container, with its command, host keys, time left and
// state, near the job header, so nobody has to open eight runs to find eight commands.

import type { ApiProblem } from '../circleci/api';
import type { SshStepOutput } from '../circleci/ssh-output';
import type { SshWindow } from '../circleci/ssh-window';
import { knownHostsRemoval } from '../command/recipes';
import { type CommandSettings, commandFor, isSafeToPaste } from '../command/ssh-command';
import { type MessageKey, t } from '../shared/i18n';
import { copyLabel } from './CopyCommand';
import { CopyRow } from './CopyRow';
import { countdownTicker, type Ticker } from './countdown';
import { Disclosure } from './Disclosure';
import { formatClock, formatCountdown } from './time-format';

export interface PanelRow {
  readonly container: number;
  /** What the trusted SSH step printed, from the page or CircleCI's API; absent: not known yet. */
  readonly output?: SshStepOutput;
  /** CircleCI's own link to the run, for a container not known yet. */
  readonly runHref?: string;
  /** The sources name different targets: a warning and nothing to copy (panel-model.ts). */
  readonly conflict?: boolean;
  readonly window: SshWindow;
}

/** Where rows can come from, in the order the panel names them. */
export type PanelSource = 'session' | 'token' | 'page';

const SOURCE_NAMES: Record<PanelSource, MessageKey> = {
  session: 'panelSourceSession',
  token: 'panelSourceToken',
  page: 'panelSourcePage',
};

export type PanelNotice =
  | { readonly kind: 'no-key' }
  | { readonly kind: 'someone-else'; readonly users: readonly string[] }
  | { readonly kind: 'api'; readonly problem: ApiProblem }
  | { readonly kind: 'loading' };

export interface SshPanelProps {
  readonly jobNumber: number;
  /** The job whose "Rerun job with SSH" started this one, when this browser saw it. */
  readonly rerunOf?: { readonly jobNumber: number; readonly url: string } | undefined;
  readonly rows: readonly PanelRow[];
  /** Where the rows' commands came from. */
  readonly sources: readonly PanelSource[];
  readonly settingsFor: (container: number) => CommandSettings;
  readonly notices: readonly PanelNotice[];
  /** Moves focus to CircleCI's Rerun menu, which holds Cancel job; absent when the page has none. */
  readonly showCancel?: () => void;
  /** Each countdown registers how to bring its text up to date (content/panel-clock.ts runs them). */
  readonly tickers: Set<Ticker>;
  readonly now: number;
  /** Containers whose host keys are open; the panel keeps this up to date as the user toggles them. */
  readonly openHostKeys: Set<number>;
}

const SSH_KEYS_SETTINGS = 'https://app.circleci.com/settings/user/job-ssh-keys';

const API_PROBLEMS: Record<ApiProblem, MessageKey> = {
  unauthorized: 'panelApiUnauthorized',
  'not-found': 'panelApiNotFound',
  'rate-limited': 'panelApiRateLimited',
  timeout: 'panelApiUnreachable',
  network: 'panelApiUnreachable',
  server: 'panelApiUnreachable',
  malformed: 'panelApiMalformed',
  aborted: 'panelApiUnreachable',
};

function Notice({ notice }: { readonly notice: PanelNotice }) {
  if (notice.kind === 'loading') return <p class="hint">{t('panelLoading')}</p>;
  return (
    <p class="problem" role="note">
      {notice.kind === 'no-key' ? (
        <>
          {t('panelNoKey')} <a href={SSH_KEYS_SETTINGS}>{t('panelNoKeyLink')}</a>
        </>
      ) : notice.kind === 'api' ? (
        t(API_PROBLEMS[notice.problem])
      ) : notice.users.length > 0 ? (
        t('panelSomeoneElseNamed', notice.users.join(', '))
      ) : (
        t('panelSomeoneElse')
      )}
    </p>
  );
}

/** Stands in for the time left while the sentence around it is translated; never shown. */
const TIME_LEFT = '\u2063';

/**
 * "Connect within 8:12 · session ends about 14:05". Only the time left changes each second, in a box of
 * fixed size (ssh-panel.css), so that the tick lays out that box alone, not the job page around it.
 */
function Countdown({ window, tickers, now }: { readonly window: SshWindow } & Pick<SshPanelProps, 'tickers' | 'now'>) {
  const { connectBy, sessionEndsBy, assumed } = window;
  if (connectBy === undefined || sessionEndsBy === undefined || window.expired || now >= connectBy)
    return <span class="countdown">{t(connectBy === undefined ? 'panelNotWaitingYet' : 'panelExpired')}</span>;
  const sentence = t(assumed ? 'panelCountdownAssumed' : 'panelCountdown', TIME_LEFT, formatClock(sessionEndsBy));
  const [before, after] = sentence.split(TIME_LEFT);
  const first = formatCountdown(connectBy - now);
  // As wide as the first value, the longest it will show: it only counts down.
  const left = (
    <span class="time-left" ref={(box) => box?.style.setProperty('width', `${first.length}ch`)}>
      {first}
    </span>
  ) as HTMLElement;
  const text = (
    <span class="countdown">
      {before}
      {left}
      {after}
    </span>
  ) as HTMLElement;
  tickers.add(
    countdownTicker(connectBy, now, (timeLeft) => {
      if (timeLeft === undefined) text.textContent = t('panelExpired');
      else left.textContent = timeLeft;
    }),
  );
  return text;
}

function Row({
  row,
  settingsFor,
  tickers,
  now,
  openHostKeys,
}: { readonly row: PanelRow } & Omit<SshPanelProps, 'rows'>) {
  const { container, output } = row;
  const n = String(container);
  const target = output?.commands[0]?.target;
  const command = target && commandFor(target, settingsFor(container));
  const removal = target?.port !== undefined ? knownHostsRemoval(target, settingsFor(container).shell) : undefined;
  return (
    <li class="container">
      <h3>{t('panelContainer', n)}</h3>
      {row.conflict ? (
        <p class="problem">{t('panelConflict')}</p>
      ) : command ? (
        <>
          <CopyRow
            name={copyLabel(container, target.shell)}
            text={command.text}
            isSafe={() => isSafeToPaste(command)}
          />
          <Countdown window={row.window} tickers={tickers} now={now} />
        </>
      ) : output?.settingUp ? (
        <p class="hint">{t('panelSettingUp')}</p>
      ) : output?.failed ? (
        <p class="problem">{t('panelFailed')}</p>
      ) : target ? (
        <p class="problem">{t('keyUnusable')}</p>
      ) : row.runHref ? (
        <p class="hint">
          {t('panelUnknown')} <a href={row.runHref}>{t('panelOpenRun', n)}</a>
        </p>
      ) : (
        <p class="hint">{t('panelUnknown')}</p>
      )}
      {output && output.hostKeys.length > 0 && (
        <Disclosure
          class="host-keys"
          label={t('panelHostKeys', n)}
          open={openHostKeys.has(container)}
          onToggle={(open) => (open ? openHostKeys.add(container) : openHostKeys.delete(container))}
          content={() => (
            <>
              <ul class="fingerprints" aria-label={t('panelHostKeys', n)}>
                {output.hostKeys.map((key) => (
                  <li>
                    <code>
                      {key.hash}:{key.value}
                    </code>
                    {key.algorithm && ` (${key.algorithm})`}
                  </li>
                ))}
              </ul>
              {removal && (
                <>
                  <p class="hint">{t('panelKnownHostsHint')}</p>
                  <CopyRow
                    name={t('panelKnownHostsLabel', n)}
                    text={removal.text}
                    isSafe={() => isSafeToPaste(removal)}
                  />
                </>
              )}
            </>
          )}
        />
      )}
    </li>
  );
}

export function SshPanel(props: SshPanelProps) {
  const known = props.rows.filter((row) => row.output?.commands.length).length;
  return (
    <section class="ssh-panel" aria-labelledby="ssh-panel-heading">
      <h2 id="ssh-panel-heading">{t('panelHeading', String(props.jobNumber))}</h2>
      {props.rerunOf && (
        <p class="hint">
          {t('panelRerunOf')} <a href={props.rerunOf.url}>{t('panelRerunOfLink', String(props.rerunOf.jobNumber))}</a>
        </p>
      )}
      <p class="hint">{t('panelKnownCount', String(known), String(props.rows.length))}</p>
      {props.sources.length > 0 && (
        <p class="hint">{t('panelSources', props.sources.map((source) => t(SOURCE_NAMES[source])).join(', '))}</p>
      )}
      {props.notices.map((notice) => (
        <Notice notice={notice} />
      ))}
      <ul class="containers">
        {props.rows.map((row) => (
          <Row row={row} {...props} />
        ))}
      </ul>
      <p class="nudge">
        {t('panelCancelNudge')}{' '}
        {props.showCancel && (
          <button type="button" onClick={props.showCancel}>
            {t('panelShowCancel')}
          </button>
        )}
      </p>
    </section>
  );
}
