/** The single IPC channel the preload's invoke uses. */
export const IPC_CHANNEL = 'isd:invoke';

/** Main → page: a menu command (`DeskCommand`) for the page to carry out. */
export const COMMAND_CHANNEL = 'isd:command';
