import type { ConsoleError } from './page-watch';

/**
 * Where the page loads the real Tiledesk widget from, to tell its console lines from the page's.
 *
 * @example
 * ```ts
 * const addresses: RealWidgetAddresses = {
 *   widgetBase: 'http://127.0.0.1:4500/p/65f0c0ffee0123456789abcd/v6/',
 *   apiUrl: 'http://127.0.0.1:4500/api/',
 *   projectId: '65f0c0ffee0123456789abcd',
 * };
 * ```
 */
export interface RealWidgetAddresses {
  /** The folder of the widget's `launch.js` (where its `main.js` and chunks come from), with a trailing slash. */
  readonly widgetBase: string;
  /** The API base the widget was configured with (its `widget-config.json`), with a trailing slash. */
  readonly apiUrl: string;
  readonly projectId: string;
}

/**
 * One kind of console line the real widget prints on its own, named so that a report can say
 * which were seen.
 *
 * @example
 * ```ts
 * const tolerated = noise.some((known) => known.matches(line));
 * ```
 */
export interface KnownNoise {
  readonly name: string;
  matches(line: ConsoleError): boolean;
}

/** Chromium's line for a request that failed at the network level (refused, blocked, no DNS). */
// `.Inspector` marks a request the test's own blocking of off-machine requests stopped.
const NETWORK_FAILURE = /^Failed to load resource: net::ERR_[A-Z_]+(\.Inspector)?$/;
const NOT_FOUND = 'Failed to load resource: the server responded with a status of 404 (Not Found)';
/**
 * The widget's own log line when the API's project answer carries no visitor IP address (the
 * widget splits one it expects there). Printed through its logger: a `%c` style, a timestamp,
 * then the message.
 */
const IP_ADDRESS_ERROR =
  /^%c\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ERROR color:red \[GLOBAL-SET\] setVariablesFromService > ipAddress > Error : TypeError: Cannot read properties of undefined \(reading 'split'\)/;
/**
 * Fonts and images the production build links to on Tiledesk's and Google's servers. A test
 * machine reaches neither (and the e2e contexts block every request that would leave it).
 */
const THIRD_PARTY_ASSETS: readonly string[] = [
  'https://fonts.googleapis.com/css',
  'https://widget.tiledesk.com/v2/assets/images/',
  'https://support-pre.tiledesk.com/dashboard/assets/',
];

/**
 * The console lines the real Tiledesk widget prints on a normal load, each recognised by its
 * exact text AND where it comes from (the widget's own scripts, the API it was given, or the
 * third-party assets its build links to): the failing third-party font and logo requests, the
 * 404 of the agent avatar, the 404 of `/labels/EN` if the API does not answer it, and its
 * `[GLOBAL-SET] setVariablesFromService > ipAddress > TypeError` log. The same text from the
 * page's own scripts, or a failed request of the page's own, matches none of them.
 *
 * @example
 * ```ts
 * const noise = realWidgetNoise(addresses);
 * const isWidgetNoise = noise.some((known) => known.matches({ text, url }));
 * ```
 */
export function realWidgetNoise({ widgetBase, apiUrl, projectId }: RealWidgetAddresses): readonly KnownNoise[] {
  return [
    {
      name: 'third-party font or logo the build links to',
      matches: (line) => NETWORK_FAILURE.test(line.text) && THIRD_PARTY_ASSETS.some((prefix) => line.url.startsWith(prefix)),
    },
    {
      name: 'agent avatar the API has no file for',
      matches: (line) => line.text === NOT_FOUND && line.url.startsWith(`${apiUrl}files?path=`),
    },
    {
      name: 'translation labels the API does not serve',
      matches: (line) => line.text === NOT_FOUND && line.url === `${apiUrl}${projectId}/labels/EN`,
    },
    {
      name: "the widget's own ipAddress log line",
      matches: (line) => IP_ADDRESS_ERROR.test(line.text) && line.url.startsWith(widgetBase),
    },
  ];
}
