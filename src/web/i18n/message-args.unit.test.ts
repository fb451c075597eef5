/**
 * The type-level reading of ICU arguments (catalogue.ts). The assertions are checked by tsc
 * (npm run check); the runtime test only keeps vitest from reporting an empty file.
 */
import { describe, expect, it } from 'vitest';
import type { MessageArgs } from './catalogue.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(_proof: Equal<A, B>) => true;

describe('MessageArgs', () => {
  it('reads every argument kind', () => {
    expect([
      same<keyof MessageArgs<'Sin argumentos'>, never>(true),
      same<
        MessageArgs<'Hola {name}, {n} de {total}'>,
        { name: string | number; n: string | number; total: string | number }
      >(true),
      same<MessageArgs<'{count, plural, one {# caso} other {# casos}}'>, { count: number }>(true),
      same<
        MessageArgs<'{count, plural, =0 {ninguno} one {# caso de {owner}} other {# casos de {owner}}} en total'>,
        { count: number; owner: string | number }
      >(true),
      same<
        MessageArgs<'{sex, select, Female {nacida} other {nacido}} en {year}'>,
        { sex?: string; year: string | number }
      >(true),
      same<
        MessageArgs<'{n, number} · {p, number, ::percent} · {d, date, medium}'>,
        { n: number; p: number; d: Date | number }
      >(true),
      same<
        MessageArgs<'{sex, select, Female {Funcionaria} other {Funcionario}} y {sex}'>,
        { sex: string | number }
      >(true),
      same<MessageArgs<'{n, selectordinal, one {#.º} other {#.º}} y {n}'>, { n: number }>(true),
      same<
        MessageArgs<'{sex, select, Female {{count, plural, one {una} other {#}}} other {{count}}}'>,
        { sex?: string; count: number }
      >(true),
    ]).not.toContain(false);
  });
});
