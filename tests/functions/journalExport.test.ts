// The journal export against the emulators: an admin's one-time link streams one row per request of the range (CSV with
// a BOM and `;`, XLSX that opens), in the reader's language; the link works once; everyone else and bad ranges are
// refused with the reason. The requests are written as the backend leaves them (past days, final states), so no
// trigger acts on them and the test waits for nothing but its own calls.
import './setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { Timestamp } from 'firebase-admin/firestore';
import { deleteApp } from 'firebase/app';
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { strFromU8, unzipSync } from 'fflate';
import type { CreateJournalExportRequest, CreateJournalExportResult, SosRequest } from '@sos/model';
import { refs, reportRefs } from '../../functions/src/firestore';
import { hashExportToken, streamJournal } from '../../functions/src/reports/export/operations';
import { csvEncoder } from '../../functions/src/reports/export/csv';
import { journalHeader } from '../../functions/src/reports/export/journalRows';
import { EXPORT_TEXTS } from '../../functions/src/reports/export/texts';
import { XLSX_SHEET_PATH } from '../../functions/src/reports/export/xlsx';
import { csvRows } from '../helpers/csv';
import { EMULATOR_HOSTS, hostAndPort } from '../helpers/emulators';
import { emulatorClientApp, failure, signIn, signInAsVisitor, type ClientSession } from './clients';
import { createResponseSite, SITE_PASSWORD, type ResponseSite } from './fixtures';

let site: ResponseSite;
let admin: ClientSession;

/** Two local days (Asia/Yekaterinburg, UTC+5) of the site's journal. */
const RANGE = { from: '2025-03-10', to: '2025-03-11' };
const at = (iso: string) => Timestamp.fromDate(new Date(iso));

type Crafted = Partial<SosRequest<Timestamp>> & Pick<SosRequest<Timestamp>, 'status' | 'createdAt'>;

/** What the backend leaves on a request it opened at the site. */
const opened = (request: Crafted): SosRequest<Timestamp> => ({
  uid: site.resident.uid,
  locationId: site.locationId,
  objectId: null,
  source: 'emergency',
  description: null,
  repeatOf: null,
  locationName: site.locationName,
  objectName: null,
  requester: { name: site.resident.name, phone: '+79001112233' },
  escalationLevel: 0,
  ...request,
});

/** The requests by id: five in the range (newest last here), one just before it and one just after it. */
const requests = (): Record<string, SosRequest<Timestamp>> => ({
  [`${site.locationId}-lift`]: opened({
    status: 'resolved',
    source: 'form',
    kind: 'lift',
    description: 'Застряли между этажами',
    objectName: 'Лифт; корпус "Б"',
    createdAt: at('2025-03-10T04:00:00Z'),
    ackAt: at('2025-03-10T04:00:42Z'),
    ackBy: site.tier1.uid,
    ackByName: site.tier1.name,
    ackChannel: 'telegram',
    arrivedAt: at('2025-03-10T04:05:00Z'),
    resolvedAt: at('2025-03-10T04:20:00Z'),
    escalationLevel: 1,
  }),
  [`${site.locationId}-cancelled`]: opened({
    status: 'cancelled',
    silent: true,
    createdAt: at('2025-03-10T10:00:00Z'),
    cancelledAt: at('2025-03-10T10:00:30Z'),
  }),
  // Made in the same millisecond as the cancelled one: a page may end between the two.
  [`${site.locationId}-rejected`]: opened({ status: 'rejected', rejectReason: 'invalid-request', createdAt: at('2025-03-10T10:00:00Z') }),
  [`${site.locationId}-late`]: opened({
    status: 'acknowledged',
    source: 'form',
    kind: 'medical',
    createdAt: at('2025-03-11T12:00:00Z'),
    ackAt: at('2025-03-11T12:01:00Z'),
    ackBy: site.tier1.uid,
    ackByName: site.tier1.name,
    arrivalOverdue: true,
  }),
  [`${site.locationId}-visitor`]: opened({
    status: 'on_site',
    source: 'qr',
    kind: 'fire',
    createdAt: at('2025-03-11T18:59:59Z'),
    requester: { name: 'Посетитель', phone: '', visitor: true },
    groupOf: `${site.locationId}-late`,
  }),
  [`${site.locationId}-before`]: opened({ status: 'resolved', createdAt: at('2025-03-09T18:59:59Z') }),
  [`${site.locationId}-after`]: opened({ status: 'resolved', createdAt: at('2025-03-11T19:00:00Z') }),
});
/** In the file's order: newest first, as the journal screen lists them. */
const inRange = () => ['visitor', 'late', 'rejected', 'cancelled', 'lift'].map((name) => `${site.locationId}-${name}`);

beforeAll(async () => {
  site = await createResponseSite(3600);
  await Promise.all(Object.entries(requests()).map(([id, request]) => refs.sosRequest(id).set(request)));
  // Messages: two on the lift call, one on the late one (their text never reaches the file).
  const message = (uid: string, role: 'requester' | 'staff', text: string) => ({ uid, role, text, at: Timestamp.now() });
  await Promise.all([
    refs.messages(`${site.locationId}-lift`).add(message(site.resident.uid, 'requester', 'Секретный текст 1')),
    refs.messages(`${site.locationId}-lift`).add(message(site.tier1.uid, 'staff', 'Секретный текст 2')),
    refs.messages(`${site.locationId}-late`).add(message(site.tier1.uid, 'staff', 'Секретный текст 3')),
  ]);
  admin = await signIn(site.admin.email, SITE_PASSWORD);
});

afterAll(async () => {
  await admin?.close();
});

const ask = (session: ClientSession, request: Partial<CreateJournalExportRequest> = {}) =>
  session.call<CreateJournalExportResult>('createJournalExport', { locationId: site.locationId, ...RANGE, format: 'csv', ...request });

/** The stored ticket of a link (the test reads it as the function does). */
async function ticketOf(link: CreateJournalExportResult) {
  const token = new URL(link.url).searchParams.get('token') ?? '';
  const ticket = (await reportRefs.journalExport(hashExportToken(token)).get()).data();
  if (!ticket) throw new Error('no ticket stored for the link');
  return ticket;
}

/** Calls one after the other: the Functions emulator starts a process for each call made while the others run. */
async function oneByOne<T>(calls: (() => Promise<T>)[]): Promise<T[]> {
  const answers: T[] = [];
  for (const call of calls) answers.push(await call());
  return answers;
}

describe('the journal export', () => {
  it('gives an admin a CSV of the range: one row per request, in Russian, with a BOM and ;, times in the location’s zone, messages counted', async () => {
    const link = await ask(admin, { locale: 'ru' });
    expect(link).toMatchObject({ rows: 5, fileName: `sos-journal-${site.locationId}-2025-03-10_2025-03-11.csv` });
    expect(link.url).toMatch(/\/journalExport\?token=[A-Za-z0-9_-]{43}$/);

    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${link.fileName}"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(body).not.toMatch(/Секретный|Застряли|\+7900/);
    expect(body).toContain(';"Лифт; корпус ""Б""";');

    const [header, ...rows] = csvRows(body);
    expect(header).toEqual(journalHeader('ru'));
    const column = (name: string) => (header ?? []).indexOf(EXPORT_TEXTS.ru.columns[name as keyof typeof EXPORT_TEXTS.ru.columns]);
    const pick = (names: string[]) => rows.map((row) => names.map((name) => row[column(name)]));
    expect(pick(['id', 'status', 'kind', 'ackBy', 'ackChannel', 'messages'])).toEqual([
      [inRange()[0], 'Сотрудник на месте', 'Пожар или дым', '', '', '0'],
      [inRange()[1], 'Принята', 'Нужна медицинская помощь', site.tier1.name, 'Приложение', '1'],
      [inRange()[2], 'Отклонена', 'Экстренный вызов', '', '', '0'],
      [inRange()[3], 'Отменена', 'Экстренный вызов', '', '', '0'],
      [inRange()[4], 'Решена', 'Застрял(а) в лифте', site.tier1.name, 'Telegram', '2'],
    ]);
    expect(pick(['createdAt', 'ackAt', 'ackSeconds', 'arrivalSeconds', 'resolvedAt'])[4]).toEqual([
      '2025-03-10 09:00:00',
      '2025-03-10 09:00:42',
      '42',
      '300',
      '2025-03-10 09:20:00',
    ]);
    expect(pick(['createdAt', 'requester', 'groupOf', 'source'])[0]).toEqual(['2025-03-11 23:59:59', 'Посетитель', inRange()[1], 'QR-код']);
    expect(pick(['place', 'escalationRounds', 'arrivalOverdue', 'silent', 'location'])).toEqual([
      ['', '0', 'нет', 'нет', site.locationName],
      ['', '0', 'да', 'нет', site.locationName],
      ['', '0', 'нет', 'нет', site.locationName],
      ['', '0', 'нет', 'да', site.locationName],
      ['Лифт; корпус "Б"', '1', 'нет', 'нет', site.locationName],
    ]);

    // The link works once.
    const again = await fetch(link.url);
    expect(again.status).toBe(410);
    expect(await again.text()).toBe(EXPORT_TEXTS.ru.link.used);
  });

  it('gives an XLSX that opens, in the admin’s own language when the call names none', async () => {
    await refs
      .user(site.admin.uid)
      .set({ displayName: site.admin.name, phone: '', locationIds: [site.locationId], homeLocationId: site.locationId, locale: 'en' });
    const link = await ask(admin, { format: 'xlsx' });
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const parts = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(strFromU8(parts['xl/workbook.xml'] ?? new Uint8Array())).toContain('<sheet name="Journal"');
    const sheet = strFromU8(parts[XLSX_SHEET_PATH] ?? new Uint8Array());
    const texts = (row: number) => [...(sheet.match(new RegExp(`<row r="${row}">.*?</row>`))?.[0] ?? '').matchAll(/<t>([^<]*)<\/t>/g)].map((match) => match[1]);
    expect(texts(1)).toEqual(journalHeader('en'));
    expect(sheet.match(/<row /g)).toHaveLength(6);
    expect(texts(6)).toEqual(expect.arrayContaining([inRange()[4], 'Resolved', 'Stuck in a lift', site.tier1.name, 'Telegram']));
  });

  it('reads the range a page at a time: the same rows whatever the page size, requests made in the same instant included', async () => {
    const ticket = await ticketOf(await ask(admin, { locale: 'ru' }));
    const context = { locale: 'ru' as const, timezone: 'Asia/Yekaterinburg', locationName: site.locationName };
    const ids = async (pageSize: number) => {
      const chunks: Uint8Array[] = [];
      const rows = await streamJournal(ticket, context, csvEncoder(), async (more) => void chunks.push(...more), pageSize);
      const [, ...lines] = csvRows(new TextDecoder().decode(Buffer.concat(chunks)));
      expect(lines).toHaveLength(rows);
      return lines.map(([id]) => id);
    };
    for (const pageSize of [1, 2, 3, 5]) expect(await ids(pageSize)).toEqual(inRange());
  });

  it('refuses a used, an expired and an unknown link with a plain sentence', async () => {
    const link = await ask(admin, { locale: 'ru' });
    const token = new URL(link.url).searchParams.get('token') ?? '';
    await reportRefs.journalExport(hashExportToken(token)).update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) });
    const expired = await fetch(link.url);
    expect([expired.status, await expired.text()]).toEqual([410, EXPORT_TEXTS.ru.link.expired]);
    const unknown = await fetch(link.url.replace(/token=.*/, `token=${'x'.repeat(43)}`), { headers: { 'Accept-Language': 'en-GB' } });
    expect([unknown.status, await unknown.text()]).toEqual([404, EXPORT_TEXTS.en.link.unknown]);
  });

  it('refuses another location’s admin, staff, a resident, a visitor and a signed-out caller', async () => {
    const otherAdmin = { uid: `${site.admin.uid}-other`, email: site.admin.email.replace('-admin@', '-admin-other@') };
    await getAdminAuth().createUser({ ...otherAdmin, password: SITE_PASSWORD, displayName: 'Админ Соседей' });
    await getAdminAuth().setCustomUserClaims(otherAdmin.uid, { role: 'admin', locationIds: [site.otherLocationId] });
    const sessions = await Promise.all([signIn(otherAdmin.email), signIn(site.tier1.email), signIn(site.resident.email), signInAsVisitor()]);
    const signedOut = emulatorClientApp('export-signed-out');
    const functions = getFunctions(signedOut, 'us-central1');
    const { host, port } = hostAndPort(EMULATOR_HOSTS.functions);
    connectFunctionsEmulator(functions, host, port);
    try {
      const refusals = await oneByOne([
        ...sessions.map((session) => () => failure(ask(session))),
        () => failure(httpsCallable(functions, 'createJournalExport')({ locationId: site.locationId, ...RANGE, format: 'csv' })),
      ]);
      const notAdmin = { code: 'permission-denied', reason: 'not-admin' };
      const unauthenticated = { code: 'unauthenticated', reason: 'unauthenticated' };
      expect(refusals).toEqual([notAdmin, notAdmin, notAdmin, unauthenticated, unauthenticated]);
    } finally {
      await Promise.all([...sessions.map((session) => session.close()), deleteApp(signedOut)]);
    }
  });

  it('refuses a range longer than a year, an end before its start and an unknown format, with the reason', async () => {
    const refusals = await oneByOne([
      () => failure(ask(admin, { from: '2024-01-01', to: '2025-01-01' })),
      () => failure(ask(admin, { from: '2025-03-11', to: '2025-03-10' })),
      () => failure(ask(admin, { from: '2025-02-30' })),
      () => failure(ask(admin, { format: 'pdf' as 'csv' })),
    ]);
    expect(refusals).toEqual([
      { code: 'invalid-argument', reason: 'too-long' },
      { code: 'invalid-argument', reason: 'end-before-start' },
      { code: 'invalid-argument', reason: 'malformed-from' },
      { code: 'invalid-argument', reason: 'invalid-format' },
    ]);
  });
});
