// Imported first by every functions suite: points the Admin SDK (ours and functions/src's) at the emulators.
import { getApps, initializeApp } from 'firebase-admin/app';
import { useEmulators } from '../../scripts/seed';
import { EMULATOR_HOSTS, PROJECT_ID } from '../helpers/emulators';

// The emulated transport records deliveries and sends nothing; the task queue is the tasks emulator.
process.env.PUSH_TRANSPORT ??= 'emulated';
process.env.ALERT_TRANSPORT ??= 'emulated';
process.env.CLOUD_TASKS_EMULATOR_HOST ??= EMULATOR_HOSTS.tasks;
process.env.GCLOUD_PROJECT ??= PROJECT_ID;
// A service account id spares each task enqueue a (failing, noisy) metadata-server lookup.
if (getApps().length === 0) initializeApp({ projectId: PROJECT_ID, serviceAccountId: `tests@${PROJECT_ID}.iam.gserviceaccount.com` });
useEmulators();
