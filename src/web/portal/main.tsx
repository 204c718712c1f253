import '../styles/base.css';
import './portal.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createQueryClient } from '../app/queryClient.ts';
import { PortalApp } from './PortalApp.tsx';


// The customer portal's own entry (portal.html): customers on phones and slow links download this and
// nothing of the staff app. The server serves portal.html for every /portal/* address.

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <BrowserRouter>
        <Routes>
          <Route path="/portal/*" element={<PortalApp />} />
          <Route path="*" element={<Navigate to="/portal" replace />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
