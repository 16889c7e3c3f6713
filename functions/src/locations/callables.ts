// The locations callable (made by ../callables.ts: a signed-in person, then operations.ts).
import { personCallables } from '../callables';
import { locationLogs } from '../logs';
import { LocationRefused } from './decisions';
import * as operations from './operations';

const callable = personCallables({ Refused: LocationRefused, logRefused: locationLogs.locationRefused });

export const createLocation = callable('createLocation', (uid, request) => operations.createLocation(uid, request.data));
