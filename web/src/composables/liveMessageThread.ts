// Messages between the requester and the location's staff and admins on one request (live, immutable).
import { toValue, type MaybeRefOrGetter } from 'vue';
import { collection, doc, orderBy, query, serverTimestamp, setDoc } from 'firebase/firestore';
import { overMessageRate, paths, validateMessageText, type MessageRole, type Role } from '@sos/model';
import { db } from '../firebase/app';
import { refs } from '../firebase/refs';
import { useLiveQuery } from './useLive';

/** Who writes: the signed-in person's uid and role. */
export interface MessageWriter {
  uid: string | null;
  role: Role | null;
}

/** Which side `writer` writes as on a request made by `requesterUid`. */
export function writerRole(writer: MessageWriter, requesterUid: string): MessageRole {
  if (writer.uid === requesterUid) return 'requester';
  return writer.role === 'admin' ? 'admin' : 'staff';
}

/** The thread of a request, oldest first, while the calling component lives; `send` writes as `writer`. */
export function liveMessageThread(requestId: MaybeRefOrGetter<string | null>, writer: MaybeRefOrGetter<MessageWriter>) {
  const thread = useLiveQuery(
    () => {
      const id = toValue(requestId);
      return id ? query(refs.messages(id), orderBy('at')) : null;
    },
    () => toValue(requestId) ?? '',
  );

  /** Whether `writer` has sent `MESSAGES_PER_MINUTE` messages on this request within the last minute (own pending ones included). */
  function overRate(nowMillis = Date.now()): boolean {
    const me = toValue(writer).uid;
    const mine = thread.items.value.filter((message) => message.uid === me).map((message) => message.at?.toMillis() ?? nowMillis);
    return overMessageRate(mine, nowMillis);
  }

  /** Sends a message (queued offline like any write); refuses empty or over-long text before the rules do. */
  async function send(requesterUid: string, text: string): Promise<void> {
    const id = toValue(requestId);
    const me = toValue(writer);
    if (!id) throw new Error('no request');
    if (!me.uid) throw new Error('not signed in');
    const problem = validateMessageText(text);
    if (problem) throw new Error(problem);
    const messageId = doc(collection(db, paths.messages(id))).id;
    await setDoc(refs.newMessage(id, messageId), { uid: me.uid, role: writerRole(me, requesterUid), text: text.trim(), at: serverTimestamp() });
  }

  return { ...thread, send, overRate };
}
