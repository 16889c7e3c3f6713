// The export callable (made by ../../callables.ts: App Check, a signed-in person, then operations.ts).
import { personCallables } from '../../callables';
import { reportLogs } from '../logs';
import { JournalExportRefused } from './decisions';
import * as operations from './operations';

const callable = personCallables({ Refused: JournalExportRefused, logRefused: reportLogs.exportRefused });

export const createJournalExport = callable('createJournalExport', (uid, request) => operations.createJournalExport(uid, request.data));
