import type { Command } from './command.js';

/** Every command, in the order --help lists them. Add a command by adding its module here. */
export async function loadCommands(): Promise<readonly Command[]> {
  const modules = await Promise.all([
    // one line per command
    import('./report.js').then((m) => m.reportCommand),
    import('./watch.js').then((m) => m.watchCommand),
    import('./diff.js').then((m) => m.diffCommand),
    import('./lint.js').then((m) => m.lintCommand),
    import('./inspect.js').then((m) => m.inspectCommand),
    import('./simulate.js').then((m) => m.simulateCommand),
    import('./demo.js').then((m) => m.demoCommand),
  ]);
  return modules;
}
