// What a run of requests left twice, or not at all: their orders (one per request, in its resident's list) and their
// pushes (one delivery per device per batch of a request). Read with the Admin SDK once the backend is quiet.
import { getFirestore } from 'firebase-admin/firestore';
import { paths } from '@sos/model';
import type { Client } from './clients';

export async function duplicatesOf(residents: readonly Client[], ids: readonly string[]) {
  const admin = getFirestore();
  const orders = await Promise.all(residents.map((client) => admin.collection(paths.orders(client.uid)).get()));
  const orderCounts = new Map<string, number>();
  for (const snapshot of orders) {
    for (const order of snapshot.docs) {
      const requestId = order.get('requestId') as string;
      orderCounts.set(requestId, (orderCounts.get(requestId) ?? 0) + 1);
    }
  }
  let duplicatedPushes = 0;
  let pushes = 0;
  for (let start = 0; start < ids.length; start += 50) {
    const snapshots = await Promise.all(ids.slice(start, start + 50).map((id) => admin.collection(paths.deliveries(id)).get()));
    for (const snapshot of snapshots) {
      const keys = snapshot.docs.map((row) => `${row.get('batch')}|${row.get('uid')}|${row.get('deviceId')}`);
      pushes += keys.length;
      duplicatedPushes += keys.length - new Set(keys).size;
    }
  }
  return {
    missingOrders: ids.filter((id) => !orderCounts.has(id)).length,
    duplicatedOrders: ids.reduce((sum, id) => sum + Math.max(0, (orderCounts.get(id) ?? 0) - 1), 0),
    pushes,
    duplicatedPushes,
  };
}
