/**
 * One training event: what, when, where, for whom, and the participant grid (institution × sex)
 * entered in bulk, with totals per row, per sex and overall. The grid replaces the stored one.
 */
import { useParams } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { PARTICIPANT_SEXES, type TrainingView } from '../../../shared/api-prevention.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { departmentName } from '../../departments.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { countOf, useInstitutions } from './controls.js';
import * as api from './prevention-api.js';
import '../../styles/cases.css';

type Training = z.output<typeof TrainingView>;
type Sex = (typeof PARTICIPANT_SEXES)[number];
/** The grid's cells by "institutionId|sex" ("" for other or not stated), as typed. */
type Cells = Record<string, string>;
const OTHER = '';
const key = (institutionId: string, sex: Sex) => `${institutionId}|${sex}`;

function cellsOf(training: Training): Cells {
  return Object.fromEntries(
    training.grid.map((c) => [key(c.institution?.id ?? OTHER, c.sex), String(c.count)]),
  );
}

export function TrainingPage() {
  const { t, locale } = useI18n();
  const { id: trainingId } = useParams({ from: '/_app/prevention/trainings/$id' });
  const loaded = useLoad(() => api.getTrainingEvent(trainingId), trainingId);
  const institutions = useInstitutions();
  const [training, setTraining] = useState<Training | null>(null);
  const [cells, setCells] = useState<Cells>({});
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm();

  useEffect(() => {
    if (loaded.data) {
      setTraining(loaded.data);
      setCells(cellsOf(loaded.data));
    }
  }, [loaded.data]);

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!training || !institutions.data) return <Loading />;

  const rows = [
    ...institutions.data.items.map((i) => ({ id: i.id, label: i.code, name: i.name })),
    { id: OTHER, label: t('prevention.other'), name: '' },
  ];
  const sexLabel = (sex: Sex) => preventionLabel(locale, 'PARTICIPANT_SEXES', sex);
  const invalid = Object.values(cells).some((v) => !Number.isInteger(countOf(v)) || countOf(v) < 0);
  const sum = (pred: (k: string) => boolean) =>
    Object.entries(cells).reduce(
      (n, [k, v]) => (pred(k) && Number.isInteger(countOf(v)) ? n + countOf(v) : n),
      0,
    );

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (invalid) return form.showErrors({ _form: t('trainings.invalidCount') });
    const participants = Object.entries(cells)
      .filter(([, v]) => countOf(v) > 0)
      .map(([k, v]) => {
        const [institutionId, sex] = k.split('|') as [string, Sex];
        return { institutionId: institutionId || null, sex, count: countOf(v) };
      });
    const next = await form.submit(() => api.recordTrainingParticipants(trainingId, { participants }));
    if (next) {
      setTraining(next);
      setCells(cellsOf(next));
      setSaved(t('trainings.participantsSaved', { total: next.participants.total }));
    }
  }

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
      <form ref={form.formRef} onSubmit={onSave} noValidate data-testid="participants-form">
        <h2>{t('trainings.grid')}</h2>
        {training.canRecord && <p className="field-hint">{t('trainings.gridHint')}</p>}
        <div className="table-wrap">
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
                <tr key={row.id || 'other'} data-testid="participant-row">
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
                          value={cells[key(row.id, sex)] ?? ''}
                          onChange={(e) => setCells((c) => ({ ...c, [key(row.id, sex)]: e.target.value }))}
                        />
                      ) : (
                        (cells[key(row.id, sex)] ?? '0')
                      )}
                    </td>
                  ))}
                  <td>{sum((k) => k.startsWith(`${row.id}|`))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('trainings.rowTotal')}</th>
                {PARTICIPANT_SEXES.map((sex) => (
                  <td key={sex}>{sum((k) => k.endsWith(`|${sex}`))}</td>
                ))}
                <td>{sum(() => true)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <LiveRegion error={form.alert} success={saved} />
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
      </form>
    </Page>
  );
}
