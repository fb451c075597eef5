/** Probes: liveness and readiness, for orchestrators and load balancers. */
import { Health, Ready } from '../api.js';
import { defineContract } from '../contract.js';

export const getHealth = defineContract({
  operationId: 'getHealth',
  method: 'GET',
  path: '/api/health',
  summary: 'Liveness: the process answers',
  tags: ['system'],
  auth: 'public',
  response: Health,
});

export const getReadiness = defineContract({
  operationId: 'getReadiness',
  method: 'GET',
  path: '/api/ready',
  summary: 'Readiness: the database answers and every migration is applied',
  tags: ['system'],
  auth: 'public',
  response: Ready,
});
