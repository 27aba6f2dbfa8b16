import Box from '@mui/material/Box';
import { fingerprintGroups } from '@shared/host';

/** The SHA-256 fingerprint in groups of four bytes, to be compared piece by piece. */
export function Fingerprint({ value }: { value: string }) {
  return (
    <Box
      data-testid="host-fingerprint"
      aria-label={value}
      sx={{ fontFamily: 'monospace', fontSize: 15, display: 'flex', flexWrap: 'wrap', gap: 1.5 }}
    >
      {fingerprintGroups(value).map((group, i) => (
        <span key={i}>{group}</span>
      ))}
    </Box>
  );
}
