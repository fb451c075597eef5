/**
 * Notifications: who is told of each referral change (in-app, in the same transaction), reading and
 * marking them read, the once-only escalation of overdue referrals to supervisors, and e-mail sent
 * after commit through the outbox to a local SMTP sink — without any personal data.
 */
import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { drainMailOutbox, smtpSender } from '../../src/server/mail/mail-outbox.js';
import { escalateOverdueReferrals } from '../../src/server/modules/notifications/notifications.service.js';
import { skipBackend } from '../helpers/db.js';
import { api, type Session } from '../helpers/factories.js';
import { insertConsent, insertNeed, insertProvider, insertReferral } from './protection-fixtures.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

/** A tiny SMTP server that accepts everything and keeps each message's envelope and data. */
async function smtpSink() {
  const messages: Array<{ from: string; to: string[]; data: string }> = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          messages.push(current);
          current = { from: '', to: [], data: '' };
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 sink\r\n');
        else if (verb === 'MAIL') {
          current.from = line;
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          current.to.push(line);
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => server.close() };
}

describe.skipIf(skipBackend)('notifications', () => {
  const t = useTestContext();
  const [police, policeSupervisor, shelter, shelterSupervisor, shelterAnalyst, other] = useSessions(
    t,
    'case_worker@PNPTU',
    'supervisor@PNPTU',
    'case_worker@MINMUJER',
    'supervisor@MINMUJER',
    'analyst@MINMUJER',
    'case_worker@MINNA',
  );

  beforeAll(async () => {
    await t.services.db.transaction((trx) =>
      trx
        .updateTable('users')
        .set({ email: 'policia@example.test' })
        .where('id', '=', police.user.id)
        .execute(),
    );
  });

  const inbox = async (s: Session, lang = 'es') =>
    (await api(t, s, 'GET', '/api/notifications', undefined, { 'accept-language': lang })).json() as {
      items: Array<{ id: string; kind: string; resourceId: string; reference: string; text: string }>;
      unread: number;
    };
  const about = async (s: Session, referralId: string) =>
    (await inbox(s)).items.filter((i) => i.resourceId === referralId).map((i) => i.kind);

  async function referByApi(): Promise<string> {
    const caseId = await insertCase(t, 'PNPTU');
    const personId = await insertLinkedPerson(t, caseId, 'PNPTU', { dateOfBirth: '1999-05-01' });
    await insertConsent(t, caseId, personId, ['Psychological']);
    const needId = await insertNeed(t, caseId, personId, 'Psychological');
    const { providerId } = await insertProvider(t, { institution: 'MINMUJER' });
    const res = await api(t, police, 'POST', '/api/referrals', { caseId, needId, providerId });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  it('tells the receiving institution’s case staff of a new referral, and the sender of the answer', async () => {
    const id = await referByApi();
    expect(await about(shelter, id)).toEqual(['referral_created']);
    expect(await about(shelterSupervisor, id)).toEqual(['referral_created']);
    expect(await about(shelterAnalyst, id)).toEqual([]);
    expect(await about(police, id)).toEqual([]);
    expect(await about(other, id)).toEqual([]);

    const list = await inbox(shelter, 'en');
    const item = list.items.find((i) => i.resourceId === id)!;
    expect(item.text).toBe(`You have a new referral ${item.reference}.`);
    expect(item.reference).toMatch(/^DER-[0-9A-F]{8}$/);
    expect(list.unread).toBeGreaterThanOrEqual(1);

    expect((await api(t, shelter, 'POST', `/api/referrals/${id}/acceptance`)).statusCode).toBe(200);
    expect(await about(police, id)).toEqual(['referral_accepted']);
    expect(await about(policeSupervisor, id)).toEqual(['referral_accepted']);
    expect(await about(shelter, id)).toEqual(['referral_created']);

    const done = await api(t, shelter, 'POST', `/api/referrals/${id}/completion`, { outcome: 'completed' });
    expect(done.statusCode).toBe(200);
    expect(await about(police, id)).toEqual(['referral_completed', 'referral_accepted']);
  });

  it('tells the sender when declined, and the receiver when consent is withdrawn', async () => {
    const declined = await insertReferral(t, 'PNPTU', 'MINMUJER');
    const res = await api(t, shelter, 'POST', `/api/referrals/${declined.referralId}/decline`, {
      reason: 'Sin profesional disponible',
    });
    expect(res.statusCode).toBe(200);
    expect(await about(police, declined.referralId)).toEqual(['referral_declined']);

    const withdrawn = await insertReferral(t, 'PNPTU', 'MINMUJER');
    const w = await api(
      t,
      police,
      'POST',
      `/api/cases/${withdrawn.caseId}/consents/${withdrawn.consentId}/withdrawal`,
    );
    expect(w.statusCode).toBe(200);
    expect(await about(shelter, withdrawn.referralId)).toEqual(['referral_withdrawn']);
    expect(await about(police, withdrawn.referralId)).toEqual([]);
  });

  it('marks own notifications read by id or all, and ignores another user’s ids', async () => {
    await referByApi();
    const before = await inbox(shelter);
    expect(before.unread).toBeGreaterThan(0);
    const first = before.items[0]!;
    const foreign = await api(t, other, 'POST', '/api/notifications/read', { ids: [first.id] });
    expect(foreign.json()).toEqual({ marked: 0, unread: 0 });
    const one = await api(t, shelter, 'POST', '/api/notifications/read', { ids: [first.id] });
    expect(one.json()).toEqual({ marked: 1, unread: before.unread - 1 });
    const all = await api(t, shelter, 'POST', '/api/notifications/read', { all: true });
    expect(all.json()).toEqual({ marked: before.unread - 1, unread: 0 });
    const empty = await api(t, shelter, 'POST', '/api/notifications/read', {});
    expect(empty.statusCode).toBe(400);
  });

  it('escalates an overdue referral to the supervisors of both sides, once', async () => {
    const late = await insertReferral(t, 'PNPTU', 'MINMUJER');
    await t.services.db.transaction((trx) =>
      trx
        .updateTable('referrals')
        .set({ due_at: new Date(Date.now() - 86_400_000) })
        .where('id', '=', late.referralId)
        .execute(),
    );
    expect(await escalateOverdueReferrals(t.services.db)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueReferrals(t.services.db)).toBe(0);
    expect(await about(policeSupervisor, late.referralId)).toEqual(['referral_overdue']);
    expect(await about(shelterSupervisor, late.referralId)).toEqual(['referral_overdue']);
    expect(await about(shelter, late.referralId)).toEqual([]);
    expect(await about(police, late.referralId)).toEqual([]);
  });

  it('e-mails pending notifications after commit, without personal data, and retries failures', async () => {
    const sink = await smtpSink();
    try {
      const config = { ...t.services.config, smtpUrl: sink.url, mailFrom: 'nanduti@example.test' };
      const failing = await drainMailOutbox(t.services.db, config, async () => {
        throw new Error('relay down');
      });
      expect(failing.sent).toBe(0);
      expect(failing.failed).toBeGreaterThan(0);
      // Failed ones wait for their back-off: bring them forward for the test.
      await t.services.db.transaction((trx) =>
        trx
          .updateTable('notifications')
          .set({ mail_next_at: new Date(0) })
          .where('mail_state', '=', 'pending')
          .execute(),
      );
      const result = await drainMailOutbox(t.services.db, config, smtpSender(sink.url));
      expect(result.failed).toBe(0);
      expect(result.sent).toBe(failing.failed);
      expect(sink.messages.length).toBe(result.sent);
      for (const m of sink.messages) {
        expect(m.to.join()).toContain('policia@example.test');
        expect(m.data).toMatch(/DER-[0-9A-F]{8}/);
        expect(m.data).not.toMatch(/Mirna|Soledad|Test case_worker/);
      }
      const pending = await t.services.db.transaction((trx) =>
        trx
          .selectFrom('notifications')
          .select(['mail_state', 'mail_attempts'])
          .where('user_id', '=', police.user.id)
          .execute(),
      );
      expect(pending.length).toBeGreaterThan(0);
      expect(pending.every((p) => p.mail_state === 'sent' && p.mail_attempts === 2)).toBe(true);
      expect((await drainMailOutbox(t.services.db, config, smtpSender(sink.url))).sent).toBe(0);
    } finally {
      sink.close();
    }
  });
});
