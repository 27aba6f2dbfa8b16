import Stack, { type StackProps } from '@mui/material/Stack';

/**
 * A row of form fields or filters that wraps onto a second line when the page is narrow (a 1024
 * px office screen, English labels, 125 % zoom) instead of squeezing the fields until their text
 * cannot be read. The gap is a flex gap, so a wrapped line starts flush with the first.
 */
export function FieldRow({ sx, ...props }: Omit<StackProps, 'direction' | 'useFlexGap'>) {
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={[{ flexWrap: 'wrap' }, ...(Array.isArray(sx) ? sx : [sx])]}
      {...props}
    />
  );
}
