/**
 * Training events of every institution, filtered by period (dates in the address), with the
 * participant totals over the filter; staff record their institution's events here.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { ListTrainingsQuery } from '../../../shared/api-prevention.js';
import { createTrainingEvent, listTrainingEvents } from '../../../shared/contracts/prevention.js';
import { useListSearch } from '../../components/DataTable.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormChoices, FormDepartment, FormSelect, FormText } from '../../components/FormFields.js';
import { useInstitutions } from '../../components/InstitutionOptions.js';
import { PeriodFilter } from '../../components/PeriodFilter.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { PreventionChoices, PreventionOptions } from './controls.js';
import { RegisterPage } from './RegisterPage.js';

const Period = ListTrainingsQuery.pick({ from: true, to: true });

export function TrainingsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [period, setPeriod] = useListSearch('/_app/prevention/trainings');
  const list = useApiQuery(listTrainingEvents, { query: { ...period, limit: 200 } });
  return (
    <RegisterPage
      family="trainings"
      mayRecord={can('training.record')}
      dialog={(close) => <TrainingDialog onClose={close} />}
      filters={
        <PeriodFilter
          key={`${period.from}-${period.to}`}
          schema={Period}
          value={period}
          labels={{ from: t('prevention.from'), to: t('prevention.to') }}
          onApply={setPeriod}
        />
      }
      query={list}
      testId="trainings-table"
      rowTestId="training-row"
      summaryTestId="trainings-total"
      summary={(data) =>
        t('trainings.total', {
          total: data.total,
          participants: data.participants.total,
          female: data.participants.bySex.Female,
          male: data.participants.bySex.Male,
          other: data.participants.bySex.Unspecified,
        })
      }
      columns={[
        { header: t('trainings.heldOn'), cell: (item) => item.heldOn },
        {
          header: t('trainings.titleField'),
          cell: (item) => (
            <>
              <Link to="/prevention/trainings/$id" params={{ id: item.id }}>
                {item.title}
              </Link>
              <span className="cell-secondary">
                {' '}
                · {preventionLabel(locale, 'TRAINING_KINDS', item.kind)}
                {item.department ? ` · ${departmentName(item.department)}` : ''}
              </span>
            </>
          ),
        },
        { header: t('trainings.organiser'), cell: (item) => item.institution.code },
        {
          header: t('trainings.modality'),
          cell: (item) => preventionLabel(locale, 'TRAINING_MODALITIES', item.modality),
        },
        { header: t('trainings.participants'), cell: (item) => item.participants.total },
      ]}
    />
  );
}

/** Records a training of the user's institution, then opens it to enter the participants. */
function TrainingDialog({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const institutions = useInstitutions().data?.items;
  const form = useApiForm(createTrainingEvent, {
    defaultValues: { kind: 'Training', modality: 'in_person', topics: [], audienceInstitutionIds: [] },
    onSuccess: (created) => void navigate({ to: '/prevention/trainings/$id', params: { id: created.id } }),
  });
  return (
    <FormDialog title={t('trainings.new')} form={form} onClose={onClose} testId="training-dialog">
      <FormText msg="trainings.titleField" name="title" required />
      <FormSelect msg="trainings.kind" name="kind">
        <PreventionOptions list="TRAINING_KINDS" />
      </FormSelect>
      <FormText msg="trainings.heldOn" name="heldOn" type="date" required />
      <FormText msg="trainings.endsOn" name="endsOn" type="date" blank="null" />
      <FormSelect msg="trainings.modality" name="modality">
        <PreventionOptions list="TRAINING_MODALITIES" />
      </FormSelect>
      <FormDepartment msg="prevention.department" name="department" emptyLabel="—" blank="null" />
      <FormText msg="trainings.place" name="place" blank="null" />
      <PreventionChoices legend={t('trainings.topics')} name="topics" list="TRAINING_TOPICS" />
      {institutions && (
        <FormChoices
          legend={t('trainings.audience')}
          name="audienceInstitutionIds"
          options={institutions.map((i) => i.id)}
          label={(id) => institutions.find((i) => i.id === id)?.code ?? id}
        />
      )}
    </FormDialog>
  );
}
