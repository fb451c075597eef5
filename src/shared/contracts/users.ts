/** Contracts. */
import { defineOperations } from '../contract.js';
import * as api from '../api.js';

const users = defineOperations({ tags: ['users'] });

export const listUsers = users.get('listUsers', '/api/users', {
  summary: 'Users the caller administers (all for a system administrator, own institution otherwise)',
  action: 'user.list',
  query: api.ListUsersQuery,
  response: api.UserList,
});

export const createUser = users.create('createUser', '/api/users', {
  summary: 'Create a user account; returns a one-time activation link to deliver to the user',
  action: 'user.create',
  body: api.CreateUserRequest,
  response: api.CreateUserResponse,
});

export const updateUser = users.patch('updateUser', '/api/users/{id}', {
  summary: 'Change a user’s name, e-mail, role, unit or status',
  action: 'user.update',
  body: api.UpdateUserRequest,
  response: api.UserView,
});

export const resetUserPassword = users.post('resetUserPassword', '/api/users/{id}/password-reset', {
  summary: 'Issue a one-time password reset link and end the user’s sessions',
  action: 'user.resetPassword',
  response: api.PasswordResetResponse,
});
