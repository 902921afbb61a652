import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.js';

const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;';

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected the configuration to be refused');
}

describe('configuration: storage', () => {
  it('needs a connection string for STORAGE=blob, and says so by name', () => {
    assert.deepEqual(problemsFor({ STORAGE: 'blob' }), [
      "AZURE_STORAGE_CONNECTION_STRING must be set when STORAGE is blob (the storage account's connection string)",
    ]);
  });

  it('accepts blob storage with a connection string, and a default container', () => {
    const config = loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: AZURITE });
    assert.equal(config.STORAGE, 'blob');
    assert.equal(config.AZURE_STORAGE_CONTAINER, 'safer-kingston');
    assert.equal(loadConfig({ AZURE_STORAGE_CONTAINER: 'bot-data-2' }).AZURE_STORAGE_CONTAINER, 'bot-data-2');
  });

  it('refuses something that is not a connection string, without repeating it', () => {
    const problems = problemsFor({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: 'Sup3rS3cret-not-a-string',
    });
    assert.match(
      problems.join('\n'),
      /^AZURE_STORAGE_CONNECTION_STRING must be an Azure Storage connection string/,
    );
    assert.ok(!problems.join(' ').includes('Sup3rS3cret'));
  });

  for (const bad of ['Bot_Data', 'ab', 'a--b', '-abc', 'x'.repeat(64)]) {
    it(`refuses the container name "${bad.length > 10 ? `${bad.slice(0, 6)}...` : bad}"`, () => {
      assert.match(
        problemsFor({ AZURE_STORAGE_CONTAINER: bad }).join('\n'),
        /^AZURE_STORAGE_CONTAINER must be 3 to 63/,
      );
    });
  }
});
