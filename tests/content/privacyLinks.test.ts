import assert from 'node:assert/strict';
import { configSchema } from '../../src/config.js';
import { loadContent } from '../../src/content/content.js';
import { fillPrivacyText, privacyTemplate } from '../../src/content/privacyLinks.js';

describe('privacy wording links to the full notice', () => {
  it('fills {notice} with a link to /privacy (absolute when PUBLIC_URL is set) and {retentionDays}', () => {
    const config = configSchema.parse({ PUBLIC_URL: 'https://bot.example.org', RETENTION_DAYS: '30' });
    assert.equal(
      fillPrivacyText(privacyTemplate(100).parse('Read {notice}. Kept {retentionDays} days.'), config),
      'Read [our full privacy notice](https://bot.example.org/privacy). Kept 30 days.',
    );
  });

  it('is used by every consent notice and by the privacy journey', async () => {
    const content = await loadContent();
    for (const [name, lines] of [
      ['workshop consent notice', content.signups.workshopPrivacy],
      ['volunteering consent notice', content.signups.volunteerPrivacy],
      ['privacy journey intro', [content.privacyJourney.intro]],
    ] as const) {
      assert.ok(lines.join(' ').includes('{notice}'), `${name} does not link to the privacy notice`);
    }
  });
});
