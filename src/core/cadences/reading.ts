// What a careful reader would object to in an automated message: the check every built-in template passes
// (fallbacks.test.ts, escalation.mail.test.ts) with every field it uses empty.

/** What a careful reader would object to in a message; empty when it reads right. */
export function readingProblems(text: string): string[] {
  const problems: string[] = [];
  const check = (pattern: RegExp, what: string) => {
    const match = pattern.exec(text);
    if (match) problems.push(`${what}: “${match[0]}”`);
  };
  check(/\{\{|\}\}|\{%|%\}/, 'an unrendered placeholder');
  check(/\b(undefined|null|NaN)\b/, 'a missing value shown as code');
  check(/\b(\w+)\s+\1\b/i, 'a doubled word');
  check(/our product customers|your our|the your|Meet other our/i, 'a fallback that reads badly');
  check(/[ \t]{2,}\S/, 'a doubled space');
  check(/\s[,.:;!?]/, 'a space before punctuation');
  check(/\(\s*\)|\[\s*\]/, 'empty brackets');
  check(/(^|[.!?]\s+)(our|the|your|we|it)\b/m, 'a sentence that starts in lower case');
  check(/Hi ,|, ,|\b1 days\b|\b0 days\b/, 'a greeting or count that reads badly');
  check(/Your onboarding team/, 'an anonymous signature');
  return problems;
}
