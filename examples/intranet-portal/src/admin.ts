// The program admin's page: set-up first (session, text, provider), then the admin components
// (their own entry: the employee pages never load them).
import './styles.css';
import './admin-setup.js';
import '@advocacy-kit/elements/admin.js';
