// Configuration, read once at cold start.
export const config = {
  /** The emulators run with FUNCTIONS_EMULATOR=true. */
  emulated: process.env.FUNCTIONS_EMULATOR === 'true',
};
