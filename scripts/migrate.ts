// `npm run migrate [-- --project <id>]`: brings data written by an earlier version in step with this one, as its
// triggers and People flows would have written it. Each step is idempotent (what is in step is not written), so it is
// safe to run after every deploy:
// - the public place of every active QR code (`qrCodes/{token}.place`), for codes issued before it was projected;
// - a roster entry (off duty) for every admin of every location, for admins made before admins were put on the roster
//   (a claim carries the roster entry's name, and the rules require one).
// Without --project (or with a demo- project) the running emulators; otherwise the real project (application default
// credentials).
import { parseArgs } from 'node:util';
import { connect } from './bootstrap';

const { values } = parseArgs({ options: { project: { type: 'string' } }, strict: true });
const project = connect(values.project ?? null);
// Imported once connected: the functions' Firestore takes the app initialised above.
const { refreshAllQrPlaces } = await import('../functions/src/qr/refreshQrPlace');
const { ensureAdminsOnRoster } = await import('../functions/src/people/adminRoster');
try {
  const places = await refreshAllQrPlaces();
  console.log('QR code places on %s: %d written, the rest already in step.', project, places);
  const admins = await ensureAdminsOnRoster();
  console.log('Admins on the roster on %s: %d added (off duty), the rest already there.', project, admins);
  process.exit(0);
} catch (error) {
  console.error(`Migrating ${project} failed:\n`, error);
  process.exit(1);
}
