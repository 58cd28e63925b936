/**
 * All user-facing error and warning text in one place (plain English, for the console and the
 * analyst). Each message names the file, table or option (and row or column where there is one)
 * and says what to do. The builders live by topic in `messages/`; this module joins them into the
 * one `messages` object every caller imports: `throw new WorkbenchError('CODE', messages.x(…), details)`.
 */
import { actionMessages } from './messages/actions.js';
import { privacyMessages } from './messages/privacy.js';
import { analysisMessages } from './messages/analysis.js';
import { dataMessages } from './messages/data.js';
import { optionMessages } from './messages/options.js';
import { subscriptionDataMessages } from './messages/subscription-data.js';
import { subscriptionReportMessages } from './messages/subscription-report.js';
import { toolMessages } from './messages/tools.js';

/** Message builders: files, mapping and parsing; analyses; CLI, notebooks and the Workbench. */
export const messages = {
  ...dataMessages,
  ...optionMessages,
  ...analysisMessages,
  ...subscriptionDataMessages,
  ...subscriptionReportMessages,
  ...toolMessages,
  ...actionMessages,
  ...privacyMessages,
} as const;
