/** The prevention pages by route, spread into the app's page table (App.tsx). */
import type { ComponentType } from 'react';
import type { RouteParams } from '../../routes.js';
import { ActionPlanPage } from './ActionPlanPage.js';
import { CampaignsPage } from './CampaignsPage.js';
import { HotlineContactPage } from './HotlineContactPage.js';
import { HotlinePage } from './HotlinePage.js';
import { TrainingPage } from './TrainingPage.js';
import { TrainingsPage } from './TrainingsPage.js';

export const PREVENTION_PAGES: Record<
  | '/prevention/trainings'
  | '/prevention/trainings/:id'
  | '/prevention/campaigns'
  | '/prevention/hotline'
  | '/prevention/hotline/:id'
  | '/prevention/action-plan',
  ComponentType<{ params: RouteParams }>
> = {
  '/prevention/trainings': TrainingsPage,
  '/prevention/trainings/:id': TrainingPage,
  '/prevention/campaigns': CampaignsPage,
  '/prevention/hotline': HotlinePage,
  '/prevention/hotline/:id': HotlineContactPage,
  '/prevention/action-plan': ActionPlanPage,
};
