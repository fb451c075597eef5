/** Follow-up: tasks of a case plan, my tasks, overdue work of my institution (docs/TASKS.md). */
import { defineOperations } from '../contract.js';
import * as api from '../api-tasks.js';

const tasks = defineOperations({ tags: ['tasks'], purpose: 'case_management' });

export const createTask = tasks.create('createTask', '/api/tasks', {
  summary:
    'Add a task to a case plan (or a stand-alone one) for the caller’s institution or one of its users',
  action: 'task.create',
  body: api.CreateTaskRequest,
  response: api.TaskView,
});

export const listTasks = tasks.get('listTasks', '/api/tasks', {
  summary: 'My open tasks, the overdue tasks of my institution, or a case’s plan; due first',
  action: 'task.list',
  query: api.ListTasksQuery,
  response: api.TaskList,
});

export const updateTask = tasks.patch('updateTask', '/api/tasks/{id}', {
  summary: 'Change a task’s status, due day, assignee or title',
  action: 'task.update',
  body: api.UpdateTaskRequest,
  response: api.TaskView,
});
