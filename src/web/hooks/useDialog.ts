/**
 * Which dialog of a page is open, and the confirmation of the last one that did its work (for
 * the page's live region). Opening another dialog clears the confirmation: it no longer describes
 * what is on screen. The lists refresh by themselves after a change (the query layer).
 */
import { useCallback, useState } from 'react';

export function useDialog<D>() {
  const [dialog, setDialog] = useState<D | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const open = useCallback((next: D) => {
    setSaved(null);
    setDialog(next);
  }, []);
  /** Closes the dialog; with a message when it changed something. */
  const close = useCallback((message?: string) => {
    setDialog(null);
    if (message) setSaved(message);
  }, []);
  return { dialog, open, close, saved };
}
