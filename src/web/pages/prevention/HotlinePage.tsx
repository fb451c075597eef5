/**
 * The institution's hotline: the contacts its line received (no reported content in the list)
 * and the form to record a new one, which then opens on its own page.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { listHotlineContacts, recordHotlineContact } from '../../../shared/contracts/prevention.js';
import { paraguayToday } from '../../../shared/dates.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import {
  FormCheckbox,
  FormDepartment,
  FormSelect,
  FormText,
  FormTextArea,
} from '../../components/FormFields.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { PreventionOptions } from './controls.js';
import { RegisterPage } from './RegisterPage.js';

export function HotlinePage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const list = useApiQuery(listHotlineContacts, { query: { limit: 200 } });
  return (
    <RegisterPage
      family="hotline"
      mayRecord={can('hotline.record')}
      dialog={(close) => <ContactDialog onClose={close} />}
      query={list}
      testId="hotline-table"
      rowTestId="hotline-row"
      summary={(data) => t('hotline.total', { total: data.total })}
      columns={[
        {
          header: t('hotline.receivedOn'),
          cell: (item) => (
            <Link to="/prevention/hotline/$id" params={{ id: item.id }}>
              {item.receivedOn}
            </Link>
          ),
        },
        {
          header: t('hotline.channel'),
          cell: (item) => preventionLabel(locale, 'HOTLINE_CHANNELS', item.channel),
        },
        {
          header: t('hotline.topic'),
          cell: (item) => preventionLabel(locale, 'HOTLINE_TOPICS', item.topic),
        },
        {
          header: t('prevention.department'),
          cell: (item) => (item.department ? departmentName(item.department) : '—'),
        },
        { header: t('hotline.case'), cell: (item) => (item.caseId ? '✓' : t('hotline.noCase')) },
      ]}
    />
  );
}

function ContactDialog({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const form = useApiForm(recordHotlineContact, {
    defaultValues: {
      receivedOn: paraguayToday(),
      channel: 'Phone',
      topic: 'PossibleTrafficking',
      childInvolved: false,
    },
    onSuccess: (created) => void navigate({ to: '/prevention/hotline/$id', params: { id: created.id } }),
  });
  return (
    <FormDialog title={t('hotline.new')} form={form} onClose={onClose} testId="hotline-dialog">
      <FormText msg="hotline.receivedOn" name="receivedOn" type="date" required />
      <FormSelect msg="hotline.channel" name="channel">
        <PreventionOptions list="HOTLINE_CHANNELS" />
      </FormSelect>
      <FormSelect msg="hotline.topic" name="topic">
        <PreventionOptions list="HOTLINE_TOPICS" />
      </FormSelect>
      <FormSelect
        msg="hotline.exploitation"
        name="exploitationType"
        blank="null"
        empty="—"
        list="EXPLOITATION_TYPES"
      />
      <FormDepartment msg="prevention.department" name="department" emptyLabel="—" blank="null" />
      <FormCheckbox name="childInvolved" msg="hotline.childInvolved" />
      <FormTextArea msg="hotline.summary" name="summary" blank="null" />
    </FormDialog>
  );
}
