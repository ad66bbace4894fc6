/**
 * The widget's "remote config", `<widget base>/widget-config.json`: the real widget takes every
 * server address from it at boot (it ignores `tiledeskSettings.apiUrl`), so the emulator answers
 * it itself, pointing at its own API and chat broker.
 *
 * @example
 * ```ts
 * const config: WidgetRemoteConfig = widgetRemoteConfig('http://127.0.0.1:4400');
 * config.chat21Config.MQTTendpoint; // 'ws://127.0.0.1:4400/ws'
 * ```
 */
export interface WidgetRemoteConfig {
  /** The Tiledesk API base, with its trailing slash. */
  readonly apiUrl: string;
  readonly chat21Config: {
    readonly appId: string;
    /** MQTT 3.1.1 over WebSocket. */
    readonly MQTTendpoint: string;
    /** The chat API (conversation lists). */
    readonly APIendpoint: string;
  };
  /**
   * Read even with the MQTT engine: the widget takes its tenant (the chat app id) from here and
   * fails to start without it. Nothing else of Firebase is used.
   */
  readonly firebaseConfig: { readonly tenant: string };
  readonly remoteTranslationsUrl: string;
  readonly baseImageUrl: string;
  readonly chatEngine: 'mqtt';
  readonly uploadEngine: 'native';
  readonly pushEngine: 'none';
  readonly logLevel: string;
  readonly dashboardUrl: string;
  readonly authPersistence: 'LOCAL';
  readonly enbedJs: 'true';
  readonly brandSrc: string;
  readonly voiceProxyWsBaseUrl: string;
  readonly voiceProxyApiBaseUrl: string;
}

/** The chat application id of every Tiledesk install (the MQTT topics start with `apps/tilechat/`). */
export const CHAT_APP_ID = 'tilechat';

/** Where the emulator's MQTT-over-WebSocket broker listens, on the emulator's own port. */
export const CHAT_SOCKET_PATH = '/ws';

/**
 * The remote config that points the widget at the emulator listening on `baseUrl`.
 *
 * @example
 * ```ts
 * sendJson(req, res, 200, widgetRemoteConfig(emulator.url));
 * ```
 */
export function widgetRemoteConfig(baseUrl: string): WidgetRemoteConfig {
  const apiUrl = `${baseUrl}/api/`;
  return {
    apiUrl,
    chat21Config: {
      appId: CHAT_APP_ID,
      MQTTendpoint: `${baseUrl.replace(/^http/, 'ws')}${CHAT_SOCKET_PATH}`,
      APIendpoint: `${apiUrl}chatapi/api`,
    },
    firebaseConfig: { tenant: CHAT_APP_ID },
    remoteTranslationsUrl: apiUrl,
    baseImageUrl: apiUrl,
    chatEngine: 'mqtt',
    uploadEngine: 'native',
    pushEngine: 'none',
    logLevel: 'info',
    dashboardUrl: '/dashboard/',
    authPersistence: 'LOCAL',
    enbedJs: 'true',
    brandSrc: '',
    voiceProxyWsBaseUrl: '',
    voiceProxyApiBaseUrl: '',
  };
}
