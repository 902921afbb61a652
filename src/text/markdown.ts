// Web Chat and Teams render bot text as Markdown. Anything a person typed (a name, an email) must
// be escaped before it is put into a reply, or it could turn into links or formatting.
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}
