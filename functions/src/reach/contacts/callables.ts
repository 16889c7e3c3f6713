// The contact callables (made by ../../callables.ts: a signed-in person, then operations.ts).
import { personCallables } from '../../callables';
import { REACH_SECRETS, TELEGRAM_BOT_NAME } from '../../params';
import { contactLogs } from '../../logs';
import { ContactRefused } from './decisions';
import * as operations from './operations';

// The live transports read the provider secrets, so every contact callable declares them.
const callable = personCallables({ Refused: ContactRefused, logRefused: contactLogs.contactRefused, secrets: REACH_SECRETS });

export const sendContactCode = callable('sendContactCode', (uid, request) => operations.sendContactCode(uid, request.data));
export const confirmContact = callable('confirmContact', (uid, request) => operations.confirmContact(uid, request.data));
export const testContact = callable('testContact', (uid, request) => operations.testContact(uid, request.data));
export const linkTelegram = callable('linkTelegram', (uid) => operations.linkTelegram(uid, TELEGRAM_BOT_NAME.value()));
