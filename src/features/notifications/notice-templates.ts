import type { FieldIssue } from '../../core/errors.ts';
import { COMMON_FIELDS, kindOf, type NoticeWording } from './notice-kinds.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Fills {{field}} with the notice's values; a field without a value becomes empty. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => values[name] ?? '');
}

/** Every field a template names that the kind does not have, as problems of the form's boxes. */
export function templateIssues(kind: string, wording: NoticeWording): FieldIssue[] {
  const allowed = new Set<string>([...COMMON_FIELDS, ...kindOf(kind).fields]);
  const issues: FieldIssue[] = [];
  for (const part of ['subject', 'body', 'sms'] as const) {
    const unknown = [...wording[part].matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !allowed.has(name));
    if (unknown.length) {
      issues.push({
        path: part,
        message: `Trường không có trong loại thông báo này: ${[...new Set(unknown)].map((name) => `{{${name}}}`).join(', ')}. Được dùng: ${[...allowed].map((name) => `{{${name}}}`).join(', ')}.`,
        messageEn: `Unknown placeholder(s): ${[...new Set(unknown)].join(', ')}.`,
      });
    }
  }
  const braces = ['subject', 'body', 'sms'].filter((part) => /\{\{(?![^{}]*\}\})|(?<!\{\{[^{}]*)\}\}/.test(wording[part as keyof NoticeWording]));
  for (const part of braces) issues.push({ path: part, message: 'Dấu {{ }} chưa đóng mở đúng.', messageEn: 'Unbalanced {{ }}.' });
  return issues;
}
