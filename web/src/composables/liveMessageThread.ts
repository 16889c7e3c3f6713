// Messages between the requester and the location's staff and admins on one request (live, immutable).
import { toValue, type MaybeRefOrGetter } from 'vue';
import { collection, doc, getDocFromCache, increment, orderBy, query, serverTimestamp, writeBatch } from 'firebase/firestore';
import { messageRateWrite, overMessageRate, paths, validateMessageText, type MessageRole, type Role } from '@sos/model';
import { db } from '../firebase/app';
import { refs } from '../firebase/refs';
import { useLiveDocument, useLiveQuery } from './useLive';

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

  // The writer's rate document, listened to so the device's copy is current when the next message is counted.
  useLiveDocument(() => {
    const id = toValue(requestId);
    const me = toValue(writer).uid;
    return id && me ? refs.messageRate(id, me) : null;
  });

  /** The previous send, up to its batch being queued: each send counts on from the one before it. */
  let queued: Promise<unknown> = Promise.resolve();

  /**
   * Sends a message (queued offline like any write) with the bump of the writer's rate document in the same batch, as
   * the rules require; refuses empty or over-long text before the rules do.
   */
  async function send(requesterUid: string, text: string): Promise<void> {
    const id = toValue(requestId);
    const me = toValue(writer);
    if (!id) throw new Error('no request');
    if (!me.uid) throw new Error('not signed in');
    const uid = me.uid;
    const problem = validateMessageText(text);
    if (problem) throw new Error(problem);
    const turn = queued.then(async () => {
      // The device's copy holds this writer's queued bumps too; none cached yet reads as no window.
      const rate = await getDocFromCache(refs.messageRate(id, uid)).then(
        (snapshot) => snapshot.data() ?? null,
        () => null,
      );
      const messageId = doc(collection(db, paths.messages(id))).id;
      const bump = messageRateWrite(rate, messageId, serverTimestamp(), increment(1));
      const batch = writeBatch(db);
      batch.set(refs.newMessage(id, messageId), { uid, role: writerRole(me, requesterUid), text: text.trim(), at: serverTimestamp() });
      if (bump.op === 'set') batch.set(refs.newMessageRate(id, uid), bump.data);
      else batch.update(refs.messageRate(id, uid), bump.data);
      return { committed: batch.commit() };
    });
    queued = turn.catch(() => undefined);
    const { committed } = await turn;
    await committed;
  }

  return { ...thread, send, overRate };
}
