/**
 * The review queue (/linkage/reviews): pairs the national batch could not decide, with the record
 * the reviewer may read and, of the other, only its group (cluster) and the probability. The
 * reviewer confirms (same person) or rejects (different persons); the server checks who may.
 */
import { useState } from 'react';
import type { z } from 'zod';
import type { MatchReviewView } from '../../../shared/api-linkage.js';
import { toApiError, type ApiError } from '../../api.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { Link } from '@tanstack/react-router';
import { decideMatchReview, listMatchReviews } from './api.js';
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
  const reviews = useLoad(listMatchReviews, 'reviews');
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function decide(id: string, decision: 'same' | 'different') {
    setPending(id);
    setError(null);
    try {
      await decideMatchReview(id, decision);
      setNotice(t('linkage.reviews.decided'));
      reviews.reload();
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setPending(null);
    }
  }

  return (
    <Page title={t('linkage.reviews.title')} intro={t('linkage.reviews.intro')}>
      <div aria-live="polite">
        {notice && <p className="notice notice--success">{notice}</p>}
        {error && <p className="notice notice--error">{error.message}</p>}
      </div>
      {reviews.error ? (
        <LoadError error={reviews.error} onRetry={reviews.reload} />
      ) : !reviews.data ? (
        <Loading />
      ) : reviews.data.items.length === 0 ? (
        <p className="empty" data-testid="reviews-empty">
          {t('linkage.reviews.none')}
        </p>
      ) : (
        <ul className="duplicate-list" data-testid="match-reviews">
          {reviews.data.items.map((review) => (
            <li key={review.id} className="duplicate">
              <p className="duplicate-name">
                {t('linkage.reviews.probability', { percent: Math.round(review.probability * 100) })}
              </p>
              <SideView side={review.sides[0]} />
              <SideView side={review.sides[1]} />
              <div className="wizard-nav">
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={pending !== null}
                  onClick={() => void decide(review.id, 'same')}
                >
                  {t('linkage.reviews.same')}
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={pending !== null}
                  onClick={() => void decide(review.id, 'different')}
                >
                  {t('linkage.reviews.different')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
