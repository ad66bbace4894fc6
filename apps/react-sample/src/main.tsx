import { embeddedBootData } from '@samples/kit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startTiledesk } from './app/start-tiledesk';
import './styles.css';

// The moment the bundle runs: the bench measures how soon after it the sign-in starts.
performance.mark('sample-bundle-ran');

// With the boot data in the page, Tiledesk starts now rather than after React's first render.
const boot = embeddedBootData();
const started = boot ? { boot, client: startTiledesk(boot) } : undefined;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App started={started} />
  </StrictMode>,
);
