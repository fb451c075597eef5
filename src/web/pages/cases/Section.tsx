/** A titled part of the case or person page: a landmark named by its heading. */
import { useId, type ReactNode } from 'react';
import { ActionButton } from '../../components/ActionButton.js';
import { RecordList, type RecordListProps } from '../../components/RecordList.js';

export function Section(props: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section className="panel record-section" aria-labelledby={id} data-testid={props.testId}>
      <div className="record-section-head">
        <h2 id={id}>{props.title}</h2>
        {props.actions && <div className="record-section-actions">{props.actions}</div>}
      </div>
      {props.children}
    </section>
  );
}

/**
 * A part of a record page that is one list (an investigation's operations, its cooperation…), with
 * the button that adds to it when `add` is given (the caller passes it only when the user may add).
 * `testId` names the section; the list's other props go to `RecordList`.
 */
export function ListSection<T>({
  title,
  testId,
  add,
  ...list
}: RecordListProps<T> & {
  title: string;
  add?: { label: string; onClick(): void; small?: boolean } | false;
}) {
  return (
    <Section
      title={title}
      testId={testId}
      actions={
        add && (
          <ActionButton small={add.small} onClick={add.onClick}>
            {add.label}
          </ActionButton>
        )
      }
    >
      <RecordList {...list} />
    </Section>
  );
}

/** A term and its value in a details list; an empty value shows as a dash. */
export function Detail({ term, children }: { term: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <>
      <dt>{term}</dt>
      <dd>{empty ? '—' : children}</dd>
    </>
  );
}
