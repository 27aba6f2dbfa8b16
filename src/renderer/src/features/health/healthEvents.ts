/** Fired after a reading, re-check or transfer, so the fever alert and lists refresh at once. */
export const HEALTH_CHANGED_EVENT = 'isd:health-changed';

export const announceHealthChange = (): void => {
  window.dispatchEvent(new Event(HEALTH_CHANGED_EVENT));
};
