import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { queryClient } from '@renderer/api/queryClient';
import '@renderer/i18n';

// Each test starts with an empty screen and an empty cache (the app's one QueryClient).
afterEach(() => {
  cleanup();
  queryClient.clear();
});
