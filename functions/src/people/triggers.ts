// Thin trigger on a person's profile: their membership documents follow its name, phone and locale, and the dispatch
// documents that list them follow its locale. Retried on failure: both are idempotent.
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import type { UserProfile, UserPeopleFields } from '@sos/model';
import { reportingCosts } from '../costs';
import { REGION } from '../params';
import { localeChanged } from '../dispatch/dispatchDoc';
import { rebuildDispatchesListing } from '../dispatch/rebuildDispatch';
import { contactChange, syncMemberContact } from './memberProfile';

type Profile = UserProfile & UserPeopleFields;

export const onUserWritten = onDocumentWritten(
  { document: 'users/{uid}', region: REGION, retry: true },
  reportingCosts(async (event) => {
    const before = event.data?.before.data() as Profile | undefined;
    const after = event.data?.after.data() as Profile | undefined;
    const contact = contactChange(before, after);
    await Promise.all([
      contact && after ? syncMemberContact(event.params.uid, after.locationIds ?? [], contact) : null,
      localeChanged(before, after) ? rebuildDispatchesListing(event.params.uid) : null,
    ]);
  }),
);
