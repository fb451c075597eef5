/**
 * One section of the screening instrument (act, means, purpose, ILO indicators…): its questions
 * in the active language, each a yes / no / not-known radio group. Act, means and purpose start
 * open; the other sections open on demand so the interview is not a wall of questions on a phone.
 */
import { useState } from 'react';
import type { z } from 'zod';
import type { InstrumentSection } from '../../../shared/api-identification.js';
import type { Answer } from '../../../shared/screening-rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { RadioGroup } from './controls.js';

type Section = z.output<typeof InstrumentSection>;

const CORE_KINDS: ReadonlySet<string> = new Set(['act', 'means', 'purpose']);

interface Props {
  section: Section;
  answers: Readonly<Record<string, Answer>>;
  onAnswer(questionId: string, answer: Answer): void;
}

export function ScreeningSection({ section, answers, onAnswer }: Props) {
  const { t, locale } = useI18n();
  const answered = section.questions.filter((question) => answers[question.id] !== undefined).length;
  const yes = section.questions.filter((question) => answers[question.id] === 'yes').length;
  const [open, setOpen] = useState(() => CORE_KINDS.has(section.kind) || answered > 0);
  const options = [
    { value: 'yes', label: t('intake.screening.answer.yes') },
    { value: 'no', label: t('intake.screening.answer.no') },
    { value: 'unknown', label: t('intake.screening.answer.unknown') },
  ] as const;

  return (
    <details
      className={`screening-section screening-section--${section.kind}`}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <span className="screening-section-title">{section.title[locale]}</span>
        <span className="screening-section-progress">
          {t('intake.screening.progress', { answered, total: section.questions.length, yes })}
        </span>
      </summary>
      {section.help && <p className="field-hint">{section.help[locale]}</p>}
      <div className="screening-questions">
        {section.questions.map((question) => (
          <RadioGroup
            key={question.id}
            className="screening-question"
            legend={question.text[locale]}
            hint={question.help?.[locale]}
            name={`answer-${question.id}`}
            options={options}
            layout="inline"
            value={answers[question.id]}
            onChange={(answer) => onAnswer(question.id, answer)}
          />
        ))}
      </div>
    </details>
  );
}
