/**
 * Training events of every institution, filtered by period (dates in the address), with the
 * participant totals over the filter; staff record their institution's events here.
 */
import { useState, type FormEvent } from 'react';
import { CreateTrainingRequest } from '../../../shared/api-prevention.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FilterActions, FormActions } from '../../components/FormActions.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Modal } from '../../components/Modal.js';
import { Page } from '../../components/Page.js';
import { departmentName } from '../../departments.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel, preventionOptions } from '../../i18n/prevention/values.js';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useSession } from '../../session.js';
import { CheckboxGroup, PreventionOptions, useInstitutions } from './controls.js';
import * as api from './prevention-api.js';
import '../../styles/cases.css';

export function TrainingsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const period = useSearch({ from: '/_app/prevention/trainings' });
  const navigate = useNavigate();
  const list = useLoad(() => api.listTrainingEvents({ ...period, limit: 200 }), JSON.stringify(period));
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');
  const [creating, setCreating] = useState(false);

  function onApply(event: FormEvent) {
    event.preventDefault();
    void navigate({ to: '/prevention/trainings', search: { from: from || undefined, to: to || undefined } });
  }

  const totals = list.data?.participants;
  return (
    <Page
      title={t('trainings.title')}
      intro={t('trainings.intro')}
      actions={
        can('training.record') && (
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            {t('trainings.new')}
          </button>
        )
      }
    >
      <form className="filters" onSubmit={onApply}>
        <TextField
          label={t('prevention.from')}
          name="from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          label={t('prevention.to')}
          name="to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <FilterActions
          submitLabel={t('action.search')}
          onClear={() => {
            setFrom('');
            setTo('');
            void navigate({ to: '/prevention/trainings' });
          }}
        />
      </form>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data || !totals ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t('trainings.none')}</p>
      ) : (
        <>
          <p className="cases-total" data-testid="trainings-total">
            {t('trainings.total', {
              total: list.data.total,
              participants: totals.total,
              female: totals.bySex.Female,
              male: totals.bySex.Male,
              other: totals.bySex.Unspecified,
            })}
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="trainings-table">
              <thead>
                <tr>
                  <th scope="col">{t('trainings.heldOn')}</th>
                  <th scope="col">{t('trainings.titleField')}</th>
                  <th scope="col">{t('trainings.organiser')}</th>
                  <th scope="col">{t('trainings.modality')}</th>
                  <th scope="col">{t('trainings.participants')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id} data-testid="training-row">
                    <td>{item.heldOn}</td>
                    <td>
                      <Link to="/prevention/trainings/$id" params={{ id: item.id }}>
                        {item.title}
                      </Link>
                      <span className="cell-secondary">
                        {' '}
                        · {preventionLabel(locale, 'TRAINING_KINDS', item.kind)}
                        {item.department ? ` · ${departmentName(item.department)}` : ''}
                      </span>
                    </td>
                    <td>{item.institution.code}</td>
                    <td>{preventionLabel(locale, 'TRAINING_MODALITIES', item.modality)}</td>
                    <td>{item.participants.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {creating && <TrainingDialog onClose={() => setCreating(false)} />}
    </Page>
  );
}

const FIELDS = [
  'title',
  'kind',
  'heldOn',
  'endsOn',
  'modality',
  'department',
  'place',
  'audienceInstitutionIds',
  'topics',
];

/** Records a training of the user's institution, then opens it to enter the participants. */
function TrainingDialog({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const { t, locale } = useI18n();
  const form = useForm();
  const institutions = useInstitutions();
  const [values, setValues] = useState({
    title: '',
    kind: 'Training',
    heldOn: '',
    endsOn: '',
    modality: 'in_person',
    department: '',
    place: '',
  });
  const [audience, setAudience] = useState<string[]>([]);
  const [topics, setTopics] = useState<string[]>([]);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      ...values,
      endsOn: values.endsOn || null,
      department: values.department || null,
      place: values.place || null,
      audienceInstitutionIds: audience,
      topics,
    };
    const checked = validate(CreateTrainingRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const created = await form.submit(() => api.createTrainingEvent(checked.data), FIELDS);
    if (created) void navigate({ to: '/prevention/trainings/$id', params: { id: created.id } });
  }

  return (
    <Modal title={t('trainings.new')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="training-dialog">
        <TextField
          label={t('trainings.titleField')}
          name="title"
          value={values.title}
          onChange={set('title')}
          error={form.errors.title}
          required
        />
        <SelectField
          label={t('trainings.kind')}
          name="kind"
          value={values.kind}
          onChange={set('kind')}
          error={form.errors.kind}
        >
          <PreventionOptions list="TRAINING_KINDS" />
        </SelectField>
        <TextField
          label={t('trainings.heldOn')}
          name="heldOn"
          type="date"
          value={values.heldOn}
          onChange={set('heldOn')}
          error={form.errors.heldOn}
          required
        />
        <TextField
          label={t('trainings.endsOn')}
          name="endsOn"
          type="date"
          value={values.endsOn}
          onChange={set('endsOn')}
          error={form.errors.endsOn}
        />
        <SelectField
          label={t('trainings.modality')}
          name="modality"
          value={values.modality}
          onChange={set('modality')}
          error={form.errors.modality}
        >
          <PreventionOptions list="TRAINING_MODALITIES" />
        </SelectField>
        <DepartmentSelect
          label={t('prevention.department')}
          name="department"
          emptyLabel="—"
          value={values.department}
          onChange={set('department')}
          error={form.errors.department}
        />
        <TextField
          label={t('trainings.place')}
          name="place"
          value={values.place}
          onChange={set('place')}
          error={form.errors.place}
        />
        <CheckboxGroup
          legend={t('trainings.topics')}
          name="topics"
          options={preventionOptions(locale, 'TRAINING_TOPICS')}
          value={topics}
          onChange={setTopics}
          error={form.errors.topics}
        />
        {institutions.data && (
          <CheckboxGroup
            legend={t('trainings.audience')}
            name="audience"
            options={institutions.data.items.map((i) => ({ value: i.id, label: i.code }))}
            value={audience}
            onChange={setAudience}
            error={form.errors.audienceInstitutionIds}
          />
        )}
        <FormActions form={form} submitLabel={t('action.save')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
