/**
 * The intake's "choose an existing person" panel, shared by the possible duplicates and the
 * record-linkage matches: a warning with its heading (which takes focus), one card per person with
 * a "use this person" button, and — when `onNew` is given — "continue with a new person".
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { FocusHeading } from './controls.js';

interface Props<T> {
  headingId: string;
  title: string;
  intro: string;
  testId?: string;
  people: readonly T[];
  pending: boolean;
  /** The use button's text, and its accessible name for one person. */
  useLabel: string;
  useNamed(person: T): string;
  newLabel: string;
  onChoose(person: T): void;
  onNew?: (() => void) | undefined;
  /** What the card says of the person below the name. */
  children(person: T): ReactNode;
}

export function CandidatePanel<T extends { id: string; fullName: string }>(props: Props<T>) {
  const { t } = useI18n();
  const { pending, onNew } = props;
  return (
    <section
      className="duplicates notice notice--warning"
      aria-labelledby={props.headingId}
      data-testid={props.testId}
    >
      <FocusHeading id={props.headingId}>{props.title}</FocusHeading>
      <p>{props.intro}</p>
      <ul className="duplicate-list">
        {props.people.map((person) => (
          <li key={person.id} className="duplicate">
            <p className="duplicate-name">{person.fullName}</p>
            {props.children(person)}
            <button
              type="button"
              className="btn"
              disabled={pending}
              aria-label={props.useNamed(person)}
              onClick={() => props.onChoose(person)}
            >
              {props.useLabel}
            </button>
          </li>
        ))}
      </ul>
      {onNew && (
        <div className="wizard-nav">
          <button type="button" className="btn btn--primary" disabled={pending} onClick={onNew}>
            {pending ? t('action.working') : props.newLabel}
          </button>
        </div>
      )}
    </section>
  );
}

/** Sex, birth year when known, and the institution that recorded the person. */
export function PersonFacts({
  person,
}: {
  person: { sex: string; birthYear: number | null; ownerInstitutionCode: string };
}) {
  const { t, locale } = useI18n();
  return (
    <>
      {valueLabel(locale, 'SEXES', person.sex)}
      {person.birthYear !== null && <> · {t('intake.duplicates.born', { year: person.birthYear })}</>}
      {' · '}
      {t('intake.duplicates.owner', { institution: person.ownerInstitutionCode })}
    </>
  );
}
