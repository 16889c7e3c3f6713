// The admin's plan images of the chosen location: upload or replace one on an object, or remove it. Each is one batch
// with the object's `plan` (firestore.rules refuse the image without it), so a refused write changes nothing.
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { Bytes, FirestoreError, serverTimestamp, writeBatch, type WriteBatch } from 'firebase/firestore';
import { isUploadedPlan, uploadedPlanOf, type PlanImage } from '@sos/model';
import { db } from '../firebase/app';
import { planRefs, refs } from '../firebase/refs';
import type { PreparedPlan } from '../components/plan/preparePlanFile';
import { useServedLocationsStore } from './servedLocations';

/** How a plan write ended: `denied` when the rules refused it (nothing was written); other failures throw. */
export type PlanWriteOutcome = 'done' | 'denied';

async function commit(batch: WriteBatch): Promise<PlanWriteOutcome> {
  try {
    await batch.commit();
    return 'done';
  } catch (error) {
    if (error instanceof FirestoreError && error.code === 'permission-denied') return 'denied';
    throw error;
  }
}

export const useLocationPlansStore = defineStore('locationPlans', () => {
  const { locationId } = storeToRefs(useServedLocationsStore());

  function requireLocation(): string {
    if (!locationId.value) throw new Error('no location to administer');
    return locationId.value;
  }

  /**
   * The object's plan becomes this image. A replacement keeps the document (merged: `public`, which functions keep,
   * stays) and the id, so every code and request showing the plan shows the new image; the rooms placed on it keep
   * their places, which are fractions of the plan.
   */
  async function savePlan(objectId: string, plan: PreparedPlan): Promise<PlanWriteOutcome> {
    const id = requireLocation();
    const batch = writeBatch(db);
    batch.set(
      planRefs.plan(id, objectId),
      { contentType: plan.contentType, data: Bytes.fromUint8Array(plan.bytes), width: plan.width, height: plan.height, updatedAt: serverTimestamp() },
      { merge: true },
    );
    batch.update(refs.object(id, objectId), { plan: uploadedPlanOf(id, objectId, plan) });
    return commit(batch);
  }

  /** The object has no plan any more; an uploaded image goes with it (a shipped file stays with the app). */
  async function removePlan(objectId: string, current: PlanImage): Promise<PlanWriteOutcome> {
    const id = requireLocation();
    const batch = writeBatch(db);
    batch.update(refs.object(id, objectId), { plan: null });
    if (isUploadedPlan(current)) batch.delete(planRefs.plan(id, objectId));
    return commit(batch);
  }

  return { savePlan, removePlan };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useLocationPlansStore, import.meta.hot));
