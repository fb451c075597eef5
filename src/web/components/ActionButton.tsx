/**
 * A button for an action the server lets the user take here (`show`, from the record's actions or
 * permissions): nothing at all when it does not. It opens a dialog or starts the action.
 */
import type { ButtonHTMLAttributes } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'> & {
  show?: boolean;
  /** The page's or the section's main action. */
  primary?: boolean;
  /** The smaller button of a section's head or of an item. */
  small?: boolean;
  testId?: string;
};

export function ActionButton({ show = true, primary, small, testId, ...button }: Props) {
  if (!show) return null;
  const className = ['btn', small && 'btn--small', primary && 'btn--primary'].filter(Boolean).join(' ');
  return <button type="button" className={className} data-testid={testId} {...button} />;
}
