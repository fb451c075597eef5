/** A titled part of the case or person page: a landmark named by its heading. */
import { useId, type ReactNode } from 'react';

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
