import { CreateInstitutionRequest } from '../../../shared/api.js';
import type { Translate } from '../../i18n/catalogue.js';

/** The kinds of institution the API accepts, in the schema's order. */
export const INSTITUTION_KINDS = CreateInstitutionRequest.shape.kind.options;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

function isInstitutionKind(value: string): value is InstitutionKind {
  return (INSTITUTION_KINDS as readonly string[]).includes(value);
}

/** The translated name of a kind; an unknown kind (newer server) shows as sent. */
export function kindLabel(kind: string, t: Translate): string {
  return isInstitutionKind(kind) ? t(`kind.${kind}`) : kind;
}
