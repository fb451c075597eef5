/**
 * The case list's search box: a person's name (the tolerant name search) or a reference. What is
 * typed stays in the page's state and travels in a POST body (searchCases), never in the address,
 * and its results are not kept once the page is left.
 */
import { SearchCasesRequest } from '../../../shared/api-identification.js';
import { useZodForm } from '../../components/Form.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** What the box checks: the search request's own rule for `q` (2 to 120 characters once trimmed). */
const Search = SearchCasesRequest.pick({ q: true });

/** The search form; `onSearch(null)` clears the search. */
export function CaseSearchBox({ active, onSearch }: { active: boolean; onSearch(q: string | null): void }) {
  const { t } = useI18n();
  const form = useZodForm(Search, { defaultValues: { q: '' } });
  const error = form.formState.errors.q ? t('caseSearch.tooShort') : null;
  return (
    <form
      className="case-search"
      role="search"
      noValidate
      onSubmit={(event) => void form.handleSubmit(({ q }) => onSearch(q))(event)}
    >
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor="case-search">{t('caseSearch.label')}</label>
        <p className="field-hint" id="case-search-hint">
          {t('caseSearch.hint')}
        </p>
        {error && (
          <p className="field-error" id="case-search-error">
            {error}
          </p>
        )}
        <div className="case-search-row">
          <input
            id="case-search"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={120}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'case-search-hint case-search-error' : 'case-search-hint'}
            {...form.register('q')}
            data-testid="case-search"
          />
          <button type="submit" className="btn btn--primary" data-testid="case-search-submit">
            {t('action.search')}
          </button>
          {active && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                form.reset({ q: '' });
                onSearch(null);
              }}
            >
              {t('caseSearch.clear')}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
