/**
 * The open data's releases, for the analyst who publishes them: the releases so far (newest first)
 * and "publish a new release", asked before it is done — a release is frozen and dated once
 * published, and the public dashboard shows the newest one from then on — and the release calendar
 * (ReleaseCalendar.tsx), with the overdue release when there is one.
 */
import { useState } from 'react';
import { listStatisticsReleases, publishStatisticsRelease } from '../../../shared/contracts/statistics.js';
import { ReleaseCalendar } from './ReleaseCalendar.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';

export function ReleasesSection({ canPublish, canPlan }: { canPublish: boolean; canPlan: boolean }) {
  const { t, formatDate } = useI18n();
  const releases = useApiQuery(listStatisticsReleases, {});
  const [asking, setAsking] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  return (
    <section aria-labelledby="releases-heading" data-testid="stat-releases" className="releases-section">
      <h2 id="releases-heading">{t('stats.releases')}</h2>
      <p className="field-hint">{t('stats.releasesIntro')}</p>
      <QueryState query={releases}>
        {({ releases: list }) =>
          list.length === 0 ? (
            <p>{t('public.noRelease')}</p>
          ) : (
            <ul>
              {list.map((r) => (
                <li key={r.version}>
                  {t('public.releaseOption', { version: r.version, date: formatDate(r.publishedAt) })} —{' '}
                  {r.years.join(', ')}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {published !== null && (
        <p className="notice notice--info" role="status">
          {t('stats.releasePublished', { version: published })}
        </p>
      )}
      {canPublish && (
        <p>
          <button type="button" className="btn" onClick={() => setAsking(true)} data-testid="stat-publish">
            {t('stats.publish')}
          </button>
        </p>
      )}
      {canPlan && <ReleaseCalendar canPublish={canPublish} />}
      {asking && (
        <ConfirmDialog
          title={t('stats.publish')}
          question={t('stats.publishQuestion')}
          confirmLabel={t('stats.publishConfirm')}
          contract={publishStatisticsRelease}
          input={{ body: {} }}
          onClose={() => setAsking(false)}
          onDone={(release) => {
            setAsking(false);
            setPublished(release.version);
          }}
        />
      )}
    </section>
  );
}
