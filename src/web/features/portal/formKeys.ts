/** A form field's answer key from its label: "Admin e-mail" → "admin_e_mail" (lowercase, underscores, starts with a letter). */
export function keyFromLabel(label: string): string {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  if (!base) return 'field';
  return /^[a-z]/.test(base) ? base : `field_${base}`;
}

/**
 * Keys for a form's fields: a field that already has one keeps it (the customer's answers are stored
 * under it), a new one gets its label's key, made unique with _2, _3….
 */
export function assignKeys(fields: { key?: string | undefined; label: string }[]): string[] {
  const taken = new Set(fields.flatMap((field) => (field.key ? [field.key] : [])));
  return fields.map((field) => {
    if (field.key) return field.key;
    const base = keyFromLabel(field.label);
    let key = base;
    for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
    taken.add(key);
    return key;
  });
}
