/** Record linkage (likely matches at intake, the review queue), in Spanish (the source of the keys). */
export const linkageEs = {
  'nav.linkageReviews': 'Revisión de coincidencias',
  'linkage.matches.title': 'Posibles coincidencias',
  'linkage.matches.intro':
    'Personas que usted ya puede ver y que podrían ser la misma. Abra el registro para comprobarlo, use una de ellas, o continúe con una persona nueva.',
  'linkage.matches.likely': 'Muy probable ({percent} %)',
  'linkage.matches.possible': 'Posible ({percent} %)',
  'linkage.matches.open': 'Abrir el registro',
  'linkage.matches.use': 'Es esta persona',
  'linkage.matches.useNamed': 'Es esta persona: {name}',
  'linkage.matches.new': 'Continuar con una persona nueva',
  'linkage.reviews.title': 'Revisión de coincidencias',
  'linkage.reviews.intro':
    'Pares de registros que podrían ser la misma persona. Del registro de otra institución solo se ve su grupo, nunca sus datos.',
  'linkage.reviews.none': 'No hay revisiones pendientes.',
  'linkage.reviews.probability': 'Probabilidad: {percent} %',
  'linkage.reviews.hidden': 'Registro de otra institución (no visible)',
  'linkage.reviews.cluster': 'Grupo {cluster}',
  'linkage.reviews.same': 'Es la misma persona',
  'linkage.reviews.different': 'Son personas distintas',
  'linkage.reviews.decided': 'Decisión registrada.',
} as const;
