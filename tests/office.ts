/**
 * Opens our files in LibreOffice, the office suite many users have: `soffice --headless
 * --convert-to`, with a private profile (so a running LibreOffice or another test does not
 * interfere) and a timeout. Tests that use it skip where LibreOffice is not installed
 * (scripts/test.sh installs it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
export const pdftotext = ['/usr/bin/pdftotext'].find((p) => fs.existsSync(p));

/** CSV import as a user in Bulgaria opens it: ';', '"', UTF-8, Bulgarian (1026), special numbers (dates) detected. */
export const BULGARIAN_CSV_FILTER = 'Text - txt - csv (StarCalc):59,34,76,1,,1026,false,true';

export const OFFICE_TIMEOUT_MS = 120_000;

/** Converts the bytes (a file named `name`) to `format` ("xlsx", "pdf") and returns the converted bytes. */
export function convertWithLibreOffice(bytes: Uint8Array, name: string, format: string, infilter?: string): Buffer {
  if (!soffice) throw new Error('LibreOffice is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'office-'));
  try {
    fs.writeFileSync(path.join(dir, name), bytes);
    const args = ['--headless', `-env:UserInstallation=file://${dir}/profile`];
    if (infilter) args.push(`--infilter=${infilter}`);
    args.push('--convert-to', format, '--outdir', path.join(dir, 'out'), path.join(dir, name));
    execFileSync(soffice, args, { timeout: OFFICE_TIMEOUT_MS, stdio: 'ignore' });
    return fs.readFileSync(path.join(dir, 'out', name.replace(/\.[^.]+$/, `.${format}`)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF, page by page (pdftotext -layout; pages split at form feeds). */
export function pdfPages(pdf: Uint8Array): string[] {
  if (!pdftotext) throw new Error('pdftotext (poppler-utils) is not installed');
  const text = execFileSync(pdftotext, ['-layout', '-', '-'], { input: pdf, timeout: 60_000 }).toString('utf8');
  return text.split('\f').slice(0, -1);
}

export type PdfWord = { text: string; xMin: number; xMax: number; yMin: number; yMax: number };

/** The words of one page of a PDF (1-based) with their boxes in points (pdftotext -bbox). */
export function pdfWords(pdf: Uint8Array, page: number): PdfWord[] {
  if (!pdftotext) throw new Error('pdftotext (poppler-utils) is not installed');
  const html = execFileSync(pdftotext, ['-bbox', '-f', String(page), '-l', String(page), '-', '-'], { input: pdf, timeout: 60_000 }).toString('utf8');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  }));
}
