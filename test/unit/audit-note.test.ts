import { describe, expect, it } from 'vitest';
import {
  checkpointBody,
  cosign,
  generateNoteKey,
  hasValidSignature,
  parseNote,
  parsePrivateKey,
  parseVerifierKey,
  signNote,
  withSignatures,
} from '../../src/server/audit/note.js';

describe('signed notes, checkpoints and cosignatures (C2SP)', () => {
  const log = generateNoteKey('example.gov.py/nanduti-audit');
  const witness = generateNoteKey('defensoria.gov.py/witness', true);
  const body = checkpointBody('example.gov.py/nanduti-audit', 42, Buffer.alloc(32, 7));

  it('round-trips keys, signs and verifies a checkpoint, and rejects a changed one', () => {
    for (let i = 0; i < 20; i++) {
      // base64 keys often contain '+': parsing must split only at the separators.
      const k = generateNoteKey('a.example/log');
      expect(parseVerifierKey(k.verifierKey).name).toBe('a.example/log');
      expect(parsePrivateKey(k.privateKey).name).toBe('a.example/log');
    }
    const note = signNote(body, parsePrivateKey(log.privateKey));
    expect(note).toMatch(
      /^example\.gov\.py\/nanduti-audit\n42\n[A-Za-z0-9+/]{43}=\n\n\u2014 example\.gov\.py\/nanduti-audit \S+\n$/,
    );
    const parsed = parseNote(note);
    expect(parsed.checkpoint).toMatchObject({ origin: 'example.gov.py/nanduti-audit', size: 42 });
    expect(hasValidSignature(parsed, parseVerifierKey(log.verifierKey))).toBe(true);
    expect(
      hasValidSignature(parseNote(note.replace('\n42\n', '\n41\n')), parseVerifierKey(log.verifierKey)),
    ).toBe(false);
    expect(
      hasValidSignature(
        parsed,
        parseVerifierKey(generateNoteKey('example.gov.py/nanduti-audit').verifierKey),
      ),
    ).toBe(false);
  });

  it('a witness cosignature verifies with the witness key only', () => {
    const note = signNote(body, parsePrivateKey(log.privateKey));
    const cosigned = withSignatures(note, [cosign(body, parsePrivateKey(witness.privateKey))]);
    const parsed = parseNote(cosigned);
    expect(parsed.signatures).toHaveLength(2);
    expect(hasValidSignature(parsed, parseVerifierKey(witness.verifierKey))).toBe(true);
    expect(hasValidSignature(parsed, parseVerifierKey(log.verifierKey))).toBe(true);
    const other = generateNoteKey('defensoria.gov.py/witness', true);
    expect(hasValidSignature(parsed, parseVerifierKey(other.verifierKey))).toBe(false);
  });

  it('refuses malformed notes', () => {
    for (const bad of [
      '',
      'origin\n1\nAAAA\n\n',
      `origin\n01\n${Buffer.alloc(32).toString('base64')}\n\n— k AAAAAAAA\n`,
      'x\n\ny',
    ])
      expect(() => parseNote(bad)).toThrow();
  });
});
