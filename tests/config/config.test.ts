import assert from 'node:assert/strict';
import { ConfigError, isLocalMode, loadConfig } from '../../src/config.js';

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, 'a bad setting must give a ConfigError');
    return error.problems;
  }
  assert.fail('expected the configuration to be refused');
}

const APP = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'not-a-real-password',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
};

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3978);
    assert.equal(config.DATA_DIR, './data');
    assert.equal(config.STORAGE, 'lowdb');
    assert.ok(isLocalMode(config));
  });

  it('treats empty values as not set', () => {
    assert.equal(loadConfig({ PORT: '', MicrosoftAppId: '  ' }).PORT, 3978);
  });

  const cases: [string, Record<string, string>, RegExp][] = [
    ['PORT that is not a number', { PORT: 'abc' }, /^PORT must be a whole number from 0 to 65535/],
    ['PORT out of range', { PORT: '70000' }, /^PORT must be a whole number from 0 to 65535/],
    ['STORAGE unknown', { STORAGE: 'sql' }, /^STORAGE must be "lowdb"/],
    [
      'MicrosoftAppId not a GUID',
      { MicrosoftAppId: 'my-bot' },
      /^MicrosoftAppId must be the bot's Microsoft App ID/,
    ],
    [
      'MicrosoftAppType unknown',
      { ...APP, MicrosoftAppType: 'Tenant' },
      /^MicrosoftAppType must be SingleTenant/,
    ],
    [
      'app id without a type',
      { ...APP, MicrosoftAppType: '' },
      /^MicrosoftAppType must be set when MicrosoftAppId/,
    ],
    ['app id without a password', { ...APP, MicrosoftAppPassword: '' }, /^MicrosoftAppPassword must be set/],
    [
      'single tenant without a tenant',
      { ...APP, MicrosoftAppTenantId: '' },
      /^MicrosoftAppTenantId must be set/,
    ],
    ['password without an app id', { MicrosoftAppPassword: 'x' }, /^MicrosoftAppId must be set when/],
    [
      'short Direct Line secret',
      { DIRECT_LINE_SECRET: 'abc' },
      /^DIRECT_LINE_SECRET must be the full Direct Line secret/,
    ],
    ['PUBLIC_URL not a URL', { PUBLIC_URL: 'bot.example.org' }, /^PUBLIC_URL must be a full web address/],
    [
      'PUBLIC_URL not http(s)',
      { PUBLIC_URL: 'ftp://bot.example.org' },
      /^PUBLIC_URL must start with https:\/\//,
    ],
    ['short STAFF_TOKEN', { STAFF_TOKEN: 'secret' }, /^STAFF_TOKEN must be at least 32 characters/],
    ['LOG_LEVEL unknown', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be debug, info, warn or error/],
  ];
  for (const [name, env, expected] of cases) {
    it(`refuses ${name} with a message naming the variable`, () => {
      const problems = problemsFor(env);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `expected a problem matching ${expected}, got ${JSON.stringify(problems)}`,
      );
    });
  }

  it('never echoes a secret value in its message', () => {
    const problems = problemsFor({
      ...APP,
      MicrosoftAppId: 'not-a-guid',
      MicrosoftAppPassword: 'Sup3rS3cretValue',
    });
    assert.ok(!problems.join(' ').includes('Sup3rS3cretValue'));
  });

  it('accepts a complete single-tenant Azure configuration', () => {
    const config = loadConfig({ ...APP, PUBLIC_URL: 'https://bot.example.org/' });
    assert.equal(isLocalMode(config), false);
    assert.equal(config.PUBLIC_URL, 'https://bot.example.org');
  });
});
