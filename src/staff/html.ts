// Safe HTML building for server-rendered staff pages: every value is escaped.
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function table(caption: string, headers: string[], rows: unknown[][], empty: string): string {
  if (rows.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A bar chart as inline SVG. It is decorative: the table beside it carries the same numbers. */
export function barChart(bars: { label: string; value: number }[]): string {
  const width = 640;
  const barHeight = 22;
  const gap = 6;
  const labelWidth = 150;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * (barHeight + gap);
  const rows = bars
    .map((b, i) => {
      const y = i * (barHeight + gap);
      const w = Math.round(((width - labelWidth - 60) * b.value) / max);
      return (
        `<text x="0" y="${y + 16}" class="label">${escapeHtml(b.label)}</text>` +
        `<rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" class="bar"></rect>` +
        `<text x="${labelWidth + w + 6}" y="${y + 16}" class="value">${b.value}</text>`
      );
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" aria-hidden="true" focusable="false">${rows}</svg>`;
}
