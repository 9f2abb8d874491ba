import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyDirectoryElement } from '../directory/directory.component.js';

defineElement(tagFor('directory'), AdvocacyDirectoryElement);
