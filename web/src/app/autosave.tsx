/**
 * Nothing typed is lost (issue 19): a long form saves its draft by itself, shortly after the user stops
 * changing it, through the form's own draft-save request; says where it stands ("Đang lưu…", "Đã lưu
 * lúc 09:41", "Chưa lưu được — thử lại"); and before the user leaves — another screen of the app, a
 * reload, closing the tab — saves what is pending or, when it cannot, asks first.
 *
 * The form keeps its values and knows whether they differ from what the server has (`dirty`); it gives
 * `changeKey` (a value that changes with every edit, e.g. the values object) and `save()`, which sends
 * the current values with the version it last got back and throws on failure. One save runs at a time;
 * edits made during a save are saved after it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from '@tanstack/react-router';
import { formatTime, useI18n } from './i18n.tsx';

export const AUTOSAVE_DELAY_MS = 1500;

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface Autosave {
  status: AutosaveStatus;
  /** When the last save succeeded (this visit). */
  savedAt: Date | null;
  /** The last save's error, until a save succeeds. */
  error: unknown;
  /** Work the server does not have yet: an edit not yet saved, a save under way or one that failed. */
  unsaved: boolean;
  /** Saves now what is pending (waiting for a save under way first); true once the server has it all. */
  flush(): Promise<boolean>;
}

export function useAutosave(options: {
  dirty: boolean;
  changeKey: unknown;
  save(): Promise<void>;
  /** False while the form may not save (read only, a conflict to resolve, being submitted). */
  enabled?: boolean;
  delayMs?: number;
  /** Asked before leaving when the work could not be saved; the shell's text by default. */
  leaveMessage?: string;
}): Autosave {
  const { t } = useI18n();
  const enabled = options.enabled ?? true;
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);

  // The latest of everything, for timers and the blocker that outlive a render.
  const latest = useRef({ ...options, enabled });
  latest.current = { ...options, enabled };
  const savedKey = useRef<unknown>(options.changeKey);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failed = useRef(false);

  const needsSave = () => latest.current.enabled && latest.current.dirty && latest.current.changeKey !== savedKey.current;

  const run = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    if (!needsSave()) return !failed.current || !latest.current.dirty;
    const key = latest.current.changeKey;
    const attempt = (async () => {
      setSaving(true);
      try {
        await latest.current.save();
        savedKey.current = key;
        failed.current = false;
        setError(null);
        setSavedAt(new Date());
        return true;
      } catch (caught) {
        failed.current = true;
        setError(caught);
        return false;
      } finally {
        setSaving(false);
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, []);

  // Each edit restarts the wait; the save goes once the user pauses.
  useEffect(() => {
    if (!enabled || !options.dirty) return;
    timer.current = setTimeout(() => void run(), delay);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [options.changeKey, options.dirty, enabled, delay, run]);

  const unsaved = options.dirty || saving;
  const unsavedNow = () => latest.current.dirty || inFlight.current !== null;

  useBlocker({
    // Another screen of the app: save first; ask only when that fails (offline, refused).
    shouldBlockFn: async () => {
      if (!unsavedNow()) return false;
      if (latest.current.enabled && (await run()) && !needsSave()) return false;
      return !window.confirm(latest.current.leaveMessage ?? t('autosave.leave'));
    },
    // A reload or closing the tab cannot wait for a request: the browser asks.
    enableBeforeUnload: unsavedNow,
  });

  const status: AutosaveStatus = saving ? 'saving' : error ? 'failed' : options.dirty ? 'pending' : savedAt ? 'saved' : 'idle';
  return { status, savedAt, error, unsaved, flush: run };
}

/**
 * Only the warning, for a form whose API has no draft save (the commune's Mẫu 03 validates the whole
 * report on every save): leaving with unsaved changes asks first, in the app and on reload or close.
 */
export function useLeaveWarning(unsaved: boolean, message?: string): void {
  const { t } = useI18n();
  const latest = useRef(unsaved);
  latest.current = unsaved;
  useBlocker({
    shouldBlockFn: () => latest.current && !window.confirm(message ?? t('selfAssessment.leave')),
    enableBeforeUnload: () => latest.current,
  });
}

/** Where the draft stands, in words, with a retry when the last save failed. Announced politely. */
export function SaveState({ autosave, testId = 'save-state' }: { autosave: Autosave; testId?: string }) {
  const { t } = useI18n();
  const { status } = autosave;
  return (
    <span className={`save-state save-state-${status}`} role="status" aria-live="polite" data-testid={testId} data-status={status}>
      {status === 'saving' && t('autosave.saving')}
      {status === 'saved' && t('autosave.savedAt', { time: formatTime(autosave.savedAt) })}
      {status === 'pending' && t('autosave.pending')}
      {status === 'idle' && t('autosave.idle')}
      {status === 'failed' && (
        <>
          {t('autosave.failed')}{' '}
          <button type="button" className="link-button" onClick={() => void autosave.flush()} data-testid={`${testId}-retry`}>
            {t('autosave.retry')}
          </button>
        </>
      )}
    </span>
  );
}
