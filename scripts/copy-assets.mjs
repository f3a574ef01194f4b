#!/usr/bin/env node
/**
 * Part of `npm run build`: files the compiled code reads at run time but tsc does not emit (the audit
 * site's scripts and styles) are copied beside it in dist/, so the published package carries them.
 */
import { cpSync } from 'node:fs';

cpSync('src/audit/assets', 'dist/src/audit/assets', { recursive: true });
