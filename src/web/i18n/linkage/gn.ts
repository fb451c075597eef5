/** Record linkage (likely matches at intake, the review queue), in Guaraní (to be reviewed by a native speaker). */
import type { linkageEs } from './es.js';

export const linkageGn: Record<keyof typeof linkageEs, string> = {
  'nav.linkageReviews': 'Ojojoguáva jehecha jey',
  'linkage.matches.title': 'Ikatúva ojojogua',
  'linkage.matches.intro':
    'Tapicha rehecháma ikatúva ha’e upe tapicha voi. Embojuruja kuatia ehecha hag̃ua, eiporavo peteĩ, térã eho tenonde tapicha pyahúpe.',
  'linkage.matches.likely': 'Ha’ete voi ({percent} %)',
  'linkage.matches.possible': 'Ikatu ({percent} %)',
  'linkage.matches.open': 'Embojuruja kuatia',
  'linkage.matches.use': 'Ko tapicha voi',
  'linkage.matches.useNamed': 'Ko tapicha voi: {name}',
  'linkage.matches.new': 'Eho tenonde tapicha pyahúpe',
  'linkage.reviews.title': 'Ojojoguáva jehecha jey',
  'linkage.reviews.intro':
    'Mokõi kuatia ikatúva ha’e peteĩ tapicha. Ambue institución kuatiágui ojehechauka iaty añoite, ndaha’éi hekokuéra.',
  'linkage.reviews.none': 'Ndaipóri jehecha jey oha’arõva.',
  'linkage.reviews.probability': 'Ikatu hag̃ua: {percent} %',
  'linkage.reviews.hidden': 'Ambue institución kuatia (ndojehechaukái)',
  'linkage.reviews.cluster': 'Aty {cluster}',
  'linkage.reviews.same': 'Peteĩ tapicha voi',
  'linkage.reviews.different': 'Tapicha iñambuéva',
  'linkage.reviews.decided': 'Oñeanota pe ñemohu’ã.',
};
