// Messages between the requester and the location's staff and admins on one request (live, immutable).
import { defineStore } from 'pinia';
import { toValue, type MaybeRefOrGetter } from 'vue';
import { collection, doc, orderBy, query, serverTimestamp, setDoc } from 'firebase/firestore';
import { paths, validateMessageText, type MessageRole } from '@sos/model';
import { db } from '../firebase/app';
import { refs } from '../firebase/refs';
import { useLiveQuery } from '../composables/useLive';
import { useSessionStore } from './session';

export const useMessagesStore = defineStore('messages', () => {
  const session = useSessionStore();

  /** The thread of a request, oldest first; the listener lives as long as the calling component. */
  function liveThread(requestId: MaybeRefOrGetter<string | null>) {
    return useLiveQuery(
      () => {
        const id = toValue(requestId);
        return id ? query(refs.messages(id), orderBy('at')) : null;
      },
      () => toValue(requestId) ?? '',
    );
  }

  /** Which side the signed-in user writes as on a request made by `requesterUid`. */
  function myRole(requesterUid: string): MessageRole {
    if (session.uid === requesterUid) return 'requester';
    return session.role === 'admin' ? 'admin' : 'staff';
  }

  /** Sends a message (queued offline like any write); refuses empty or over-long text before the rules do. */
  async function send(requestId: string, requesterUid: string, text: string): Promise<void> {
    const uid = session.uid;
    if (!uid) throw new Error('not signed in');
    const problem = validateMessageText(text);
    if (problem) throw new Error(problem);
    const messageId = doc(collection(db, paths.messages(requestId))).id;
    await setDoc(refs.newMessage(requestId, messageId), { uid, role: myRole(requesterUid), text: text.trim(), at: serverTimestamp() });
  }

  return { liveThread, myRole, send };
});
