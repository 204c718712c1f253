// Patterns for ILIKE from what a person typed into a search box: their own % _ and \ are taken literally.
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%`: contains the text. */
export const containsPattern = (text: string) => `%${literal(text)}%`;

/** `text%`: starts with the text. */
export const startsWithPattern = (text: string) => `${literal(text)}%`;
