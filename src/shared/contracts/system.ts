/** Probes: liveness and readiness, for orchestrators and load balancers. */
import { defineOperations } from '../contract.js';
import * as api from '../api.js';

const system = defineOperations({ tags: ['system'] });

export const getHealth = system.get('getHealth', '/api/health', {
  summary: 'Liveness: the process answers',
  auth: 'public',
  response: api.Health,
});

export const getReadiness = system.get('getReadiness', '/api/ready', {
  summary: 'Readiness: the database answers and every migration is applied',
  auth: 'public',
  response: api.Ready,
});
