/**
 * Word lists for the synthetic Paraguayan data: given names and surnames (names.ts) with their
 * frequencies, districts per department, indigenous communities, places and destinations.
 * Invented combinations of common words only — no real person's data.
 */
import {
  FEMALE_COMPOUND_NAMES,
  FEMALE_GUARANI_NAMES,
  FEMALE_NAMES,
  list,
  MALE_COMPOUND_NAMES,
  MALE_GUARANI_NAMES,
  MALE_NAMES,
  SURNAMES,
} from './names.js';
import { Weighted } from './prng.js';

/** A weighted table written as `value weight, value weight, …`. */
function table(text: string): Weighted<string> {
  return new Weighted(
    list(text).map((entry) => {
      const at = entry.lastIndexOf(' ');
      return [entry.slice(0, at), Number(entry.slice(at + 1))] as const;
    }),
  );
}

export {
  FEMALE_COMPOUND_NAMES,
  FEMALE_GUARANI_NAMES,
  FEMALE_NAMES,
  MALE_COMPOUND_NAMES,
  MALE_GUARANI_NAMES,
  MALE_NAMES,
  SURNAMES,
};

/**
 * Surnames drawn with Zipf weights 1/rank^0.67: González about 5.4 %, the ten commonest together
 * about a fifth of persons, as in Paraguay's registries.
 */
export const SURNAME_TABLE = Weighted.zipf(SURNAMES, 0.67);
/** Given names drawn with Zipf weights 1/rank^0.7 (María about 8 % of first given names). */
export const FEMALE_NAME_TABLE = Weighted.zipf(FEMALE_NAMES, 0.7);
export const MALE_NAME_TABLE = Weighted.zipf(MALE_NAMES, 0.7);
export const FEMALE_COMPOUND_TABLE = Weighted.zipf(FEMALE_COMPOUND_NAMES, 1);
export const MALE_COMPOUND_TABLE = Weighted.zipf(MALE_COMPOUND_NAMES, 1);

export const NICKNAMES = list('Juani, Mary, Lulú, Negra, Rubia, Kuñataĩ, Pochi, Chiqui, Tito, Pelado, Mita');

/** Districts per department (ISO 3166-2:PY), the most populous first. */
export const DISTRICTS: Record<string, readonly string[]> = {
  'PY-ASU': ['Asunción'],
  'PY-1': list('Concepción, Horqueta, Yby Yaú, Belén'),
  'PY-2': list('San Estanislao, San Pedro del Ycuamandiyú, Choré, Guayaibí, Santa Rosa del Aguaray'),
  'PY-3': list('Caacupé, Tobatí, Eusebio Ayala, Arroyos y Esteros, Piribebuy'),
  'PY-4': list('Villarrica, Independencia, Mbocayaty'),
  'PY-5': list('Coronel Oviedo, Caaguazú, Repatriación, J. Eulogio Estigarribia'),
  'PY-6': list('Caazapá, San Juan Nepomuceno, Yuty'),
  'PY-7': list('Encarnación, Hohenau, Cambyretá, Coronel Bogado, Tomás Romero Pereira'),
  'PY-8': list('San Juan Bautista, San Ignacio, Ayolas'),
  'PY-9': list('Paraguarí, Carapeguá, Ybycuí, Quiindy'),
  'PY-10': list('Ciudad del Este, Hernandarias, Presidente Franco, Minga Guazú, Santa Rita'),
  'PY-11': list(
    'Luque, San Lorenzo, Capiatá, Lambaré, Fernando de la Mora, Limpio, Ñemby, Mariano Roque Alonso',
  ),
  'PY-12': list('Pilar, Alberdi'),
  'PY-13': list('Pedro Juan Caballero, Capitán Bado, Bella Vista Norte'),
  'PY-14': list('Salto del Guairá, Curuguaty, Ybyrarobaná'),
  'PY-15': list('Villa Hayes, Benjamín Aceval, Pozo Colorado'),
  'PY-16': list('Fuerte Olimpo, Bahía Negra'),
  'PY-19': list('Filadelfia, Mariscal Estigarribia, Loma Plata'),
};

/** Where people live and cases are detected: the capital, Central, Alto Paraná and Itapúa first. */
export const DEPARTMENT_TABLE = table(
  'PY-ASU 16, PY-11 22, PY-10 14, PY-7 9, PY-5 6, PY-2 5, PY-3 3, PY-4 3, PY-1 3, PY-9 3, PY-13 4, PY-14 3, ' +
    'PY-6 2, PY-8 2, PY-12 1, PY-15 2, PY-16 0.5, PY-19 1.5',
);
/** Indigenous persons live mostly in the Chaco and the eastern forest departments. */
export const INDIGENOUS_DEPARTMENT_TABLE = table(
  'PY-19 5, PY-15 4, PY-14 4, PY-2 3, PY-5 3, PY-13 3, PY-10 2, PY-16 1, PY-ASU 1',
);
export const PEOPLES = list('Mbyá Guaraní, Avá Guaraní, Paĩ Tavyterã, Aché, Nivaclé, Enxet, Ayoreo, Qom');
export const COMMUNITY_WORDS = list(
  'Yvy Pytã, Ka’aguy Poty, Tekoha Guasu, Pykasu, Jaguarete, Arroyo Morotĩ, Ñu Porã',
);

/** Foreign victims found in Paraguay: Bolivian, Brazilian, Argentine, Dominican, Chinese, Indonesian (seed 000). */
export const FOREIGN_NATIONALITY_TABLE = table('BO 3, BR 3, AR 2.5, DO 1.5, CN 1, ID 1');

/** Destinations abroad named in the seeds, Argentina first. */
export const DESTINATION_TABLE = table('AR 38, ES 20, BR 12, BO 8, CL 8, FR 5, KR 4, JP 5');
export const DESTINATION_CITIES: Record<string, readonly string[]> = {
  AR: list('Buenos Aires, Posadas, Clorinda, Córdoba'),
  ES: list('Madrid, Barcelona, Bilbao'),
  BR: list('São Paulo, Foz do Iguaçu, Curitiba'),
  BO: list('Santa Cruz de la Sierra, Cochabamba'),
  CL: list('Santiago, Iquique'),
  FR: list('París, Lyon'),
  KR: list('Seúl, Busan'),
  JP: list('Tokio, Nagoya'),
};

export const DETECTION_PLACES = list(
  'Terminal de ómnibus, Puesto de control fronterizo, Local nocturno, Casa de familia, Establecimiento rural, ' +
    'Obraje en zona rural, Hospital regional, Escuela básica, Vía pública en zona céntrica, Puerto fluvial, ' +
    'Aeropuerto Silvio Pettirossi, Puente de la Amistad, Taller de costura, Estancia ganadera en el Chaco',
);
export const PLATFORM_TABLE = table(
  'Facebook 34, WhatsApp 30, Instagram 14, TikTok 10, Telegram 7, Messenger 3, JobSite 2',
);
export const DISABILITIES = list('auditiva, visual, motriz, intelectual, psicosocial');
