// The signed-in person's ways to be reached (users/{uid}/contacts): the live list, adding and removing a phone method
// (firestore.rules let the owner create sms/voice unverified and delete their own), and the callables that verify,
// link and test them (only functions verify a method or create a Telegram one).
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed } from 'vue';
import { deleteDoc, doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { CONTACT_KINDS, contactCreate, type ContactKind, type PhoneContactKind } from '@sos/model';
import { callables } from '../firebase/functions';
import { reachRefs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { liveStatus } from '../composables/liveStatus';
import { useSessionStore } from './session';

export const useContactMethodsStore = defineStore('contactMethods', () => {
  const { uid } = storeToRefs(useSessionStore());
  const live = useLiveQuery(
    () => (uid.value ? reachRefs.contacts(uid.value) : null),
    () => uid.value ?? '',
  );
  /** Telegram first, then SMS, then voice (the order alerts go out by default); the oldest first within a kind. */
  const methods = computed(() =>
    [...live.items.value].sort(
      (a, b) =>
        kindOrder(a.kind) - kindOrder(b.kind) || (a.createdAt?.toMillis() ?? Number.MAX_SAFE_INTEGER) - (b.createdAt?.toMillis() ?? Number.MAX_SAFE_INTEGER),
    ),
  );

  function requireUid(): string {
    if (!uid.value) throw new Error('not signed in');
    return uid.value;
  }

  /** Whether this phone number is already a method of that kind (adding it twice would only send two codes). */
  const hasPhone = (kind: PhoneContactKind, address: string) => live.items.value.some((method) => method.kind === kind && method.address === address);

  /** Adds an unverified SMS or voice method on an E.164 number; returns its id, to send the code next. */
  async function addPhone(kind: PhoneContactKind, address: string): Promise<string> {
    const owner = requireUid();
    const id = doc(reachRefs.contacts(owner)).id;
    await setDoc(reachRefs.newContact(owner, id), contactCreate(kind, address, serverTimestamp()));
    return id;
  }

  async function remove(contactId: string): Promise<void> {
    await deleteDoc(reachRefs.contact(requireUid(), contactId));
  }

  async function sendCode(contactId: string): Promise<void> {
    await callables.sendContactCode({ contactId });
  }

  async function confirm(contactId: string, code: string): Promise<void> {
    await callables.confirmContact({ contactId, code });
  }

  /** The one-time t.me link whose /start makes this chat a verified method (15 minutes). */
  async function telegramLink(): Promise<string> {
    return (await callables.linkTelegram()).data.url;
  }

  async function test(contactId: string): Promise<void> {
    await callables.testContact({ contactId });
  }

  return { methods, status: liveStatus([live]), hasPhone, addPhone, remove, sendCode, confirm, telegramLink, test };
});

function kindOrder(kind: ContactKind): number {
  const order: readonly ContactKind[] = ['telegram', ...CONTACT_KINDS.filter((other) => other !== 'telegram')];
  return order.indexOf(kind);
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useContactMethodsStore, import.meta.hot));
