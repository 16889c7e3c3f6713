// The admin's side of locations: the object tree and QR codes of the locations they serve, and the
// writes that change them (straight to Firestore through typed refs; firestore.rules validate each).
import { acceptHMRUpdate, defineStore, storeToRefs } from 'pinia';
import { computed } from 'vue';
import { doc, query, setDoc, updateDoc, where, writeBatch } from 'firebase/firestore';
import {
  newQrToken,
  objectTreeRows,
  objectPathLabel,
  type AlertStep,
  type CreateLocationRequest,
  type Location,
  type LocationObject,
  type LocationSettings,
  type PlanPoint,
} from '@sos/model';
import { db } from '../firebase/app';
import { refs } from '../firebase/refs';
import { callables } from '../firebase/functions';
import { useLiveQuery } from '../composables/useLive';
import { liveStatus } from '../composables/liveStatus';
import { useServedLocationsStore } from './servedLocations';
import { useSessionStore } from './session';

export type ObjectDraft = Pick<LocationObject, 'name' | 'kind' | 'parentId' | 'selectable'>;
/** What a requester is offered at the location: the kinds of help in order, and the emergency services number. */
export type RequestSettings = Required<Pick<Location, 'kinds' | 'emergencyNumber'>>;
export type ObjectChanges = Partial<Pick<LocationObject, 'name' | 'kind' | 'parentId' | 'selectable' | 'position'>>;

export const useLocationAdminStore = defineStore('locationAdmin', () => {
  // The location being administered is the one chosen in the served-locations store.
  const { ids: locationIds, locationId, location } = storeToRefs(useServedLocationsStore());
  const objectsLive = useLiveQuery(
    () => (locationId.value ? refs.objects(locationId.value) : null),
    () => locationId.value ?? '',
  );
  const codesLive = useLiveQuery(
    () => (locationId.value ? query(refs.qrCodes(), where('locationId', '==', locationId.value)) : null),
    () => locationId.value ?? '',
  );

  const objects = objectsLive.items;
  const objectsById = computed(() => new Map(objects.value.map((object) => [object.id, object])));
  const rows = computed(() => objectTreeRows(objects.value));
  const activeTokens = computed(() => new Set(codesLive.items.value.filter((code) => code.active).map((code) => code.id)));
  const pathLabel = (objectId: string) => objectPathLabel(objectsById.value, objectId);
  /** The object's code, when it has one that still works. */
  const activeToken = (objectId: string) => {
    const token = objectsById.value.get(objectId)?.qrToken;
    return token && activeTokens.value.has(token) ? token : null;
  };

  function requireLocation(): string {
    if (!locationId.value) throw new Error('no location to administer');
    return locationId.value;
  }

  async function addObject(draft: ObjectDraft): Promise<string> {
    const reference = doc(refs.objects(requireLocation()));
    await setDoc(reference, { ...draft, plan: null, position: null, qrToken: null });
    return reference.id;
  }

  async function updateObject(objectId: string, changes: ObjectChanges): Promise<void> {
    // A moved object's old position was on its old parent's plan: it has to be placed again.
    const moved = 'parentId' in changes && changes.parentId !== objectsById.value.get(objectId)?.parentId;
    await updateDoc(refs.object(requireLocation(), objectId), moved ? { ...changes, position: null } : changes);
  }

  async function placeObject(objectId: string, position: PlanPoint): Promise<void> {
    await updateDoc(refs.object(requireLocation(), objectId), { position });
  }

  /** Revokes the object's current code (if any) and issues a new one, in one batch. */
  async function issueCode(objectId: string): Promise<string> {
    const id = requireLocation();
    const token = newQrToken((bytes) => crypto.getRandomValues(bytes));
    const batch = writeBatch(db);
    const previous = objectsById.value.get(objectId)?.qrToken;
    if (previous) batch.update(refs.qrCode(previous), { active: false });
    batch.set(refs.qrCode(token), { locationId: id, objectId, active: true });
    batch.update(refs.object(id, objectId), { qrToken: token });
    await batch.commit();
    return token;
  }

  async function revokeCode(objectId: string): Promise<void> {
    const id = requireLocation();
    const token = objectsById.value.get(objectId)?.qrToken;
    const batch = writeBatch(db);
    if (token) batch.update(refs.qrCode(token), { active: false });
    batch.update(refs.object(id, objectId), { qrToken: null });
    await batch.commit();
  }

  /** The location's alert steps, whole (firestore.rules check the channels, the delays and the count). */
  async function saveAlertSteps(alertSteps: AlertStep[]): Promise<void> {
    await updateDoc(refs.location(requireLocation()), { alertSteps });
  }

  /** Both fields at once (firestore.rules allow the location's admins exactly these, and check each). */
  async function saveRequestSettings({ kinds, emergencyNumber }: RequestSettings): Promise<void> {
    await updateDoc(refs.location(requireLocation()), { kinds, emergencyNumber });
  }

  /** The settings form in one update (firestore.rules check each field as validateLocationSettings does). */
  async function saveSettings({ name, staffPhone, responseMinutes, ackSeconds, timezone }: LocationSettings): Promise<void> {
    await updateDoc(refs.location(requireLocation()), { name, staffPhone, responseMinutes, ackSeconds, timezone });
  }

  /**
   * Adds a building (the createLocation callable makes its caller its admin), then takes the new claims at once and
   * chooses the new building, so every admin screen lists it. Returns its id.
   */
  async function createLocation(request: CreateLocationRequest): Promise<string> {
    const { locationId: created } = (await callables.createLocation(request)).data;
    await useSessionStore().refreshClaims();
    locationId.value = created;
    return created;
  }

  return {
    locationIds,
    locationId,
    location,
    objects,
    objectsLoaded: objectsLive.loaded,
    objectsError: objectsLive.error,
    codesError: codesLive.error,
    /** The object tree and its codes, as the locations and QR screens wait for them. */
    status: liveStatus([objectsLive, codesLive]),
    objectsById,
    rows,
    pathLabel,
    activeToken,
    addObject,
    updateObject,
    placeObject,
    issueCode,
    revokeCode,
    saveAlertSteps,
    saveRequestSettings,
    saveSettings,
    createLocation,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useLocationAdminStore, import.meta.hot));
