import { z } from 'zod/mini';
import type { MessageKey } from '@/lib/i18n/core';
import { MOBILE_PATTERN } from './mobile';
import { typedRupeesValue } from './rupees';

// Schema messages are catalogue keys, so forms (any language) and route handlers (English
// today) render the same text. See lib/api/errors.ts for how issues become field messages.
//
// zod/mini, not classic zod: these schemas are shared with client forms, and mini's functional
// API lets the bundler drop what a page does not use (classic ships all of zod, ~45 KiB gzip).
// Both run on the same zod core, so issues, messages and transforms are the same as classic's.

/** A string field whose "missing" and "wrong type" both read as a catalogue message. */
export const text = (invalid: MessageKey = 'validation.invalid') =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'validation.required' : invalid) });

/**
 * For free text that reaches a database query or row: PostgreSQL text cannot hold NUL (the
 * statement fails), and other control characters only garble the admin views.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
export const withoutControlChars = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ');

export const mobileSchema = text('validation.mobile').check(z.trim(), z.regex(MOBILE_PATTERN, 'validation.mobile'));

/** Whole rupees as typed → a number for the checks that follow (see typedRupeesValue). */
export const typedRupees = z.transform(typedRupeesValue);

/** A whole number of rupees whose missing and wrong-type messages read as the catalogue's. */
export const rupeesNumber = () =>
  z.number({ error: (issue) => (issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.amount') });
