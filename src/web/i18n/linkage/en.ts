/** Record linkage (likely matches at intake, the review queue), in English. */
import type { linkageEs } from './es.js';

export const linkageEn: Record<keyof typeof linkageEs, string> = {
  'nav.linkageReviews': 'Match reviews',
  'linkage.matches.title': 'Possible matches',
  'linkage.matches.intro':
    'Persons you may already see who could be the same one. Open the record to check, use one of them, or continue with a new person.',
  'linkage.matches.likely': 'Very likely ({percent} %)',
  'linkage.matches.possible': 'Possible ({percent} %)',
  'linkage.matches.open': 'Open the record',
  'linkage.matches.use': 'This is the person',
  'linkage.matches.useNamed': 'This is the person: {name}',
  'linkage.matches.new': 'Continue with a new person',
  'linkage.reviews.title': 'Match reviews',
  'linkage.reviews.intro':
    'Pairs of records that may be the same person. Of another institution’s record only its group is shown, never its data.',
  'linkage.reviews.none': 'No reviews are pending.',
  'linkage.reviews.probability': 'Probability: {percent} %',
  'linkage.reviews.hidden': 'Another institution’s record (not visible)',
  'linkage.reviews.cluster': 'Group {cluster}',
  'linkage.reviews.same': 'Same person',
  'linkage.reviews.different': 'Different persons',
  'linkage.reviews.decided': 'Decision recorded.',
};
