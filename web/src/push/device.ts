// Web push for anyone signed in (staff: new requests; residents: "your call was accepted"). Loaded by
// dynamic import only, so firebase/messaging is not in the first load. Registers this browser as
// users/{uid}/devices/{deviceId}, subscribed through the app's one service worker.
import { getToken, getMessaging, isSupported } from 'firebase/messaging';
import { getDoc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { firebaseApp } from '../firebase/app';
import { refs } from '../firebase/refs';
import { registerAppServiceWorker } from '../sw/register';

const DEVICE_ID_KEY = 'sos.deviceId';

/** Why push cannot work here; the live queue works regardless. */
export type PushUnavailableReason = 'unsupported' | 'not-configured' | 'denied';

export type PushAvailability = { available: true; permission: NotificationPermission } | { available: false; reason: PushUnavailableReason };

const vapidKey = import.meta.env.VITE_FIREBASE_VAPID_KEY ?? '';

/** iOS Safari outside an installed home-screen app, old browsers, private modes: no Push API. */
export function pushSupported(): Promise<boolean> {
  return isSupported().catch(() => false);
}

export async function pushAvailability(): Promise<PushAvailability> {
  if (!(await pushSupported())) return { available: false, reason: 'unsupported' };
  // The emulator demo project has no FCM sender and no VAPID key.
  if (!vapidKey || !import.meta.env.VITE_FIREBASE_MESSAGING_SENDER_ID) return { available: false, reason: 'not-configured' };
  if (Notification.permission === 'denied') return { available: false, reason: 'denied' };
  return { available: true, permission: Notification.permission };
}

/** Stable per browser, so re-registering refreshes the same device document. */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_ID_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_ID_KEY, id);
  }
  return id;
}

/**
 * Asks permission when `ask` (a button press), gets the FCM token and stores it: created once with
 * createdAt, later visits refresh token and lastSeenAt (the fields the rules let an owner change).
 */
export async function registerDevice(uid: string, ask: boolean): Promise<'registered' | PushUnavailableReason | 'not-granted'> {
  const availability = await pushAvailability();
  if (!availability.available) return availability.reason;
  const permission = ask ? await Notification.requestPermission() : Notification.permission;
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'not-granted';

  const registration = await registerAppServiceWorker();
  const token = await getToken(getMessaging(firebaseApp), { vapidKey, serviceWorkerRegistration: registration });
  const reference = refs.device(uid, deviceId());
  const existing = await getDoc(reference);
  if (existing.exists()) {
    await updateDoc(reference, { token, lastSeenAt: serverTimestamp() });
  } else {
    await setDoc(refs.deviceWrite(uid, deviceId()), { token, createdAt: serverTimestamp(), lastSeenAt: serverTimestamp() });
  }
  return 'registered';
}
