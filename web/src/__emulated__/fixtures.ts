// Locations and requests for the web store tests, written as the backend would.
import { Timestamp } from 'firebase/firestore';
import { paths, type Location, type SosStatus } from '@sos/model';
import { seedDoc, unique } from './harness';

export function locationData(name: string, admins: string[] = []): Location & { admins: string[] } {
  return { name, staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'Asia/Yekaterinburg', admins };
}

export async function seedLocations(names: string[], admins: string[] = []): Promise<string[]> {
  const ids = names.map(() => unique('loc'));
  await Promise.all(ids.map((id, index) => seedDoc(paths.location(id), locationData(names[index] ?? id, admins))));
  return ids;
}

/** A request the backend has already opened (status past `new`, so the create trigger leaves it alone). */
export async function seedRequest(locationId: string, status: SosStatus, createdAtMillis = Date.now()): Promise<string> {
  const id = unique('req');
  const createdAt = Timestamp.fromMillis(createdAtMillis);
  await seedDoc(paths.sosRequest(id), {
    uid: 'someone',
    locationId,
    objectId: null,
    source: 'emergency',
    description: null,
    repeatOf: null,
    status,
    createdAt,
    deadlineAt: Timestamp.fromMillis(createdAtMillis + 600_000),
    ackDeadlineAt: Timestamp.fromMillis(createdAtMillis + 60_000),
    locationName: locationId,
    objectName: null,
    requester: { name: 'Житель', phone: '+79120000009' },
    plan: null,
  });
  return id;
}
