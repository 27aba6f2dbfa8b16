import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One card of the home screen: a titled box; `testId` names it for tests and the order check. */
export function TodayCard(props: {
  title: string;
  testId: string;
  tone?: 'alert' | undefined;
  children: ReactNode;
}) {
  return (
    <Card
      variant="outlined"
      data-testid={props.testId}
      sx={props.tone === 'alert' ? { borderColor: 'error.main', borderWidth: 2 } : undefined}
    >
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Typography
          variant="subtitle1"
          component="h2"
          sx={{ fontWeight: 600 }}
          color={props.tone === 'alert' ? 'error' : undefined}
        >
          {props.title}
        </Typography>
        {props.children}
      </CardContent>
    </Card>
  );
}

/** A figure that opens the screen behind it: its label, then the number large. */
export function Figure(props: {
  label: string;
  value: number | string;
  onOpen: () => void;
  tone?: 'alert' | undefined;
}) {
  return (
    <Button
      onClick={props.onOpen}
      color={props.tone === 'alert' ? 'error' : 'primary'}
      sx={{
        flexDirection: 'column',
        alignItems: 'flex-start',
        minWidth: 88,
        textTransform: 'none',
      }}
    >
      <Typography variant="caption" color="text.secondary" component="span">
        {props.label}
      </Typography>
      <Typography variant="h5" component="span" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
        {props.value}
      </Typography>
    </Button>
  );
}

/** A line of text that opens a screen (a person, a round, a shift). */
export function LinkLine(props: { children: ReactNode; onOpen: () => void; alert?: boolean }) {
  return (
    <Button
      onClick={props.onOpen}
      size="small"
      color={props.alert ? 'error' : 'inherit'}
      sx={{ justifyContent: 'flex-start', textAlign: 'left', textTransform: 'none', py: 0.25 }}
    >
      {props.children}
    </Button>
  );
}
