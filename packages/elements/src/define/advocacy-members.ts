import { AdvocacyMembersElement } from '../members/members.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('members'), AdvocacyMembersElement);
