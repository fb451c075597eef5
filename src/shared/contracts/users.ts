/** Contracts. */
import { defineContract } from '../contract.js';
import { IdParams } from './params.js';
import {
  CreateUserRequest,
  CreateUserResponse,
  ListUsersQuery,
  PasswordResetResponse,
  UpdateUserRequest,
  UserList,
  UserView,
} from '../api.js';

export const listUsers = defineContract({
  operationId: 'listUsers',
  method: 'GET',
  path: '/api/users',
  summary: 'Users the caller administers (all for a system administrator, own institution otherwise)',
  tags: ['users'],
  action: 'user.list',
  query: ListUsersQuery,
  response: UserList,
});

export const createUser = defineContract({
  operationId: 'createUser',
  method: 'POST',
  path: '/api/users',
  summary: 'Create a user account; returns a one-time activation link to deliver to the user',
  tags: ['users'],
  action: 'user.create',
  body: CreateUserRequest,
  response: CreateUserResponse,
  status: 201,
});

export const updateUser = defineContract({
  operationId: 'updateUser',
  method: 'PATCH',
  path: '/api/users/{id}',
  summary: 'Change a user’s name, e-mail, role, unit or status',
  tags: ['users'],
  action: 'user.update',
  params: IdParams,
  body: UpdateUserRequest,
  response: UserView,
});

export const resetUserPassword = defineContract({
  operationId: 'resetUserPassword',
  method: 'POST',
  path: '/api/users/{id}/password-reset',
  summary: 'Issue a one-time password reset link and end the user’s sessions',
  tags: ['users'],
  action: 'user.resetPassword',
  params: IdParams,
  response: PasswordResetResponse,
});
