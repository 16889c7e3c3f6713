// The channel transport chosen by configuration (config.reach.transport), in one place.
import { config } from '../../config';
import { emulatedChannelTransport } from './emulatedTransport';
import type { ChannelTransport } from './channels';

/** Live transports (Telegram Bot API, Twilio) are added beside the emulated one; until then `live` is refused at start. */
const transports: Partial<Record<typeof config.reach.transport, ChannelTransport>> = { emulated: emulatedChannelTransport };

export function channelTransport(): ChannelTransport {
  const transport = transports[config.reach.transport];
  if (!transport) throw new Error(`config/alert-transport: no ${config.reach.transport} channel transport`);
  return transport;
}
export type { ChannelMessage, ChannelSendResult, ChannelTransport, ContactChannel } from './channels';
