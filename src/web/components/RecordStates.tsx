/**
 * What a record's page shows before it has the record: "not found" (also what a record out of the
 * user's scope looks like, so its existence is never revealed), and the read under way or failed.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';
import type { PlainKey } from '../i18n/catalogue.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Page } from './Page.js';
import { QueryState } from './QueryState.js';

/** Each kind of record's words when it is not found, and the list to go back to. */
const NOT_FOUND = {
  case: { title: 'cases.notFoundTitle', body: 'cases.notFoundBody', back: 'cases.backToList', to: '/cases' },
  person: {
    title: 'persons.notFoundTitle',
    body: 'persons.notFoundBody',
    back: 'cases.backToList',
    to: '/cases',
  },
  referral: {
    title: 'referrals.notFoundTitle',
    body: 'referrals.notFoundBody',
    back: 'referrals.backToList',
    to: '/referrals',
  },
  investigation: {
    title: 'prosecution.notFound',
    body: 'prosecution.notFoundBody',
    back: 'prosecution.backToList',
    to: '/investigations',
  },
} satisfies Record<string, { title: PlainKey; body: PlainKey; back: PlainKey; to: LinkProps['to'] }>;

/**
 * The record (of `kind`) is not there for this user: why, a way back to its list, and `children`
 * (an offer of emergency access, say). Its paragraph's test id is `<kind>-not-found`.
 */
export function RecordNotFound({ kind, children }: { kind: keyof typeof NOT_FOUND; children?: ReactNode }) {
  const { t } = useI18n();
  const words = NOT_FOUND[kind];
  return (
    <Page title={t(words.title)}>
      <p data-testid={`${kind}-not-found`}>{t(words.body)}</p>
      <p>
        <Link to={words.to}>{t(words.back)}</Link>
      </p>
      {children}
    </Page>
  );
}

/** The record's read is under way, or failed with a way to try again; `children` come first. */
export function RecordPending(props: {
  title: string;
  query: UseQueryResult<unknown, ApiError>;
  children?: ReactNode;
}) {
  return (
    <Page title={props.title}>
      {props.children}
      <QueryState query={props.query}>{() => null}</QueryState>
    </Page>
  );
}
