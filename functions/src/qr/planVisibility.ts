// Who may read an uploaded plan (`public` on its document, firestore.rules): anyone, exactly while an active wall code's
// place shows it, so its visitors and the signed-out first paint of /q see it and nobody else outside the location does.
// A place and its plan's `public: true` are written in one transaction (refreshQrPlace), so a code never names a plan
// its readers may not read; the plan is made private again once the last code showing it stops (onQrCodeWritten).
import type { UploadedPlan } from '@sos/model';
import { db, planRefs, refs, type Transaction } from '../firestore';
import { logs } from '../logs';

const planRef = (plan: UploadedPlan) => planRefs.plan(plan.locationId, plan.planId);

/** Reads whether the plan is public, within a transaction: only the one field, not the image. */
async function readPublic(tx: Transaction, plan: UploadedPlan): Promise<boolean | null> {
  const [snapshot] = await tx.getAll(planRef(plan), { fieldMask: ['public'] });
  return snapshot?.exists ? snapshot.get('public') === true : null;
}

/**
 * The write that makes `plan` public, to run in the transaction that writes a place showing it (reads first, as a
 * transaction must). A code newly showing it writes even when it is public already: the write conflicts with a
 * concurrent `unpublishUnshownPlan` that has not seen this code, so one of them runs again and sees the other.
 */
export async function publishPlanIn(tx: Transaction, plan: UploadedPlan, newlyShown: boolean): Promise<() => void> {
  const isPublic = await readPublic(tx, plan);
  return () => {
    if (isPublic === null || (isPublic && !newlyShown)) return;
    tx.update(planRef(plan), { public: true });
    logs.planPublicChanged(plan.locationId, plan.planId, true);
  };
}

/** Makes `plan` private when no active code of its location shows it any more. Idempotent; true when it wrote. */
export async function unpublishUnshownPlan(plan: UploadedPlan): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    if ((await readPublic(tx, plan)) !== true) return false;
    const showing = await tx.get(
      refs.qrCodes().where('locationId', '==', plan.locationId).where('active', '==', true).where('place.plan.planId', '==', plan.planId).limit(1),
    );
    if (!showing.empty) return false;
    tx.update(planRef(plan), { public: false });
    logs.planPublicChanged(plan.locationId, plan.planId, false);
    return true;
  });
}
