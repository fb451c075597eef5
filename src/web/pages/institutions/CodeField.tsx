/** The short code of an institution or unit: typed in capitals, never corrected by the browser. */
import { FormText } from '../../components/FormFields.js';

export function CodeField({ label, hint }: { label: string; hint: string }) {
  return (
    <FormText
      label={label}
      name="code"
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      hint={hint}
      required
    />
  );
}
