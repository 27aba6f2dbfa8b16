/** The single IPC channel the preload's invoke uses. */
export const IPC_CHANNEL = 'isd:invoke';
