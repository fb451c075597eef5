/**
 * The list of a record page's part (a case's events, an investigation's operations, a referral's
 * deliveries…): its items, or one line saying there are none. Items are cards with a title and
 * meta lines (`record-item`) unless `plain`.
 */
import type { ReactNode } from 'react';

export interface RecordListProps<T> {
  items: readonly T[];
  itemKey(item: T): string;
  /** What is said instead of the list when there are no items. */
  empty: string;
  testId?: string | undefined;
  itemTestId?: string;
  /** Items as plain lines instead of cards. */
  plain?: boolean;
  ordered?: boolean;
  children(item: T): ReactNode;
}

export function RecordList<T>({
  items,
  itemKey,
  empty,
  testId,
  itemTestId,
  plain,
  ordered,
  children,
}: RecordListProps<T>) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className="record-list" data-testid={testId}>
      {items.map((item) => (
        <li key={itemKey(item)} className={plain ? undefined : 'record-item'} data-testid={itemTestId}>
          {children(item)}
        </li>
      ))}
    </List>
  );
}
