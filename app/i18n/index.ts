/**
 * The word store: the common words (./common.ts) and one file per feature (./dashboard.ts,
 * ./reports.ts, ...), Bulgarian and English with the same keys. './core' is the pure part
 * (translate, translateWith, pageTitle: for loaders, mails, exports and the command line),
 * './react' the hooks of components (useLang, useT).
 */
export * from './core';
export * from './react';
