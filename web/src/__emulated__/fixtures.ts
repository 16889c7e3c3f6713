// Locations and requests for the web store tests, written as the backend would.
import { Timestamp } from 'firebase/firestore';
import { paths, type Location, type SosStatus } from '@sos/model';
import { seedDocs, unique } from './harness';

export function locationData(name: string, admins: string[] = []): Location & { admins: string[] } {
  return { name, staffPhone: '+73422580078', responseMinutes: 10, ackSeconds: 60, timezone: 'Asia/Yekaterinburg', admins };
}

export async function seedLocations(names: string[], admins: string[] = []): Promise<string[]> {
  const ids = names.map(() => unique('loc'));
  await seedDocs(Object.fromEntries(ids.map((id, index) => [paths.location(id), locationData(names[index] ?? id, admins)])));
  return ids;
}

/** A request the backend has already opened (status past `new`, so the create trigger leaves it alone). */
export async function seedRequest(locationId: string, status: SosStatus, createdAtMillis = Date.now()): Promise<string> {
  const [id] = await seedRequests([locationId], status, createdAtMillis);
  return id!;
}

/** One such request in each of `locationIds`, in one batch; their ids in the same order. */
export async function seedRequests(locationIds: string[], status: SosStatus, createdAtMillis = Date.now()): Promise<string[]> {
  const ids = locationIds.map(() => unique('req'));
  await seedDocs(Object.fromEntries(ids.map((id, index) => [paths.sosRequest(id), requestData(locationIds[index]!, status, createdAtMillis)])));
  return ids;
}

function requestData(locationId: string, status: SosStatus, createdAtMillis: number) {
  const createdAt = Timestamp.fromMillis(createdAtMillis);
  return {
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
  };
}
