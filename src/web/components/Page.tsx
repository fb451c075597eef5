/**
 * A page's heading and document title. After a navigation the heading takes focus, so keyboard
 * and screen-reader users start at the new content instead of wherever the old page left them.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { hasNavigated } from '../navigation.js';
import { ActionButton } from './ActionButton.js';

interface Props {
  title: string;
  /** Leave false where a field should take focus instead (the login form). */
  focusHeading?: boolean;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * The first page shown after the document loads keeps the browser's own focus, so the first Tab
 * reaches the skip link. Remembered by instance id to survive React's development double-mount.
 */
let firstPageId: string | null = null;

export function Page({ title, focusHeading = true, intro, actions, children }: Props) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    firstPageId ??= id;
    if (firstPageId === id || !focusHeading) return;
    // After a navigation, or when the previous view took the focused element with it (login).
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (hasNavigated() || focusLost) headingRef.current?.focus();
    // Only when the page first appears, not when its title changes language.
  }, [focusHeading, id]);

  return (
    <>
      <div className="page-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {intro && <p className="page-intro">{intro}</p>}
      {children}
    </>
  );
}

/** The main button of the page's head (a new record, say), shown only when the user may use it. */
export function PageButton(props: { show: boolean; label: string; onClick(): void; testId?: string }) {
  return (
    <ActionButton show={props.show} primary onClick={props.onClick} testId={props.testId}>
      {props.label}
    </ActionButton>
  );
}
