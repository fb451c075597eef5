/** Probes: liveness and readiness, for orchestrators and load balancers. */
import { Health, Ready } from '../api.js';
import { defineOperations } from '../contract.js';

const system = defineOperations({ tags: ['system'] });

export const getHealth = system.get('getHealth', '/api/health', {
  summary: 'Liveness: the process answers',
  auth: 'public',
  response: Health,
});

export const getReadiness = system.get('getReadiness', '/api/ready', {
  summary: 'Readiness: the database answers and every migration is applied',
  auth: 'public',
  response: Ready,
});
