import { listen } from './dom-events.js';

const fire = (name: string, detail: unknown, target: EventTarget = document.body) =>
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: false }));

describe('listen', () => {
  it('receives non-bubbling events dispatched on elements, through one capture listener', () => {
    const add = jest.spyOn(document, 'addEventListener');
    const remove = jest.spyOn(document, 'removeEventListener');
    const root = document.body.appendChild(document.createElement('chat-root'));
    const a = jest.fn();
    const b = jest.fn();
    const offA = listen('onOpen', a);
    const offB = listen('onOpen', b);
    expect(add.mock.calls.filter(([n]) => n === 'onOpen')).toHaveLength(1);
    fire('onOpen', { x: 1 }, root);
    expect(a).toHaveBeenCalledWith({ x: 1 });
    expect(b).toHaveBeenCalledWith({ x: 1 });
    offA();
    offA();
    expect(remove.mock.calls.filter(([n]) => n === 'onOpen')).toHaveLength(0);
    offB();
    expect(remove.mock.calls.filter(([n]) => n === 'onOpen')).toHaveLength(1);
    fire('onOpen', {}, root);
    expect(a).toHaveBeenCalledTimes(1);
    root.remove();
  });

  it('reads detail from events of another realm (no instanceof)', () => {
    const handler = jest.fn();
    const off = listen('onInit', handler);
    // An event object whose prototype chain is not this window's CustomEvent.
    const foreign = new Event('onInit');
    Object.defineProperty(foreign, 'detail', { value: { global: 'g' } });
    document.body.dispatchEvent(foreign);
    expect(handler).toHaveBeenCalledWith({ global: 'g' });
    off();
  });
});
