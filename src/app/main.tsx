import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEngine } from './engineClient';
import { restoreOnBoot } from './persist/boot';
import './styles.css';

// The engine starts outside React, so StrictMode's double effects cannot start two.
startEngine();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A shared link or the autosave is restored before the first paint (bounded by a timeout).
void restoreOnBoot().finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
