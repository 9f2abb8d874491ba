import type { Capability } from '../capability.js';
import { demoAuthRoutes } from './demo-routes.js';
import { employeeDirectoryMigration } from './migrations/0211_employee_directory.js';

/** Sign-in: the employee profiles behind tokens, the demo employees and their tokens (the demo routes answer only in demo mode). */
export const authCapability: Capability = {
  name: 'auth',
  routes: demoAuthRoutes,
  migrations: { '0211_employee_directory': employeeDirectoryMigration },
};
