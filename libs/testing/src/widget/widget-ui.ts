/**
 * The visible part of the emulated widget: a launcher button and a panel saying who is signed in.
 *
 * @example
 * ```ts
 * ui.setUser('ada@example.test'); ui.setOpen(true); ui.setShown(false);
 * ```
 */
export interface WidgetUi {
  /** `div#tiledesk-container`, what show/hide/dispose act on. */
  readonly container: HTMLDivElement;
  /** The realm events and Promises are created in (the iframe's window, like the real widget). */
  readonly realm: Window;
  setUser(label: string | undefined): void;
  setOpen(open: boolean): void;
  /**
   * The widget's `isShown`: inside the real widget's iframe it toggles the whole chat UI, launcher
   * included, independently of the container's `display` that show()/hide() set.
   */
  setShown(shown: boolean): void;
  /** Shows or hides the eye-catcher card (`showCallout()`; its close button hides it). */
  setCallout(open: boolean): void;
}

/**
 * Builds `div#tiledesk-container` with `iframe#tiledeskiframe` (whose window is the widget's
 * realm), a launcher button, a panel and an eye-catcher card. `onLauncherClick` is what a click on
 * the launcher does, `onCalloutClose` what the card's close button does.
 *
 * @example
 * ```ts
 * const ui = createWidgetUi(document, () => widget.open(), () => widget.closeCallout());
 * ```
 */
export function createWidgetUi(doc: Document, onLauncherClick: () => void, onCalloutClose: () => void): WidgetUi {
  const container = doc.createElement('div');
  container.id = 'tiledesk-container';
  container.classList.add('closed');
  container.setAttribute('style', 'position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px sans-serif;');

  const frame = doc.createElement('iframe');
  frame.id = 'tiledeskiframe';
  frame.title = 'Tiledesk widget emulator';
  frame.setAttribute('style', 'width:0;height:0;border:0;position:absolute;');

  const panel = doc.createElement('div');
  panel.id = 'tiledesk-emulator-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute(
    'style',
    'display:none;width:260px;padding:12px;margin-bottom:8px;background:#fff;border:1px solid #ccc;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.2);',
  );
  const who = doc.createElement('p');
  who.id = 'tiledesk-emulator-user';
  who.textContent = 'Not signed in';
  panel.append(doc.createTextNode('Tiledesk (emulator)'), who);

  const launcher = doc.createElement('button');
  launcher.id = 'tiledesk-emulator-launcher';
  launcher.type = 'button';
  launcher.textContent = 'Chat';
  launcher.setAttribute('aria-label', 'Open the chat');
  launcher.setAttribute(
    'style',
    'float:right;width:56px;height:56px;border-radius:28px;border:0;background:#2a6ac1;color:#fff;cursor:pointer;',
  );
  launcher.addEventListener('click', onLauncherClick);

  const callout = doc.createElement('div');
  callout.id = 'tiledesk-emulator-callout';
  callout.setAttribute(
    'style',
    'display:none;width:220px;padding:8px;margin-bottom:8px;background:#fff;border:1px solid #ccc;border-radius:8px;',
  );
  const calloutClose = doc.createElement('button');
  calloutClose.id = 'tiledesk-emulator-callout-close';
  calloutClose.type = 'button';
  calloutClose.textContent = '×';
  calloutClose.setAttribute('aria-label', 'Close the message');
  calloutClose.addEventListener('click', onCalloutClose);
  callout.append(doc.createTextNode('Need help?'), calloutClose);

  // What `isShown` toggles (the real widget's inner container); the iframe stays outside it.
  const content = doc.createElement('div');
  content.id = 'tiledesk-emulator-content';
  content.append(callout, panel, launcher);
  container.append(frame, content);
  doc.body.appendChild(container);
  const realm = (frame.contentWindow as Window | null) ?? doc.defaultView;
  if (!realm) throw new Error('tiledesk emulator: the document has no window');

  return {
    container,
    realm,
    setUser(label) {
      who.textContent = label === undefined ? 'Not signed in' : `Signed in as ${label}`;
    },
    setOpen(open) {
      container.classList.toggle('open', open);
      container.classList.toggle('closed', !open);
      panel.style.display = open ? 'block' : 'none';
      launcher.setAttribute('aria-label', open ? 'Close the chat' : 'Open the chat');
    },
    setShown(shown) {
      content.style.display = shown ? 'block' : 'none';
    },
    setCallout(open) {
      callout.style.display = open ? 'block' : 'none';
    },
  };
}
