// The transport chosen by configuration (config.push.transport), in one place.
import { config, type PushTransportName } from '../config';
import { emulatedTransport } from './emulatedTransport';
import { fcmTransport } from './fcmTransport';
import type { PushTransport } from './transport';

const transports: Record<PushTransportName, PushTransport> = { emulated: emulatedTransport, fcm: fcmTransport };

export const pushTransport: PushTransport = transports[config.push.transport];
export type { PushMessage, PushOutcome, PushTransport } from './transport';
