/**
 * A change to a PowerMTA config, independent of any config file: what recommendations turn into and
 * what the diff exporter applies to the user's own config.
 */
export type ConfigChange =
  | {
      readonly kind: 'set';
      /** Directive name, e.g. `max-msg-rate`. */
      readonly directive: string;
      /** `<domain NAME>` the setting belongs under (`*` for all). */
      readonly domain: string;
      /** `<virtual-mta NAME>` to scope the change to, or null for the global domain block. */
      readonly virtualMta: string | null;
      /** The value in PowerMTA syntax, e.g. `350/h`. */
      readonly value: string;
      /** Optional reason and evidence, written as a comment when annotating. */
      readonly comment?: string;
    }
  | {
      readonly kind: 'pattern-reply';
      /** `<smtp-pattern-list NAME>` to add to; when the config has none attached, one is created. */
      readonly list: string | null;
      /** The regex body without slashes, already escaped for PowerMTA. */
      readonly regex: string;
      /** Action list, e.g. `mode=backoff` or `mode=backoff,disable-source-ip,reenable-after=2h`. */
      readonly actions: string;
      readonly comment?: string;
    };
