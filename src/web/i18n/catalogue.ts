/**
 * Message keys and the typed translate function. Messages are ICU MessageFormat
 * (`{count, plural, one {# caso} other {# casos}}`, `{sex, select, Female {nacida} other {nacido}}`).
 * Keys come from the Spanish catalogue, so a key missing from another language is a compile error,
 * and the arguments a call must pass are read from the Spanish message by the types below: a call
 * that forgets an argument, or passes text where a plural needs a number, does not compile.
 */
import type { Locale } from '../../shared/roles.js';
import type { es } from './es.js';

export type MessageKey = keyof typeof es;
export type Catalogue = { readonly [K in MessageKey]: string };

// ---- Arguments of an ICU message, read at the type level -------------------------------------
// A small parser over template literal types: text, `{name}`, `{name, number|date|time[, style]}`
// and `{name, plural|selectordinal|select, key {branch} …}` with arguments nested in branches.
// It does not understand ICU's apostrophe quoting (`'{'`): the Spanish source does not use it.

type Space = ' ' | '\n' | '\t' | '\r';
type Trim<S extends string> = S extends `${Space}${infer R}`
  ? Trim<R>
  : S extends `${infer R}${Space}`
    ? Trim<R>
    : S;
/** One use of an argument: its name and how it is formatted (`simple` for a bare `{name}`). */
type Use = [name: string, kind: string];
/** Parse state: the uses found so far and the text left after the `}` that ended the current branch. */
type Parsed<U extends Use, Rest extends string> = [U, Rest];

/** Literal text up to the next argument, or up to the `}` closing the branch being read. */
type Text<S extends string, U extends Use> = S extends `${infer Before}{${infer Open}`
  ? Before extends `${string}}${infer AfterClose}`
    ? Parsed<U, `${AfterClose}{${Open}`>
    : Argument<Open, U>
  : S extends `${string}}${infer AfterClose}`
    ? Parsed<U, AfterClose>
    : Parsed<U, ''>;

/** After an argument's `{`: a bare `{name}` or a formatted / plural / select argument. */
type Argument<S extends string, U extends Use> = S extends `${infer Head}}${infer Rest}`
  ? Head extends `${string}{${string}` | `${string},${string}`
    ? Formatted<S, U>
    : Text<Rest, U | [Trim<Head>, 'simple']>
  : Parsed<U, ''>;

type Formatted<S extends string, U extends Use> = S extends `${infer Name},${infer Tail}`
  ? Tail extends `${infer Kind},${infer Options}`
    ? Kind extends `${string}}${string}`
      ? Closed<Name, Tail, U> // {n, number} followed by more text with commas
      : Trim<Kind> extends 'plural' | 'selectordinal' | 'select'
        ? Branches<Options, U | [Trim<Name>, Trim<Kind>]>
        : Options extends `${string}}${infer Rest}` // {n, number, ::percent}
          ? Text<Rest, U | [Trim<Name>, Trim<Kind>]>
          : Parsed<U, ''>
    : Closed<Name, Tail, U>
  : Parsed<U, ''>;

/** `{name, kind}`: the kind runs to the closing `}`. */
type Closed<
  Name extends string,
  Tail extends string,
  U extends Use,
> = Tail extends `${infer Kind}}${infer Rest}` ? Text<Rest, U | [Trim<Name>, Trim<Kind>]> : Parsed<U, ''>;

/** `one {…} other {…}}`: each branch is text (which may hold arguments) until the closing `}`. */
type Branches<S extends string, U extends Use> = S extends `${infer Selector}{${infer Body}`
  ? Selector extends `${string}}${infer AfterClose}`
    ? Text<`${AfterClose}{${Body}`, U>
    : Text<Body, U> extends [infer Found extends Use, infer Rest extends string]
      ? Branches<Rest, Found>
      : never
  : S extends `${string}}${infer AfterClose}`
    ? Text<AfterClose, U>
    : Parsed<U, ''>;

type NumericKind = 'plural' | 'selectordinal' | 'number';
/** The value a call passes for an argument, from every way the message uses it. */
type ValueFor<Kinds extends string> = [Extract<Kinds, NumericKind>] extends [never]
  ? [Extract<Kinds, 'date' | 'time'>] extends [never]
    ? [Exclude<Kinds, 'select'>] extends [never]
      ? string
      : string | number
    : Date | number
  : number;

type Uses<S extends string> = Text<S, never>[0];
type Names<S extends string> = Uses<S>[0];
type KindsOf<S extends string, N> = Extract<Uses<S>, [N, string]>[1];
/** Arguments used only to choose a form (`select`): optional, their `other` form is the default. */
type SelectOnly<S extends string> = {
  [N in Names<S>]: [Exclude<KindsOf<S, N>, 'select'>] extends [never] ? N : never;
}[Names<S>];
type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * The arguments of message `S`, e.g. `{ count: number }` for `{count, plural, …}` and
 * `{ sex?: string; year: string | number }` for `{sex, select, Female {nacida} other {nacido}} en {year}`.
 */
export type MessageArgs<S extends string> = Flatten<
  { [N in Exclude<Names<S>, SelectOnly<S>>]: ValueFor<KindsOf<S, N>> } & { [N in SelectOnly<S>]?: string }
>;

type ParamsOf<K extends MessageKey> = MessageArgs<(typeof es)[K]>;

/** Arguments after the key: none for a plain message, the argument values otherwise. */
export type ParamArgs<K extends MessageKey> = [keyof ParamsOf<K>] extends [never]
  ? []
  : Record<never, never> extends ParamsOf<K>
    ? [params?: ParamsOf<K>]
    : [params: ParamsOf<K>];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

/** Keys whose message has no arguments (usable where the key is chosen at run time). */
export type PlainKey = { [K in MessageKey]: ParamArgs<K> extends [] ? K : never }[MessageKey];

/** BCP 47 tag for Intl formatting; Guaraní borrows Paraguayan Spanish number, date and plural rules. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'es-PY';
}
