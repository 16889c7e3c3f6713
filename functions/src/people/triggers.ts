// Thin trigger on a person's profile: their membership documents follow its name and phone. Retried on failure:
// the sync is idempotent.
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import type { UserProfile } from '@sos/model';
import { reportingCosts } from '../costs';
import { REGION } from '../params';
import { contactChange, syncMemberContact } from './memberProfile';

export const onUserWritten = onDocumentWritten(
  { document: 'users/{uid}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    const before = event.data?.before.data() as UserProfile | undefined;
    const after = event.data?.after.data() as UserProfile | undefined;
    const contact = contactChange(before, after);
    if (contact && after) await syncMemberContact(event.params.uid, after.locationIds ?? [], contact);
  }),
);
