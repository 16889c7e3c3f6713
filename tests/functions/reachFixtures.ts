// Reach fixtures: a response site's alert steps and its people's contact methods (Admin SDK), each suite its own.
import { randomInt } from 'node:crypto';
import type { AlertStep, ContactAlertChannel } from '@sos/model';
import { Timestamp } from 'firebase-admin/firestore';
import { reachRefs, refs } from '../../functions/src/firestore';
import { waitForDoc } from './admin';

/** A phone number of its own per call (E.164, +7 9xx …), so suites and sites never share an address. */
export const freshPhone = (): string => `+79${String(randomInt(100_000_000, 999_999_999))}`;
/** A Telegram chat id of its own per call. */
export const freshChatId = (): string => String(randomInt(100_000_000, 2_000_000_000));

export interface ContactFixture {
  id: string;
  kind: ContactAlertChannel;
  address: string;
  verified: boolean;
}

export async function setAlertSteps(locationId: string, alertSteps: AlertStep[]): Promise<void> {
  await refs.location(locationId).update({ alertSteps });
}

/** Writes the person's contact methods and waits until the location's dispatch document lists the verified ones. */
export async function addContacts(locationId: string, uid: string, contacts: ContactFixture[], listed = true): Promise<void> {
  await Promise.all(
    contacts.map(({ id, ...contact }) =>
      reachRefs.contact(uid, id).set({ ...contact, verifiedAt: contact.verified ? Timestamp.now() : null, createdAt: Timestamp.now() }),
    ),
  );
  if (!listed) return;
  const verified = contacts
    .filter((contact) => contact.verified)
    .map((contact) => contact.id)
    .sort();
  await waitForDoc(
    refs.dispatch(locationId),
    (dispatch) => JSON.stringify((dispatch?.recipients[uid]?.contacts ?? []).map((contact) => contact.id).sort()) === JSON.stringify(verified),
    `dispatch lists ${uid}'s contact methods`,
  );
}
