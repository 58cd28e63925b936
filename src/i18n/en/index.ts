/** Every word a reader sees, in English: the reference table whose shape every other locale must match. */
import { analyses } from './analyses.js';
import { charts } from './charts.js';
import { report } from './report.js';
import { subscriptions } from './subscriptions.js';

export const en = { report, charts, analyses, subscriptions };
