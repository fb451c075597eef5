/**
 * Which dialog of a page is open, and the confirmation of the last one that did its work (for
 * the page's live region). Opening another dialog clears the confirmation: it no longer describes
 * what is on screen. The lists refresh by themselves after a change (the query layer).
 *
 * A part of a page that announces in its page's live region (a case's notes, tasks, events) gives
 * `onSaved`, which receives the confirmation as the dialog closes.
 */
import { useCallback, useState } from 'react';

export function useDialog<D>(onSaved?: (message: string) => void) {
  const [dialog, setDialog] = useState<D | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const open = useCallback((next: D) => {
    setSaved(null);
    setDialog(next);
  }, []);
  /** Closes the dialog; with a message when it changed something. */
  const close = useCallback(
    (message?: string) => {
      setDialog(null);
      if (!message) return;
      setSaved(message);
      onSaved?.(message);
    },
    [onSaved],
  );
  return { dialog, open, close, saved };
}
