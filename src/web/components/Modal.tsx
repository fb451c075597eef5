/**
 * A modal dialog on the native <dialog> element: it traps focus, closes with Escape and gives
 * focus back to the button that opened it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
}

export function Modal({ title, onClose, children }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    // No close() on unmount: removing an open dialog from the page ends it, and a close event
    // fired from here would call onClose during React's development double-mount.
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // Start at the first field rather than at the close button the browser would pick.
    dialog
      .querySelector<HTMLElement>('.modal-body :is(input, select, textarea, button):not([disabled])')
      ?.focus();
  }, []);

  // onClose is called with no argument: a dialog whose onClose(result?) takes one must not read
  // the close event as its result (Escape is not "saved").
  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId} onClose={() => onClose()}>
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn--ghost" onClick={() => ref.current?.close()}>
          {t('action.close')}
        </button>
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
