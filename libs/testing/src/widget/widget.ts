import { post } from './api-client';
import { ChatConnection } from './chat-connection';
import type { WidgetEnvironment } from './host-window';
import { keyValue, storeAttribute } from './parameters';
import { requestAnonymousSignIn, requestChatToken, requestCustomTokenSignIn, type SignInResult } from './sign-in-requests';
import { widgetRealm, type WidgetRealm } from './realm';
import { createStub, drainBeforeInit, drainLoadParams } from './stub-queue';
import { WidgetStorage } from './widget-storage';
import { createWidgetUi, type WidgetUi } from './widget-ui';

type Listener = (event: Event) => void;

/**
 * `signed-out`; `signing-in` (first API call under way); `half` (the API accepted the token but
 * the chat link never came up); `online`.
 */
type AuthPhase = 'signed-out' | 'signing-in' | 'half' | 'online';

const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  autoStart: false,
  startHidden: false,
  isLogEnabled: false,
  lang: 'en',
  align: 'right',
  marginX: '20px',
  marginY: '20px',
};

/**
 * One emulated widget instance: `window.tiledesk`, its `<chat-root>`, its container and its auth
 * state. `reInit()` throws it away and boots a new one.
 *
 * @example
 * ```ts
 * Widget.boot(environment); // after the boot gate opened
 * ```
 */
export class Widget {
  /** What the page sees as `window.tiledesk`. */
  readonly api: Record<string, unknown>;
  private readonly root: HTMLElement;
  private readonly ui: WidgetUi;
  private readonly realm: WidgetRealm;
  private readonly storage: WidgetStorage;
  private readonly global: Record<string, unknown>;
  private readonly defaultSettings: Record<string, unknown>;
  private readonly apiUrl: string;
  private phase: AuthPhase = 'signed-out';
  private userId: string | undefined;
  private chat: ChatConnection | undefined;
  private attempt = 0;
  private isOpen = false;
  private disposed = false;

  /** Boots an instance on the page and runs the startup sequence. Returns undefined without `projectid`. */
  static boot(env: WidgetEnvironment): Widget | undefined {
    const settings = env.win.tiledeskSettings;
    const projectId = settings?.['projectid'];
    if (typeof projectId !== 'string' || projectId === '') {
      env.win.console.error('Tiledesk widget emulator: window.tiledeskSettings.projectid is required; the widget did not start.');
      return undefined;
    }
    const widget = new Widget(env, settings ?? {}, projectId);
    widget.start();
    return widget;
  }

  private constructor(
    private readonly env: WidgetEnvironment,
    settings: Record<string, unknown>,
    private readonly projectId: string,
  ) {
    const { win } = env;
    this.defaultSettings = { ...DEFAULT_SETTINGS };
    // `global` is the live settings object the real widget hands out; it holds the host window.
    this.global = { ...DEFAULT_SETTINGS, ...settings, projectid: projectId, windowContext: win };
    delete this.global['persistence'];
    const apiUrl = typeof settings['apiUrl'] === 'string' && settings['apiUrl'] !== '' ? settings['apiUrl'] : `${new URL(env.scriptBase).origin}/api/`;
    this.apiUrl = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
    this.storage = new WidgetStorage(win, env.storagePrefix, projectId);

    this.root = win.document.createElement('chat-root');
    win.document.body.appendChild(this.root);
    this.ui = createWidgetUi(win.document, () => this.open());
    this.realm = widgetRealm(this.ui.realm);
    if (this.global['startHidden'] === true) this.ui.container.style.display = 'none';

    this.api = this.buildApi();
    win.tiledesk = this.api;
  }

  private buildApi(): Record<string, unknown> {
    const api: Record<string, unknown> = {
      tiledeskroot: this.root,
      on: (name: unknown, listener: unknown) => {
        if (typeof name !== 'string' || typeof listener !== 'function') {
          throw new TypeError('tiledesk.on(name, listener) needs an event name and a function');
        }
        this.on(name, listener as Listener);
      },
      signInWithCustomToken: (token: unknown) => this.signInWithCustomToken(token),
      signInAnonymous: () => this.signInAnonymous(),
      logout: () => this.logout(),
      show: () => this.setVisible(true),
      hide: () => this.setVisible(false),
      open: () => this.open(),
      close: () => this.close(),
      dispose: () => this.dispose(),
      reInit: () => this.reInit(),
      restart: () => this.reInit(),
      clearStorage: () => this.storage.clear(),
      setParameter: (arg: unknown) => this.setParameter(arg),
      setAttributeParameter: (arg: unknown) => this.setAttributeParameter(arg),
      sendMessage: (text: unknown) => this.sendMessage(text),
      startConversation: () => this.emit('onNewConversation', { newConvId: `support-group-${this.projectId}-${Date.now().toString(36)}` }),
      openConversationById: (id: unknown) => this.emit('onConversationUpdated', { conversation: { uid: id } }),
      setPreChatForm: (arg: unknown) => this.setParameter({ key: 'preChatForm', value: arg }),
      showCallout: () => this.emit('onOpenEyeCatcher', {}),
    };
    return api;
  }

  private start(): void {
    const win = this.env.win;
    // Both drains run as the events are handled, like the real launcher's own listeners: a queued
    // listener of the event being handled misses that dispatch (drain 1 calls it once by hand).
    const loadParams = this.realm.event('onLoadParams', { default_settings: this.defaultSettings });
    this.root.dispatchEvent(loadParams);
    if (!this.env.hostAsyncInit) drainLoadParams(win, this.drainTarget(), loadParams);

    this.emit('onBeforeInit', { global: this.global, default_settings: this.defaultSettings });
    if (!this.env.hostAsyncInit) {
      try {
        drainBeforeInit(win, this.drainTarget());
      } catch (error) {
        // The real drain runs inside an event listener: the error is reported and the rest skipped.
        win.console.error(error);
      }
    }

    // The auth subscription answers asynchronously, like Firebase/MQTT auth state in the real one.
    win.setTimeout(() => {
      if (this.disposed) return;
      this.emitAuthState('offline');
      this.resumeStoredSession();
    }, 0);
  }

  private drainTarget() {
    return { on: (name: string, fn: Listener) => this.on(name, fn), setParameter: (arg: unknown) => this.setParameter(arg), api: this.api };
  }

  private resumeStoredSession(): void {
    const stored = this.storage.get('tiledeskToken');
    if (stored === null) {
      if (this.global['autoStart'] === true) void this.signInAnonymous();
      return;
    }
    void post(this.env.win, `${this.apiUrl}${encodeURIComponent(this.projectId)}/events`, {
      authorization: stored,
      body: { name: 'widget-loaded' },
    }).response.then(({ status }) => {
      if (this.disposed) return;
      if (status === 401 || status === 403) {
        // Observed: the expired token stays in storage, the launcher hides and disposes itself.
        this.setVisible(false);
        this.dispose();
      } else if (this.global['autoStart'] === true && this.phase === 'signed-out') {
        void this.signInWithCustomToken(stored);
      }
    });
  }

  private on(name: string, listener: Listener): void {
    this.root.addEventListener(name, listener);
  }

  private emit(name: string, detail: unknown): void {
    this.root.dispatchEvent(this.realm.event(name, detail));
  }

  private emitAuthState(event: 'online' | 'offline'): void {
    this.emit('onAuthStateChanged', {
      event,
      isLogged: event === 'online',
      user_id: this.userId,
      global: this.global,
      default_settings: this.defaultSettings,
      appConfigs: { apiUrl: this.apiUrl },
    });
  }

  private signInWithCustomToken(token: unknown): Promise<unknown> {
    return this.signIn(() => requestCustomTokenSignIn(this.env.win, this.apiUrl, token));
  }

  private signInAnonymous(): Promise<unknown> {
    return this.signIn(() => requestAnonymousSignIn(this.env.win, this.apiUrl, this.projectId));
  }

  /**
   * The shared sign-in path: the Promise settles after the first API call; the chat link and the
   * `onInit` + `online` events come after it.
   */
  private signIn(authorize: () => Promise<SignInResult>): Promise<unknown> {
    const attempt = ++this.attempt;
    const previous = this.phase;
    if (previous !== 'online') this.phase = 'signing-in';
    return this.realm.promise((resolve, reject) => {
      void authorize().then((result) => {
        if ('failure' in result) {
          if (result.status === 401 || result.status === 403) this.storage.remove('tiledeskToken');
          if (attempt === this.attempt) {
            if (previous === 'online' && (result.status === 401 || result.status === 403)) this.goOffline(1);
            else if (this.phase === 'signing-in') this.phase = previous === 'online' ? 'online' : 'signed-out';
          }
          reject(this.realm.error(result.failure));
          return;
        }
        const { token, user } = result.answer;
        this.storage.set('tiledeskToken', token);
        this.storage.set('currentUser', JSON.stringify({ uid: user['_id'], email: user['email'], firstname: user['firstname'], lastname: user['lastname'] }));
        this.phase = 'half';
        resolve(user);
        // Let the caller's `then` run first: the real Promise resolves before `online` fires.
        this.env.win.setTimeout(() => void this.connectChat(attempt, token, user), 0);
      });
    });
  }

  private async connectChat(attempt: number, token: string, user: Record<string, unknown>): Promise<void> {
    const chatToken = await requestChatToken(this.env.win, this.apiUrl, token);
    if (attempt !== this.attempt || this.disposed || chatToken === undefined) return;
    this.chat?.close();
    const userId = String(user['_id']);
    const link = new ChatConnection(this.env.win, this.apiUrl, chatToken, () => {
      if (this.chat !== link) return;
      this.phase = 'online';
      this.userId = userId;
      this.ui.setUser(typeof user['email'] === 'string' ? user['email'] : userId);
      this.emit('onInit', { global: this.global, default_settings: this.defaultSettings });
      this.emitAuthState('online');
    });
    this.chat = link;
    await link.open();
  }

  private logout(): Promise<boolean> | undefined {
    if (this.phase !== 'online') return undefined; // observed: also when sign-in half-succeeded
    this.attempt += 1;
    this.storage.clear();
    this.setVisible(false);
    this.goOffline(2);
    return this.realm.promise<boolean>((resolve) => resolve(true));
  }

  /** Leaves `user_id` as it was: the real widget reports the previous user in `offline`. */
  private goOffline(times: number): void {
    this.chat?.close();
    this.chat = undefined;
    this.phase = 'signed-out';
    this.ui.setUser(undefined);
    this.setOpen(false, false);
    for (let i = 0; i < times; i += 1) this.emitAuthState('offline');
  }

  private setVisible(visible: boolean): void {
    this.ui.container.style.display = visible ? '' : 'none';
  }

  private open(): void {
    if (this.phase === 'signed-out') void this.signInAnonymous();
    this.setOpen(!this.isOpen, true);
  }

  private close(): void {
    this.setOpen(false, true);
  }

  private setOpen(open: boolean, fire: boolean): void {
    const changed = open !== this.isOpen;
    this.isOpen = open;
    this.ui.setOpen(open);
    if (this.phase !== 'signed-out') this.storage.set('isOpen', String(open));
    if (fire && (changed || !open)) this.emit(open ? 'onOpen' : 'onClose', { default_settings: this.defaultSettings });
  }

  private dispose(): void {
    this.disposed = true;
    this.attempt += 1;
    this.chat?.close();
    this.chat = undefined;
    this.ui.container.remove();
  }

  private reInit(): void {
    const { win } = this.env;
    this.dispose();
    this.root.remove();
    win.Tiledesk = createStub();
    Widget.boot(this.env);
  }

  private setParameter(arg: unknown): void {
    const { key, value } = keyValue('setParameter', arg);
    this.global[key] = value;
  }

  private setAttributeParameter(arg: unknown): void {
    const { key, value } = keyValue('setAttributeParameter', arg);
    storeAttribute(this.storage, key, value);
  }

  private sendMessage(text: unknown): void {
    const message = { text: String(text), sender: this.userId, timestamp: Date.now() };
    this.emit('onBeforeMessageSend', { message });
    this.emit('onAfterMessageSend', { message });
  }
}
