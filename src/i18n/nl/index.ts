/** Every word a reader sees, in Dutch. Typed as {@link Texts}: a missing or extra key is a compile error. */
import type { Texts } from '../types.js';
import { analyses } from './analyses.js';
import { charts } from './charts.js';
import { report } from './report.js';
import { subscriptions } from './subscriptions.js';

export const nl: Texts = { report, charts, analyses, subscriptions };
