import { AdvocacyInvitationElement } from '../invitation/invitation.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('invitation'), AdvocacyInvitationElement);
