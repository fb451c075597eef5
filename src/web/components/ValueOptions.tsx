/** The values of one closed list (src/shared/catalogues.ts) as a select's options. */
import { useI18n } from '../i18n/I18nProvider.js';
import { valueOptions, type ValueListName } from '../i18n/values.js';

/** Every value of `list`, in the list's order, labelled in the active language. */
export function ValueOptions({ list }: { list: ValueListName }) {
  const { locale } = useI18n();
  return (
    <>
      {valueOptions(locale, list).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}
