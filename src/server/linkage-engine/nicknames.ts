/**
 * Usual Paraguayan and Spanish short forms of given names (hipocorísticos). A nickname and the name
 * it shortens compare as a graded match, never as an exact one: "Juani" may be Juana or Juan Ignacio.
 * Synthetic, generic list; an installation may extend it.
 */
import { normalizeName } from '../modules/persons/name-normalize.js';

const PAIRS: Record<string, string> = {
  pepe: 'jose',
  pepa: 'josefa',
  juani: 'juana',
  juancho: 'juan',
  mary: 'maria',
  mari: 'maria',
  marita: 'maria',
  lulu: 'lourdes',
  lula: 'lourdes',
  nacho: 'ignacio',
  paco: 'francisco',
  pancho: 'francisco',
  kiko: 'francisco',
  chela: 'graciela',
  lupe: 'guadalupe',
  maru: 'maria',
  nelly: 'nelida',
  rosi: 'rosa',
  tere: 'teresa',
  caro: 'carolina',
  naty: 'natalia',
  fati: 'fatima',
  gladi: 'gladys',
  mabe: 'mabel',
  lety: 'leticia',
  ramoncito: 'ramon',
  toto: 'jose',
  beto: 'alberto',
  tito: 'alberto',
  lucho: 'luis',
  chiqui: 'maria',
  vicky: 'victoria',
  cristi: 'cristian',
  fredi: 'fredy',
  rube: 'ruben',
  tavo: 'gustavo',
  checho: 'sergio',
  rodri: 'rodrigo',
  osva: 'osvaldo',
};

/** The full name a (normalised) given-name word usually shortens, or the word itself. */
export function canonicalGiven(word: string): string {
  const w = normalizeName(word);
  return PAIRS[w] ?? w;
}
