/**
 * The institution's hotline: the contacts its line received (no reported content in the list)
 * and the form to record a new one, which then opens on its own page.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { listHotlineContacts, recordHotlineContact } from '../../../shared/contracts/prevention.js';
import { paraguayToday } from '../../../shared/dates.js';
import { DataTable } from '../../components/DataTable.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import {
  FormCheckbox,
  FormDepartment,
  FormSelect,
  FormText,
  FormTextArea,
} from '../../components/FormFields.js';
import { Page, PageButton } from '../../components/Page.js';
import { departmentName } from '../../departments.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { PreventionOptions } from './controls.js';
import '../../styles/cases.css';

export function HotlinePage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const list = useApiQuery(listHotlineContacts, { query: { limit: 200 } });
  const { dialog, open, close } = useDialog<'create'>();
  return (
    <Page
      title={t('hotline.title')}
      intro={t('hotline.intro')}
      actions={
        <PageButton show={can('hotline.record')} label={t('hotline.new')} onClick={() => open('create')} />
      }
    >
      <DataTable
        query={list}
        label={t('hotline.title')}
        testId="hotline-table"
        rowTestId="hotline-row"
        empty={t('hotline.none')}
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
      {dialog && <ContactDialog onClose={() => close()} />}
    </Page>
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
