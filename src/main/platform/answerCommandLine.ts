import { app, dialog } from 'electron';
import { USAGE_EXIT_CODE, type CommandLine } from './commandLine';

const TITLE = '隔离点协调台 Isolation Site Desk';

/**
 * `--help` or a refused command line: say so and end before any window or data folder is opened.
 * A Windows program started from a shortcut or Explorer has no console, so there the text is shown
 * in a box as well.
 */
export function answerCommandLine(answer: Exclude<CommandLine, { kind: 'run' }>): void {
  const onWindows = process.platform === 'win32';
  if (answer.kind === 'help') {
    process.stdout.write(answer.text);
    if (!onWindows) return app.exit(0);
    void app.whenReady().then(() => {
      dialog.showMessageBoxSync({ type: 'info', title: TITLE, message: answer.text });
      app.exit(0);
    });
    return;
  }
  process.stderr.write(`${answer.message}\n`);
  // Safe before `ready`; elsewhere it would only print the message a second time.
  if (onWindows) dialog.showErrorBox(TITLE, answer.message);
  app.exit(USAGE_EXIT_CODE);
}
