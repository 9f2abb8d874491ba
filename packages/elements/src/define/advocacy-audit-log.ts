import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyAuditLogElement } from '../audit-log/audit-log.component.js';

defineElement(tagFor('audit-log'), AdvocacyAuditLogElement);
