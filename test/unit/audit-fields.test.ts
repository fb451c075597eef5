import { describe, expect, it } from 'vitest';
import { changedFieldsOf } from '../../src/server/audit/audit.js';
import { auditFieldsEn } from '../../src/shared/audit-fields/en.js';
import { auditFieldsEs } from '../../src/shared/audit-fields/es.js';
import { auditFieldsGn } from '../../src/shared/audit-fields/gn.js';
import {
  AUDIT_FIELDS,
  AUDIT_FIELD_TAGS,
  auditFieldKey,
  auditFieldsOf,
  isGiven,
  unlabelledAuditFields,
  type AuditFieldName,
} from '../../src/shared/audit-fields/lists.js';

const CATALOGUES = { es: auditFieldsEs, gn: auditFieldsGn, en: auditFieldsEn };

describe('the audit trail names its fields in words', () => {
  it('labels every field and tag in es, gn and en, never with the code itself', () => {
    for (const [locale, labels] of Object.entries(CATALOGUES)) {
      for (const name of [...AUDIT_FIELDS, ...AUDIT_FIELD_TAGS]) {
        const label = labels[`auditField.${name}`];
        expect(label, `${locale} ${name}`).toBeTruthy();
        expect(label.trim(), `${locale} ${name}`).not.toBe(name);
      }
      // Nothing in a catalogue that is not on the lists (a label left behind by a renamed field).
      expect(Object.keys(labels).length).toBe(new Set([...AUDIT_FIELDS, ...AUDIT_FIELD_TAGS]).size);
    }
  });

  it('refuses to write a field that has no label (under test)', () => {
    expect(() => changedFieldsOf(['surname1' as AuditFieldName])).toThrow(/without a label: surname1/);
    expect(() => changedFieldsOf(['nope:1' as AuditFieldName])).toThrow(/without a label/);
    expect(changedFieldsOf(['firstSurname', 'givenNames'])).toBe('["firstSurname","givenNames"]');
    expect(changedFieldsOf(['format=htcds2.0', 'state:open', 'rows=4'])).toBe(
      '["format=htcds2.0","rows=4","state:open"]',
    );
    expect(unlabelledAuditFields(['firstSurname', 'surname1', 'cases:200'])).toEqual(['surname1']);
  });

  it('finds the label of a field and of a tag with its value', () => {
    expect(auditFieldKey('firstSurname')).toEqual({ key: 'auditField.firstSurname', value: null });
    expect(auditFieldKey('format=htcds2.0')).toEqual({ key: 'auditField.format', value: 'htcds2.0' });
    expect(auditFieldKey('category:victim_case')).toEqual({
      key: 'auditField.category',
      value: 'victim_case',
    });
    expect(auditFieldKey('surname1')).toBeNull();
    expect(auditFieldKey(':x')).toBeNull();
  });

  it('names the fields an input gives, and only those kept', () => {
    const input = { givenNames: 'A', firstSurname: null, nationalities: [], sex: 'Female' };
    expect(auditFieldsOf(input)).toEqual(['givenNames', 'firstSurname', 'nationalities', 'sex']);
    expect(auditFieldsOf(input, isGiven)).toEqual(['givenNames', 'sex']);
    // @ts-expect-error an input key without a label does not compile
    auditFieldsOf({ surname1: 'x' });
  });
});
