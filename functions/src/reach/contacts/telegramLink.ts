// `/start <code>`: the one-time link from linkTelegram() creates the person's verified Telegram method.
import { isTelegramLinkCode, telegramContactId } from '@sos/model';
import { FieldValue, Timestamp, db, reachRefs } from '../../firestore';
import { contactLogs } from '../../logs';
import { decideStart, hashLinkCode, type StartOutcome } from './decisions';

/** Uses the link, once, and writes `{kind: 'telegram', address: chatId, verified: true}` for its person. */
export async function linkTelegramChat(code: string, chatId: string): Promise<StartOutcome> {
  if (!isTelegramLinkCode(code)) return 'unknown';
  const linkRef = reachRefs.telegramLink(hashLinkCode(code));
  const outcome = await db.runTransaction(async (tx) => {
    const link = (await tx.get(linkRef)).data();
    const decision = decideStart(link && { usedAt: link.usedAt?.toMillis() ?? null, expiresAt: link.expiresAt.toMillis() }, Date.now());
    if (decision !== 'linked' || !link) return { decision, uid: null };
    const contactId = telegramContactId(chatId);
    const existing = (await tx.get(reachRefs.contact(link.uid, contactId))).data();
    // Linking the same chat again keeps one method, with its first creation time.
    tx.set(reachRefs.contactWrite(link.uid, contactId), {
      kind: 'telegram',
      address: chatId,
      verified: true,
      verifiedAt: FieldValue.serverTimestamp(),
      createdAt: existing?.createdAt ?? FieldValue.serverTimestamp(),
    });
    tx.update(linkRef, { usedAt: Timestamp.now() });
    return { decision, uid: link.uid };
  });
  if (outcome.uid) contactLogs.telegramLinked(outcome.uid, telegramContactId(chatId));
  else contactLogs.telegramStartRefused(outcome.decision);
  return outcome.decision;
}
