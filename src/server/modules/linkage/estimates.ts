/**
 * An estimated age as the linkage engine reads it: the age and the day it was estimated. The
 * persons table keeps the age and the birth year computed from it on the day it was recorded
 * (birth_year = that day's year − age), so the year of that day is birth_year + age; the day itself
 * is the record's last update when it falls in that year (the age is re-estimated on update), else
 * the middle of that year.
 */
import { paraguayDayOf } from '../../../shared/dates.js';

export function estimateOf(row: {
  estimated_age: number | null;
  birth_year: number | null;
  updated_at: Date | string;
}): { estimatedAge: number | null; ageRecordedOn: string | null } {
  if (row.estimated_age === null || row.birth_year === null)
    return { estimatedAge: null, ageRecordedOn: null };
  const year = row.birth_year + row.estimated_age;
  const updated = paraguayDayOf(row.updated_at);
  return {
    estimatedAge: row.estimated_age,
    ageRecordedOn: updated.startsWith(`${year}-`) ? updated : `${year}-07-01`,
  };
}
