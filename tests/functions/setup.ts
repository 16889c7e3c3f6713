// Imported first by every functions suite: points the Admin SDK (ours and functions/src's) at the emulators.
import { useEmulators } from '../../scripts/seed';
import { PROJECT_ID } from '../helpers/emulators';

// The emulated transport records deliveries and sends nothing; the task queue is the tasks emulator.
process.env.PUSH_TRANSPORT ??= 'emulated';
process.env.CLOUD_TASKS_EMULATOR_HOST ??= '127.0.0.1:9499';
process.env.GCLOUD_PROJECT ??= PROJECT_ID;
useEmulators();
