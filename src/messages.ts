/**
 * All user-facing error and warning text in one place (plain English, for the console and the
 * analyst). Each message names the file, table or option (and row or column where there is one)
 * and says what to do. The builders live by topic in `messages/`; this module joins them into the
 * one `messages` object every caller imports: `throw new WorkbenchError('CODE', messages.x(…), details)`.
 */
import { actionMessages } from './analyses/actions/messages.js';
import { privacyMessages } from './messages/privacy.js';
import { analysisMessages } from './messages/analysis.js';
import { clusterMessages } from './analyses/clusters/messages.js';
import { clvMessages } from './analyses/clv/messages.js';
import { cohortMessages } from './analyses/cohorts/messages.js';
import { dataMessages } from './messages/data.js';
import { optionMessages } from './messages/options.js';
import { rfmMessages } from './analyses/rfm/messages.js';
import { segmentMessages } from './analyses/segments/messages.js';
import { subscriptionMessages } from './analyses/subscriptions/messages.js';
import { subscriptionDataMessages } from './messages/subscription-data.js';
import { subscriptionReportMessages } from './analyses/subscriptions/report-messages.js';
import { toolMessages } from './messages/tools.js';
import { usageMessages } from './analyses/usage/messages.js';

/** Message builders: files, mapping and parsing; analyses; CLI, notebooks and the Workbench. */
export const messages = {
  ...dataMessages,
  ...optionMessages,
  ...analysisMessages,
  ...rfmMessages,
  ...cohortMessages,
  ...clusterMessages,
  ...clvMessages,
  ...segmentMessages,
  ...subscriptionMessages,
  ...subscriptionDataMessages,
  ...subscriptionReportMessages,
  ...usageMessages,
  ...toolMessages,
  ...actionMessages,
  ...privacyMessages,
} as const;
