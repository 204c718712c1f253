import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app/App.tsx';
import { createQueryClient } from './app/queryClient.ts';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const queryClient = createQueryClient();
preloadRoute(window.location.pathname, queryClient);
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
