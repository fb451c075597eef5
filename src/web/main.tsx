/** Entry point: styles, providers (language, server data, session, routes), and the app. */
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UpdatePrompt } from './components/UpdatePrompt.js';
import { queryClient } from './queries.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { router } from './router.js';
import { SessionProvider } from './session.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/components.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const showLogin = () => void router.navigate({ to: '/login' });

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <SessionProvider onSignedOut={showLogin}>
          <RouterProvider router={router} />
        </SessionProvider>
        <UpdatePrompt />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
