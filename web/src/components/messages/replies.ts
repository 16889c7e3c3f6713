// What a requester is told of the other side's messages: how many there are (the countdown screen brings a thread that
// has any up under the status) and which arrived while the screen was open (a badge, a spoken line, a short vibration).
import { nextTick, ref } from 'vue';
import type { MessageRole } from '@sos/model';

export interface ThreadMessage {
  id: string;
  uid: string;
  role: MessageRole;
  text: string;
}

/** What the thread tells its screen whenever the other side's messages change. */
export interface ReplyNews {
  /** How many messages of the other side the thread holds. */
  received: number;
  /** The line a screen reader says for the newest of those that just arrived; null when none did. */
  announcement: string | null;
}

/** The messages not written by the viewer: for a requester, what staff and admins wrote. */
export function repliesFor<M extends ThreadMessage>(viewerUid: string | null, messages: readonly M[]): M[] {
  return messages.filter((message) => message.uid !== viewerUid);
}

/**
 * Follows a thread's snapshots and picks out the other side's messages new to this screen: none until the server has
 * first confirmed the thread (what it shows then was there before the screen opened), afterwards those not seen yet.
 * Another thread (the screen moved on to another request) starts afresh.
 */
export function replyTracker() {
  let known = new Set<string>();
  let confirmedOnce = false;
  let following: string | null = null;
  return <M extends ThreadMessage>(threadId: string, viewerUid: string | null, messages: readonly M[], confirmed: boolean): M[] => {
    if (threadId !== following) {
      following = threadId;
      known = new Set();
      confirmedOnce = false;
    }
    const replies = repliesFor(viewerUid, messages);
    const arrived = confirmedOnce ? replies.filter((message) => !known.has(message.id)) : [];
    for (const message of replies) known.add(message.id);
    if (confirmed) confirmedOnce = true;
    return arrived;
  };
}

/**
 * A requester's screen hearing its thread (MessageThread's `replies`): how many replies it holds, and the line its
 * `aria-live` region says. The line is emptied first, so a reply worded as the one before («Иду») is said again.
 */
export function useReplyAnnouncement() {
  const received = ref(0);
  const announcement = ref('');
  function onReplies(news: ReplyNews): void {
    received.value = news.received;
    const line = news.announcement;
    if (line === null) return;
    announcement.value = '';
    void nextTick(() => (announcement.value = line));
  }
  return { received, announcement, onReplies };
}
