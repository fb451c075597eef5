/** Follow-up: tasks of a case plan, my tasks, overdue work of my institution (docs/TASKS.md). */
import { defineOperations } from '../contract.js';
import { CreateTaskRequest, ListTasksQuery, TaskList, TaskView, UpdateTaskRequest } from '../api-tasks.js';
import { IdParams } from './params.js';

const tasks = defineOperations({ tags: ['tasks'], purpose: 'case_management' });

export const createTask = tasks.create('createTask', '/api/tasks', {
  summary:
    'Add a task to a case plan (or a stand-alone one) for the caller’s institution or one of its users',
  action: 'task.create',
  body: CreateTaskRequest,
  response: TaskView,
});

export const listTasks = tasks.get('listTasks', '/api/tasks', {
  summary: 'My open tasks, the overdue tasks of my institution, or a case’s plan; due first',
  action: 'task.list',
  query: ListTasksQuery,
  response: TaskList,
});

export const updateTask = tasks.patch('updateTask', '/api/tasks/{id}', {
  summary: 'Change a task’s status, due day, assignee or title',
  action: 'task.update',
  params: IdParams,
  body: UpdateTaskRequest,
  response: TaskView,
});
