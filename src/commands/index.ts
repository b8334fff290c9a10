import type { Command } from './command.js';

/** Every command, in the order --help lists them. Add a command by adding its module here. */
export async function loadCommands(): Promise<readonly Command[]> {
  const modules = await Promise.all([
    // one line per command
    import('./inspect.js').then((m) => m.inspectCommand),
    import('./diff.js').then((m) => m.diffCommand),
    import('./watch.js').then((m) => m.watchCommand),
    import('./demo.js').then((m) => m.demoCommand),
    import('./simulate.js').then((m) => m.simulateCommand),
    import('./lint.js').then((m) => m.lintCommand),
    import('./report.js').then((m) => m.reportCommand),
  ]);
  return modules;
}
