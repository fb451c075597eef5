/** Awareness campaigns of every institution, with their summed reach; staff record their own. */
import { createCampaign, listCampaigns } from '../../../shared/contracts/prevention.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormChoices, FormNumber, FormText } from '../../components/FormFields.js';
import { departmentName, PY_DEPARTMENTS } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { PreventionChoices } from './controls.js';
import { RegisterPage } from './RegisterPage.js';

export function CampaignsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const list = useApiQuery(listCampaigns, { query: { limit: 200 } });
  return (
    <RegisterPage
      family="campaigns"
      mayRecord={can('campaign.record')}
      dialog={(close) => <CampaignDialog onClose={close} />}
      query={list}
      testId="campaigns-table"
      rowTestId="campaign-row"
      summary={(data) => t('campaigns.total', { total: data.total, reach: data.reach })}
      columns={[
        {
          header: t('campaigns.startsOn'),
          cell: (item) => (item.endsOn ? `${item.startsOn} – ${item.endsOn}` : item.startsOn),
        },
        { header: t('campaigns.titleField'), cell: (item) => item.title },
        { header: t('prevention.institution'), cell: (item) => item.institution.code },
        {
          header: t('campaigns.channels'),
          cell: (item) =>
            item.channels.map((c) => preventionLabel(locale, 'CAMPAIGN_CHANNELS', c)).join(', '),
        },
        {
          header: t('prevention.department'),
          cell: (item) =>
            item.departments.length === 0
              ? t('prevention.national')
              : item.departments.map(departmentName).join(', '),
        },
        { header: t('campaigns.reach'), cell: (item) => item.reach ?? '—' },
      ]}
    />
  );
}

function CampaignDialog({ onClose }: { onClose(message?: string): void }) {
  const { t } = useI18n();
  const form = useApiForm(createCampaign, {
    defaultValues: { channels: [], departments: [] },
    onSuccess: (created) => onClose(t('campaigns.created', { title: created.title })),
  });
  return (
    <FormDialog title={t('campaigns.new')} form={form} onClose={() => onClose()}>
      <FormText msg="campaigns.titleField" name="title" required />
      <PreventionChoices legend={t('campaigns.channels')} name="channels" list="CAMPAIGN_CHANNELS" />
      <FormText msg="campaigns.startsOn" name="startsOn" type="date" required />
      <FormText msg="campaigns.endsOn" name="endsOn" type="date" blank="null" />
      <FormChoices
        legend={t('campaigns.departments')}
        name="departments"
        options={PY_DEPARTMENTS.map((d) => d.code)}
        label={departmentName}
      />
      <FormNumber msg="campaigns.reach" name="reach" blank="null" />
      <FormText msg="campaigns.reachBasis" name="reachBasis" blank="null" />
      <FormText msg="campaigns.partners" name="partners" blank="null" />
    </FormDialog>
  );
}
