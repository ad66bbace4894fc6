import { post } from './api-client';
import { ChatConnection } from './chat-connection';
import type { WidgetEnvironment } from './host-window';
import { keyValue } from './parameters';
import type { Department } from './project-departments';
import { widgetRealm, type WidgetRealm } from './realm';
import { requestAnonymousSignIn, requestChatToken, requestCustomTokenSignIn, type SignInResult } from './sign-in-requests';
import { createStub, drainBeforeInit, drainLoadParams } from './stub-queue';
import { collectAttributes } from './visitor-attributes';
import { WidgetStorage } from './widget-storage';
import type { EmulatedWidgetEvent } from '../lib/widget-event-names';
import { createWidgetUi, type WidgetUi } from './widget-ui';
import { widgetUserOf, type WidgetUser } from './widget-user';

type Listener = (event: Event) => void;

const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  autoStart: false,
  startHidden: false,
  isLogEnabled: false,
  lang: 'en',
  align: 'right',
  marginX: '20px',
  marginY: '20px',
};

/** Settings the widget reads as booleans: only a real `true` counts. */
const BOOLEAN_SETTINGS = ['autoStart', 'startHidden', 'isShown'] as const;

const SIZES = ['min', 'max', 'top'];

function normalisedSize(value: unknown): string {
  const size = typeof value === 'string' ? value.toLowerCase().trim() : '';
  return SIZES.includes(size) ? size : 'min';
}

/** The auth states of the real widget's chat engine: `close` is a dropped link, which fires nothing. */
type AuthState = 'online' | 'offline';

/**
 * One emulated widget instance: `window.tiledesk`, its `<chat-root>`, its container and its auth
 * state, following the real widget's app component (the auth-state handler, `showWidget()`,
 * `hideWidget()`, `signOut()`). `reInit()` throws it away and boots a new one.
 *
 * @example
 * ```ts
 * Widget.boot(environment); // after the boot gate opened and widget-config.json answered
 * ```
 */
export class Widget {
  /** What the page sees as `window.tiledesk`. */
  readonly api: Record<string, unknown>;
  private readonly root: HTMLElement;
  private readonly ui: WidgetUi;
  private readonly realm: WidgetRealm;
  private readonly storage: WidgetStorage;
  /** The live settings (the real widget's `Globals`), handed out as `detail.global`. */
  private readonly global: Record<string, unknown>;
  private readonly defaultSettings: Record<string, unknown>;
  private readonly apiUrl: string;
  /** The user of the last accepted sign-in, until a logout or a 401. */
  private currentUser: WidgetUser | undefined;
  private chat: ChatConnection | undefined;
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
    this.apiUrl = env.config.apiUrl;
    this.defaultSettings = { ...DEFAULT_SETTINGS, projectid: projectId };
    this.storage = new WidgetStorage(win, env.storagePrefix, projectId);
    this.root = win.document.createElement('chat-root');
    win.document.body.appendChild(this.root);
    this.ui = createWidgetUi(
      win.document,
      () => this.open(),
      () => this.closeCallout(),
    );
    this.realm = widgetRealm(this.ui.realm);
    this.global = this.createGlobal(settings);
    this.api = this.buildApi();
    win.tiledesk = this.api;
  }

  /**
   * `global` is the live settings object the real widget hands out; it holds the host window.
   * `isShown` is an accessor because, as in the real widget, setting it shows or hides the UI.
   */
  private createGlobal(settings: Record<string, unknown>): Record<string, unknown> {
    // A size the visitor picked on an earlier page is kept, unless the page's settings set one.
    const global: Record<string, unknown> = {
      ...DEFAULT_SETTINGS,
      isOpen: false,
      isLogged: false,
      size: this.storage.get('size') ?? 'min',
    };
    let shown = true;
    Object.defineProperty(global, 'isShown', {
      enumerable: true,
      get: () => shown,
      set: (value: unknown) => {
        shown = value as boolean;
        this.ui.setShown(Boolean(value));
      },
    });
    Object.assign(global, settings, { projectid: this.projectId, windowContext: this.env.win });
    for (const key of BOOLEAN_SETTINGS) if (key in settings) global[key] = settings[key] === true;
    delete global['persistence'];
    return global;
  }

  private buildApi(): Record<string, unknown> {
    return {
      tiledeskroot: this.root,
      on: (name: unknown, listener: unknown) => {
        if (typeof name !== 'string' || typeof listener !== 'function') {
          throw new TypeError('tiledesk.on(name, listener) needs an event name and a function');
        }
        this.on(name, listener as Listener);
      },
      getBaseLocation: () => this.env.scriptBase,
      signInWithCustomToken: (token: unknown) => this.signInWithCustomToken(token),
      signInAnonymous: () => this.signInAnonymous(),
      logout: () => this.signOut(),
      show: () => this.showWidget(),
      hide: () => this.hideWidget(),
      open: () => this.open(),
      close: () => this.close(),
      dispose: () => this.dispose(),
      reInit: () => this.rebuild(true),
      restart: () => this.rebuild(false),
      clearStorage: () => this.storage.clear(),
      setParameter: (arg: unknown) => this.setParameter(arg),
      setAttributeParameter: (arg: unknown) => this.setAttributeParameter(arg),
      sendMessage: (text: unknown) => this.sendMessage(text),
      startConversation: () => this.startConversation(),
      openConversationById: (id: unknown) => this.emit('onConversationUpdated', { conversation: { uid: id } }),
      setPreChatForm: (arg: unknown) => this.setParameter({ key: 'preChatForm', value: arg }),
      showCallout: () => this.showCallout(),
    };
  }

  private start(): void {
    const win = this.env.win;
    // What the widget stores on every load, signed in or not (observed): the default department,
    // closed, the visitor's attributes, and the panel size.
    if (this.env.department) this.selectDepartment(this.env.department);
    this.storage.set('isOpen', 'false');
    this.global['attributes'] = collectAttributes(win, this.storage, this.global);

    // Both drains run as the events are handled, like the real launcher's own listeners: a queued
    // listener of the event being handled misses that dispatch (the drains call it once by hand).
    const loadParams = this.realm.event('onLoadParams' satisfies EmulatedWidgetEvent, { default_settings: this.defaultSettings });
    this.root.dispatchEvent(loadParams);
    if (!this.env.hostAsyncInit) drainLoadParams(win, this.drainTarget(), loadParams);

    this.global['size'] = normalisedSize(this.global['size']);
    this.storage.set('size', String(this.global['size']));

    const beforeInit = this.realm.event('onBeforeInit' satisfies EmulatedWidgetEvent, this.initDetail());
    this.root.dispatchEvent(beforeInit);
    if (!this.env.hostAsyncInit) {
      try {
        drainBeforeInit(win, this.drainTarget(), beforeInit);
      } catch (error) {
        // The real drain runs inside an event listener: the error is reported and the rest skipped.
        win.console.error(error);
      }
    }

    // Without the MQTT engine (no widget-config.json) the auth subscription never starts.
    if (!this.env.config.chatEngineReady) return;
    win.setTimeout(() => this.onAuthState('offline'), 0);
  }

  /** The stored attributes (else none) get the department's id and name; they become the live ones too. */
  private selectDepartment(department: Department): void {
    let attributes: Record<string, unknown> = {};
    try {
      const stored: unknown = JSON.parse(this.storage.get('attributes') ?? 'null');
      if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) attributes = stored as Record<string, unknown>;
    } catch {
      // a corrupt stored value starts over
    }
    attributes['departmentId'] = department._id;
    attributes['departmentName'] = department.name;
    this.global['departmentSelected'] = this.global['departmentDefault'] = department;
    this.global['attributes'] = attributes;
    this.storage.set('attributes', JSON.stringify(attributes));
  }

  private drainTarget() {
    return { on: (name: string, fn: Listener) => this.on(name, fn), setParameter: (arg: unknown) => this.setParameter(arg), api: this.api };
  }

  private on(name: string, listener: Listener): void {
    this.root.addEventListener(name, listener);
  }

  private emit(name: EmulatedWidgetEvent, detail: unknown): void {
    // A disposed widget has lost its iframe, and with it the app that fires events.
    if (!this.disposed) this.root.dispatchEvent(this.realm.event(name, detail));
  }

  private initDetail() {
    return { global: this.global, default_settings: this.defaultSettings, appConfigs: this.env.config.appConfigs };
  }

  /**
   * The real widget's auth-state handler. It runs at startup (`offline`), after every chat
   * connect (`online`: a sign-in, a refresh, a reconnect) and after a sign-out (`offline`).
   */
  private onAuthState(state: AuthState): void {
    if (this.disposed) return;
    const stored = this.storage.get('tiledeskToken');
    if (stored) this.global['tiledeskToken'] = stored;
    const autoStart = this.global['autoStart'];
    const startHidden = this.global['startHidden'];
    if (state === 'online') {
      const user = this.currentUser;
      if (!user) {
        // A logout() between a sign-in's answer and its chat connect forgot the user: the real
        // handler reads its uid first and throws (Angular's error handler logs it), firing nothing.
        this.env.win.console.error('ERROR', new TypeError("Cannot read properties of null (reading 'uid')"));
        return;
      }
      this.global['senderId'] = user.uid;
      this.global['isLogged'] = true;
      this.global['attributes'] = collectAttributes(this.env.win, this.storage, this.global);
      this.ui.setUser(user.email || user.uid);
      this.emit('onInit', this.initDetail());
      this.emitAuthState('online');
      if (autoStart) this.showWidget();
      // Observed: with autoStart off the widget marks itself shown without touching the container.
      if (!autoStart) this.global['isShown'] = true;
    } else {
      this.global['isLogged'] = false;
      this.emitAuthState('offline');
      if (autoStart) {
        this.authenticate();
        if (startHidden) this.hideWidget();
      }
    }
  }

  private emitAuthState(event: AuthState): void {
    if (this.disposed) return;
    this.emit('onAuthStateChanged', {
      event,
      isLogged: this.global['isLogged'],
      user_id: this.global['senderId'],
      global: this.global,
      default_settings: this.defaultSettings,
      appConfigs: this.env.config.appConfigs,
    });
    this.reportAuthEvent(event);
  }

  /**
   * The real launcher posts every auth change to `<apiUrl><projectid>/events` while the widget
   * knows a token; a 401 there (an expired token, say) makes it hide and dispose the widget.
   */
  private reportAuthEvent(event: AuthState): void {
    const token = this.global['tiledeskToken'];
    if (typeof token !== 'string' || token === '') return;
    const attributes = {
      user_id: this.global['senderId'],
      isLogged: this.global['isLogged'],
      event,
      subtype: 'info',
      language: this.global['lang'],
    };
    void post(this.env.win, `${this.apiUrl}${encodeURIComponent(this.projectId)}/events`, {
      authorization: token,
      body: { name: 'auth_state_changed', attributes },
    }).response.then(({ status }) => {
      if (status !== 401 || this.disposed) return;
      this.hideWidget();
      this.dispose();
    });
  }

  /** Signs in with the token the widget knows (stored), else anonymously; failures stay inside. */
  private authenticate(): void {
    const token = this.global['tiledeskToken'];
    const attempt = typeof token === 'string' && token !== '' ? this.signInWithCustomToken(token) : this.signInAnonymous();
    attempt.then(undefined, () => undefined);
  }

  private signInWithCustomToken(token: unknown): Promise<unknown> {
    if (this.storage.get('tiledeskToken') !== token) this.storage.remove('recipientId');
    return this.signIn(
      () => requestCustomTokenSignIn(this.env.win, this.apiUrl, token),
      (status) => {
        if (status === 401) this.forgetUser();
        // Any refusal while someone is signed in signs them out first (offline twice, storage
        // cleared), then the Promise rejects.
        this.signOut();
      },
      token,
    );
  }

  private signInAnonymous(): Promise<unknown> {
    return this.signIn(
      () => requestAnonymousSignIn(this.env.win, this.apiUrl, this.projectId),
      () => undefined,
      undefined,
    );
  }

  /**
   * The shared sign-in path: the Promise settles after the first API call; the chat link and the
   * `onInit` + `online` events come after it. `chatWith` is the token createCustomToken is sent
   * (the one passed in; the anonymous sign-in uses the one it was given).
   */
  private signIn(authorize: () => Promise<SignInResult>, onRefused: (status: number) => void, chatWith: unknown): Promise<unknown> {
    return this.realm.promise((resolve, reject) => {
      void authorize().then((result) => {
        if ('failure' in result) {
          onRefused(result.status);
          reject(this.realm.httpError(result.url, result.status));
          return;
        }
        const { token, user } = result.answer;
        const visitor = widgetUserOf(user);
        this.currentUser = visitor;
        this.storage.set('currentUser', JSON.stringify(visitor));
        if (this.storage.get('tiledeskToken') !== token) this.storage.set('tiledeskToken', token);
        this.rememberIdentity(visitor);
        resolve(this.realm.object(visitor));
        // Let the caller's `then` run first: the real Promise resolves before `online` fires.
        this.env.win.setTimeout(() => void this.connectChat(typeof chatWith === 'string' ? chatWith : token), 0);
      });
    });
  }

  /** The name and email a sign-in brings, unless the page set its own. */
  private rememberIdentity(user: WidgetUser): void {
    const attributes = this.global['attributes'] as Record<string, unknown>;
    if ((user.firstname || user.lastname) && !this.global['userFullname']) {
      this.global['userFullname'] = attributes['userFullname'] = `${user.firstname} ${user.lastname}`;
    }
    if (user.email && !this.global['userEmail']) this.global['userEmail'] = attributes['userEmail'] = user.email;
  }

  private async connectChat(token: string): Promise<void> {
    if (this.disposed || !this.env.config.chatEngineReady) return;
    const chatToken = await requestChatToken(this.env.win, this.apiUrl, token);
    if (this.disposed || chatToken === undefined) return; // refused: the sign-in stays half-done
    // Connecting again ends the previous link first; its end reports nothing (no `offline`).
    this.chat?.close();
    const link = new ChatConnection(this.env.win, this.apiUrl, chatToken, () => {
      if (this.chat === link) this.onAuthState('online');
    });
    this.chat = link;
    link.start();
  }

  /** The Tiledesk side of a sign-out: the token and the user are forgotten. */
  private forgetUser(): void {
    this.storage.remove('tiledeskToken');
    this.storage.remove('currentUser');
    this.currentUser = undefined;
  }

  /**
   * `logout()`: only while the widget counts itself logged in (so not after a half-done sign-in,
   * observed). Clears storage at once; the chat link takes a moment to close (the MQTT client
   * waits for the broker), and only then run the sign-out handler (`offline`, container hidden)
   * and the auth handler (`offline` again, and with autoStart a new sign-in), and the Promise
   * resolves `true`. So a refused sign-in, which signs out and rejects at once, rejects BEFORE
   * the two `offline` events (observed).
   */
  private signOut(): Promise<boolean> | undefined {
    if (this.global['isLogged'] !== true) return undefined;
    this.setIsOpen(false);
    this.storage.clear();
    this.forgetUser();
    const link = this.chat;
    this.chat = undefined;
    link?.close();
    return this.realm.promise<boolean>((resolve) => {
      this.env.win.setTimeout(() => {
        this.onSignedOut();
        this.onAuthState('offline');
        resolve(true);
      }, 0);
    });
  }

  /** Leaves `senderId` (the events' `user_id`) as it was: the real widget reports the previous user. */
  private onSignedOut(): void {
    this.global['tiledeskToken'] = null;
    this.global['isLogged'] = false;
    this.global['userFullname'] = null;
    this.global['userEmail'] = null;
    const attributes = this.global['attributes'] as Record<string, unknown>;
    attributes['userFullname'] = null;
    attributes['userEmail'] = null;
    attributes['preChatForm'] = null;
    this.global['recipientId'] = null;
    this.ui.setUser(undefined);
    this.hideWidget();
    this.emitAuthState('offline');
  }

  /**
   * `show()`: while the live setting `startHidden` is anything but `false` it shows nothing, it
   * clears `startHidden` and marks the widget not shown; the next call shows it.
   */
  private showWidget(): void {
    const container = this.hostContainer();
    if (container && this.global['startHidden'] === false) {
      container.style.display = 'block';
      this.global['isShown'] = true;
    } else {
      this.global['startHidden'] = false;
      this.global['isShown'] = false;
    }
  }

  private hideWidget(): void {
    const container = this.hostContainer();
    if (container) container.style.display = 'none';
    this.global['isShown'] = false;
  }

  /** Looked up by id in the page, as the widget does; none once disposed (or the page closed). */
  private hostContainer(): HTMLElement | null {
    return (this.env.win as Partial<Pick<Window, 'document'>>).document?.getElementById('tiledesk-container') ?? null;
  }

  /** `open()` and the launcher: a toggle; while not logged in it also signs in (stored token, else anonymous). */
  private open(): void {
    const logged = this.global['isLogged'] === true;
    this.emit(this.global['isOpen'] === false ? 'onOpen' : 'onClose', { default_settings: this.defaultSettings });
    this.setIsOpen(!this.global['isOpen']);
    this.storage.set('isOpen', String(this.global['isOpen']));
    if (!logged) this.authenticate();
  }

  private close(): void {
    this.setIsOpen(false);
    this.storage.set('isOpen', 'false');
    this.emit('onClose', { default_settings: this.defaultSettings });
  }

  private setIsOpen(open: boolean): void {
    this.global['isOpen'] = open;
    this.ui.setOpen(open);
  }

  private dispose(): void {
    this.disposed = true;
    this.chat?.close();
    this.chat = undefined;
    this.ui.container.remove();
  }

  /**
   * `reInit()` (`forget`: it also signs the user out of Tiledesk and clears storage) and
   * `restart()`: a new `window.tiledesk`, `<chat-root>` and container, booted at once.
   */
  private rebuild(forget: boolean): void {
    const { win } = this.env;
    if (forget && this.currentUser) {
      this.forgetUser();
      this.global['isLogged'] = false;
      this.storage.clear();
    }
    this.hideWidget();
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
    const attributes = this.global['attributes'] as Record<string, unknown>;
    attributes[key] = value;
    this.storage.set('attributes', JSON.stringify(attributes));
  }

  private startConversation(): void {
    const newConvId = `support-group-${this.projectId}-${Date.now().toString(36)}`;
    this.storage.set('recipientId', newConvId);
    this.emit('onNewConversation', { ...this.initDetail(), newConvId });
  }

  private sendMessage(text: unknown): void {
    const message = { text: String(text), sender: this.global['senderId'], timestamp: Date.now() };
    this.emit('onBeforeMessageSend', { message });
    this.emit('onAfterMessageSend', { message });
    // The real widget adds the message to the conversation when the chat server echoes it back as
    // sent (status 150), and only then fires onMessageCreated: a moment after the send.
    this.env.win.setTimeout(() => this.emit('onMessageCreated', { message: { ...message, status: 150 } }), 0);
  }

  /** `showCallout()`: the eye-catcher card opens over the launcher. */
  private showCallout(): void {
    this.ui.setCallout(true);
    this.emit('onOpenEyeCatcher', {});
  }

  /** The eye-catcher card's close button (the real widget fires its event with an empty detail). */
  private closeCallout(): void {
    this.ui.setCallout(false);
    this.emit('onClosedEyeCatcher', {});
  }
}
