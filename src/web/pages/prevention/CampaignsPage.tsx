/** Awareness campaigns of every institution, with their summed reach; staff record their own. */
import { useState, type FormEvent } from 'react';
import { CreateCampaignRequest } from '../../../shared/api-prevention.js';
import { TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Modal } from '../../components/Modal.js';
import { Page } from '../../components/Page.js';
import { departmentName, PY_DEPARTMENTS } from '../../departments.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel, preventionOptions } from '../../i18n/prevention/values.js';
import { useSession } from '../../session.js';
import { CheckboxGroup } from './controls.js';
import * as api from './prevention-api.js';
import '../../styles/cases.css';

export function CampaignsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const list = useLoad(() => api.listCampaigns({ limit: 200 }), 'campaigns');
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Page
      title={t('campaigns.title')}
      intro={t('campaigns.intro')}
      actions={
        can('campaign.record') && (
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            {t('campaigns.new')}
          </button>
        )
      }
    >
      <LiveRegion success={saved} />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t('campaigns.none')}</p>
      ) : (
        <>
          <p className="cases-total">
            {t('campaigns.total', { total: list.data.total, reach: list.data.reach })}
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="campaigns-table">
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.startsOn')}</th>
                  <th scope="col">{t('campaigns.titleField')}</th>
                  <th scope="col">{t('prevention.institution')}</th>
                  <th scope="col">{t('campaigns.channels')}</th>
                  <th scope="col">{t('prevention.department')}</th>
                  <th scope="col">{t('campaigns.reach')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <td>{item.endsOn ? `${item.startsOn} – ${item.endsOn}` : item.startsOn}</td>
                    <td>{item.title}</td>
                    <td>{item.institution.code}</td>
                    <td>
                      {item.channels.map((c) => preventionLabel(locale, 'CAMPAIGN_CHANNELS', c)).join(', ')}
                    </td>
                    <td>
                      {item.departments.length === 0
                        ? t('prevention.national')
                        : item.departments.map(departmentName).join(', ')}
                    </td>
                    <td>{item.reach ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {creating && (
        <CampaignDialog
          onClose={() => setCreating(false)}
          onSaved={(message) => {
            setCreating(false);
            setSaved(message);
            list.reload();
          }}
        />
      )}
    </Page>
  );
}

const FIELDS = ['title', 'channels', 'startsOn', 'endsOn', 'departments', 'reach', 'reachBasis', 'partners'];

function CampaignDialog({ onClose, onSaved }: { onClose(): void; onSaved(message: string): void }) {
  const { t, locale } = useI18n();
  const form = useForm();
  const [values, setValues] = useState({
    title: '',
    startsOn: '',
    endsOn: '',
    reach: '',
    reachBasis: '',
    partners: '',
  });
  const [channels, setChannels] = useState<string[]>([]);
  const [departments, setDepartments] = useState<string[]>([]);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      title: values.title,
      channels,
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
      departments,
      reach: values.reach.trim() === '' ? null : Number(values.reach),
      reachBasis: values.reachBasis || null,
      partners: values.partners || null,
    };
    const checked = validate(CreateCampaignRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const created = await form.submit(() => api.createCampaign(checked.data), FIELDS);
    if (created) onSaved(t('campaigns.created', { title: created.title }));
  }

  return (
    <Modal title={t('campaigns.new')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t('campaigns.titleField')}
          name="title"
          value={values.title}
          onChange={set('title')}
          error={form.errors.title}
          required
        />
        <CheckboxGroup
          legend={t('campaigns.channels')}
          name="channels"
          options={preventionOptions(locale, 'CAMPAIGN_CHANNELS')}
          value={channels}
          onChange={setChannels}
          error={form.errors.channels}
        />
        <TextField
          label={t('campaigns.startsOn')}
          name="startsOn"
          type="date"
          value={values.startsOn}
          onChange={set('startsOn')}
          error={form.errors.startsOn}
          required
        />
        <TextField
          label={t('campaigns.endsOn')}
          name="endsOn"
          type="date"
          value={values.endsOn}
          onChange={set('endsOn')}
          error={form.errors.endsOn}
        />
        <CheckboxGroup
          legend={t('campaigns.departments')}
          name="departments"
          options={PY_DEPARTMENTS.map((d) => ({ value: d.code, label: d.name }))}
          value={departments}
          onChange={setDepartments}
          error={form.errors.departments}
        />
        <TextField
          label={t('campaigns.reach')}
          name="reach"
          type="number"
          inputMode="numeric"
          min={0}
          value={values.reach}
          onChange={set('reach')}
          error={form.errors.reach}
        />
        <TextField
          label={t('campaigns.reachBasis')}
          name="reachBasis"
          value={values.reachBasis}
          onChange={set('reachBasis')}
          error={form.errors.reachBasis}
        />
        <TextField
          label={t('campaigns.partners')}
          name="partners"
          value={values.partners}
          onChange={set('partners')}
          error={form.errors.partners}
        />
        <FormActions form={form} submitLabel={t('action.save')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
