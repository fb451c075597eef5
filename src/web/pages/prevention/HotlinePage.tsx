/**
 * The institution's hotline: the contacts its line received (no reported content in the list)
 * and the form to record a new one, which then opens on its own page.
 */
import { useState, type FormEvent } from 'react';
import { RecordHotlineContactRequest } from '../../../shared/api-prevention.js';
import { paraguayToday } from '../../../shared/dates.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Modal } from '../../components/Modal.js';
import { Page } from '../../components/Page.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { departmentName } from '../../departments.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { Link, useNavigate } from '@tanstack/react-router';
import { useSession } from '../../session.js';
import { PreventionOptions } from './controls.js';
import * as api from './prevention-api.js';
import '../../styles/cases.css';

export function HotlinePage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const list = useLoad(() => api.listHotlineContacts({ limit: 200 }), 'hotline');
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('hotline.title')}
      intro={t('hotline.intro')}
      actions={
        can('hotline.record') && (
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            {t('hotline.new')}
          </button>
        )
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t('hotline.none')}</p>
      ) : (
        <>
          <p className="cases-total">{t('hotline.total', { total: list.data.total })}</p>
          <div className="table-wrap">
            <table className="table" data-testid="hotline-table">
              <thead>
                <tr>
                  <th scope="col">{t('hotline.receivedOn')}</th>
                  <th scope="col">{t('hotline.channel')}</th>
                  <th scope="col">{t('hotline.topic')}</th>
                  <th scope="col">{t('prevention.department')}</th>
                  <th scope="col">{t('hotline.case')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id} data-testid="hotline-row">
                    <td>
                      <Link to="/prevention/hotline/$id" params={{ id: item.id }}>
                        {item.receivedOn}
                      </Link>
                    </td>
                    <td>{preventionLabel(locale, 'HOTLINE_CHANNELS', item.channel)}</td>
                    <td>{preventionLabel(locale, 'HOTLINE_TOPICS', item.topic)}</td>
                    <td>{item.department ? departmentName(item.department) : '—'}</td>
                    <td>{item.caseId ? '✓' : t('hotline.noCase')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {creating && <ContactDialog onClose={() => setCreating(false)} />}
    </Page>
  );
}

const FIELDS = [
  'receivedOn',
  'channel',
  'topic',
  'exploitationType',
  'department',
  'childInvolved',
  'summary',
];

function ContactDialog({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const form = useForm();
  const [values, setValues] = useState({
    receivedOn: paraguayToday(),
    channel: 'Phone',
    topic: 'PossibleTrafficking',
    exploitationType: '',
    department: '',
    summary: '',
  });
  const [child, setChild] = useState(false);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      ...values,
      exploitationType: values.exploitationType || null,
      department: values.department || null,
      summary: values.summary || null,
      childInvolved: child,
    };
    const checked = validate(RecordHotlineContactRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const created = await form.submit(() => api.recordHotlineContact(checked.data), FIELDS);
    if (created) void navigate({ to: '/prevention/hotline/$id', params: { id: created.id } });
  }

  return (
    <Modal title={t('hotline.new')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="hotline-dialog">
        <TextField
          label={t('hotline.receivedOn')}
          name="receivedOn"
          type="date"
          value={values.receivedOn}
          onChange={set('receivedOn')}
          error={form.errors.receivedOn}
          required
        />
        <SelectField
          label={t('hotline.channel')}
          name="channel"
          value={values.channel}
          onChange={set('channel')}
        >
          <PreventionOptions list="HOTLINE_CHANNELS" />
        </SelectField>
        <SelectField label={t('hotline.topic')} name="topic" value={values.topic} onChange={set('topic')}>
          <PreventionOptions list="HOTLINE_TOPICS" />
        </SelectField>
        <SelectField
          label={t('hotline.exploitation')}
          name="exploitationType"
          value={values.exploitationType}
          onChange={set('exploitationType')}
        >
          <option value="">—</option>
          <ValueOptions list="EXPLOITATION_TYPES" />
        </SelectField>
        <DepartmentSelect
          label={t('prevention.department')}
          name="department"
          emptyLabel="—"
          value={values.department}
          onChange={set('department')}
          error={form.errors.department}
        />
        <div className="field field--checkbox">
          <label>
            <input
              type="checkbox"
              name="childInvolved"
              checked={child}
              onChange={(e) => setChild(e.target.checked)}
            />{' '}
            {t('hotline.childInvolved')}
          </label>
        </div>
        <TextAreaField
          label={t('hotline.summary')}
          hint={t('hotline.summaryHint')}
          name="summary"
          value={values.summary}
          onChange={set('summary')}
          error={form.errors.summary}
        />
        <FormActions form={form} submitLabel={t('action.save')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
