/**
 * One training event: what, when, where, for whom, and the participant grid (institution × sex)
 * entered in bulk, with totals per row, per sex and overall. The grid replaces the stored one.
 */
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { PARTICIPANT_SEXES, type TrainingView } from '../../../shared/api-prevention.js';
import { getTrainingEvent, recordTrainingParticipants } from '../../../shared/contracts/prevention.js';
import { Form, useApiForm } from '../../components/Form.js';
import { useInstitutions } from '../../components/InstitutionOptions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { apiQueryKey, queryClient, useApiQuery } from '../../queries.js';
import '../../styles/cases.css';

type Training = z.output<typeof TrainingView>;
type Sex = (typeof PARTICIPANT_SEXES)[number];
/** The grid's cells as typed, by row (an institution id, or OTHER for other or not stated) and sex. */
type Cells = Record<string, Partial<Record<Sex, string>>>;
const OTHER = 'other';

function cellsOf(training: Training): Cells {
  const cells: Cells = {};
  for (const c of training.grid) (cells[c.institution?.id ?? OTHER] ??= {})[c.sex] = String(c.count);
  return cells;
}

/** A whole number typed in a cell: empty is 0, anything else that is not a number is NaN. */
const countOf = (value: string | undefined) => (!value || value.trim() === '' ? 0 : Number(value));

/** The cells that say something, as the request's rows (a bad count is left for the schema to refuse). */
function participantsOf(cells: Cells) {
  return Object.entries(cells).flatMap(([row, bySex]) =>
    PARTICIPANT_SEXES.filter((sex) => countOf(bySex[sex]) !== 0).map((sex) => ({
      institutionId: row === OTHER ? null : row,
      sex,
      count: countOf(bySex[sex]),
    })),
  );
}

export function TrainingPage() {
  const { id } = useParams({ from: '/_app/prevention/trainings/$id' });
  const training = useApiQuery(getTrainingEvent, { params: { id } });
  return <QueryState query={training}>{(data) => <TrainingDetails training={data} />}</QueryState>;
}

function TrainingDetails({ training }: { training: Training }) {
  const { t, locale } = useI18n();
  const institutions = useInstitutions().data?.items;
  const [saved, setSaved] = useState<string | null>(null);
  const form = useApiForm(recordTrainingParticipants, {
    prepare: (values) => ({ participants: participantsOf((values as unknown as { cells: Cells }).cells) }),
    toInput: (body) => ({ params: { id: training.id }, body }),
    onSuccess: (next) => {
      queryClient.setQueryData(apiQueryKey(getTrainingEvent, { params: { id: training.id } }), next);
      setSaved(t('trainings.participantsSaved', { total: next.participants.total }));
    },
  });
  const { reset } = form;
  useEffect(() => reset({ cells: cellsOf(training) } as never), [reset, training]);
  const cells = ((form.watch as (name: string) => unknown)('cells') ?? {}) as Cells;

  if (!institutions) return <Loading />;
  const rows = [
    ...institutions.map((i) => ({ id: i.id, label: i.code, name: i.name })),
    { id: OTHER, label: t('prevention.other'), name: '' },
  ];
  const sexLabel = (sex: Sex) => preventionLabel(locale, 'PARTICIPANT_SEXES', sex);
  const sum = (rowsOf: readonly string[], sexes: readonly Sex[]) =>
    rowsOf.reduce(
      (n, row) =>
        n +
        sexes.reduce((m, sex) => {
          const count = countOf(cells[row]?.[sex]);
          return Number.isInteger(count) ? m + count : m;
        }, 0),
      0,
    );
  const rowIds = rows.map((row) => row.id);
  const invalid = Object.keys(form.formState.errors).length > 0;
  const totals = training.participants;
  return (
    <Page title={training.title}>
      <dl className="facts">
        <dt>{t('trainings.organiser')}</dt>
        <dd>{training.institution.name}</dd>
        <dt>{t('trainings.heldOn')}</dt>
        <dd>{training.endsOn ? `${training.heldOn} – ${training.endsOn}` : training.heldOn}</dd>
        <dt>{t('trainings.kind')}</dt>
        <dd>
          {preventionLabel(locale, 'TRAINING_KINDS', training.kind)} ·{' '}
          {preventionLabel(locale, 'TRAINING_MODALITIES', training.modality)}
        </dd>
        <dt>{t('trainings.place')}</dt>
        <dd>
          {[training.place, training.department && departmentName(training.department)]
            .filter(Boolean)
            .join(' · ') || '—'}
        </dd>
        <dt>{t('trainings.topics')}</dt>
        <dd>
          {training.topics.map((topic) => preventionLabel(locale, 'TRAINING_TOPICS', topic)).join(', ')}
        </dd>
        <dt>{t('trainings.audience')}</dt>
        <dd>{training.audience.map((i) => i.code).join(', ') || '—'}</dd>
      </dl>
      <p className="cases-total" data-testid="training-totals">
        {t('trainings.totals', {
          total: totals.total,
          female: totals.bySex.Female,
          male: totals.bySex.Male,
          other: totals.bySex.Unspecified,
        })}
      </p>
      <Form
        form={form}
        onSubmit={(event) => {
          setSaved(null);
          return form.onSubmit(event);
        }}
        className=""
        testId="participants-form"
      >
        <h2>{t('trainings.grid')}</h2>
        {training.canRecord && <p className="field-hint">{t('trainings.gridHint')}</p>}
        <div className="table-scroll">
          <table className="table participant-grid">
            <thead>
              <tr>
                <th scope="col">{t('prevention.institution')}</th>
                {PARTICIPANT_SEXES.map((sex) => (
                  <th scope="col" key={sex}>
                    {sexLabel(sex)}
                  </th>
                ))}
                <th scope="col">{t('trainings.rowTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="participant-row">
                  <th scope="row" title={row.name}>
                    {row.label}
                  </th>
                  {PARTICIPANT_SEXES.map((sex) => (
                    <td key={sex}>
                      {training.canRecord ? (
                        <input
                          type="number"
                          inputMode="numeric"
                          min={0}
                          step={1}
                          className="count-input"
                          aria-label={`${row.label} — ${sexLabel(sex)}`}
                          {...form.register(`cells.${row.id}.${sex}` as never)}
                        />
                      ) : (
                        (cells[row.id]?.[sex] ?? '0')
                      )}
                    </td>
                  ))}
                  <td>{sum([row.id], PARTICIPANT_SEXES)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('trainings.rowTotal')}</th>
                {PARTICIPANT_SEXES.map((sex) => (
                  <td key={sex}>{sum(rowIds, [sex])}</td>
                ))}
                <td>{sum(rowIds, PARTICIPANT_SEXES)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <LiveRegion
          error={form.serverError?.message ?? (invalid ? t('trainings.invalidCount') : null)}
          success={saved}
        />
        {training.canRecord && (
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={form.pending}
              data-testid="save-participants"
            >
              {form.pending ? t('action.working') : t('trainings.saveParticipants')}
            </button>
          </div>
        )}
      </Form>
    </Page>
  );
}
