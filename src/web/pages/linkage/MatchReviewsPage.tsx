/**
 * The review queue (/linkage/reviews): pairs the national batch could not decide, with the record
 * the reviewer may read and, of the other, only its group (cluster) and the probability. The
 * reviewer confirms (same person) or rejects (different persons); the server checks who may.
 */
import type { z } from 'zod';
import type { MatchReviewView } from '../../../shared/api-linkage.js';
import { decideMatchReview, listMatchReviews } from '../../../shared/contracts/linkage.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { Link } from '@tanstack/react-router';
import { useApiMutation, useApiQuery } from '../../queries.js';
import { MatchReasons } from './MatchReasons.js';
import { matchPercent } from './percent.js';
import '../../styles/tables.css';

type Review = z.output<typeof MatchReviewView>;
type Side = Review['sides'][number];

function SideView({ side }: { side: Side }) {
  const { t, locale } = useI18n();
  if (!side.visible)
    return (
      <p className="duplicate-meta">
        {t('linkage.reviews.hidden')}
        {side.clusterId && <> · {t('linkage.reviews.cluster', { cluster: side.clusterId.slice(0, 8) })}</>}
      </p>
    );
  return (
    <p>
      <Link to="/persons/$id" params={{ id: side.personId }}>
        {side.fullName}
      </Link>{' '}
      · {valueLabel(locale, 'SEXES', side.sex)}
      {side.birthYear !== null && <> · {side.birthYear}</>} · {side.institutionCode}
    </p>
  );
}

export function MatchReviewsPage() {
  const { t } = useI18n();
  const reviews = useApiQuery(listMatchReviews, {});
  const decide = useApiMutation(decideMatchReview);
  const notice = decide.isSuccess ? t('linkage.reviews.decided') : null;

  return (
    <Page title={t('linkage.reviews.title')} intro={t('linkage.reviews.intro')}>
      <div aria-live="polite">
        {notice && <p className="notice notice--success">{notice}</p>}
        {decide.error && <p className="notice notice--error">{decide.error.message}</p>}
      </div>
      <QueryState query={reviews} empty={t('linkage.reviews.none')} emptyTestId="reviews-empty">
        {(data) => (
          <ul className="duplicate-list" data-testid="match-reviews">
            {data.items.map((review) => (
              <li key={review.id} className="duplicate">
                <p className="duplicate-name">
                  {t('linkage.reviews.probability', { percent: matchPercent(review.probability) })}
                </p>
                <SideView side={review.sides[0]} />
                <SideView side={review.sides[1]} />
                <MatchReasons levels={review.levels} />
                <div className="wizard-nav">
                  <button
                    type="button"
                    className="btn btn--primary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ params: { id: review.id }, body: { decision: 'same' } })}
                  >
                    {t('linkage.reviews.same')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    disabled={decide.isPending}
                    onClick={() =>
                      decide.mutate({ params: { id: review.id }, body: { decision: 'different' } })
                    }
                  >
                    {t('linkage.reviews.different')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Page>
  );
}
